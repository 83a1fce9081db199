import { useId, useState } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import { call } from '../../api'
import { StancePicker, type Stance } from '../citations/stance'
import { FormDialog } from '../records/FormDialog'
import type { TextRange } from './domOffsets'

type Props = {
  sourceId: string
  range: TextRange
  passage: string
  onClose: () => void
  onCreated: (citation: Citation) => void
}

/** "New claim from selection": the passage becomes the claim's text and its first citation. */
export function ClaimFromSelectionDialog({ sourceId, range, passage, onClose, onCreated }: Props) {
  const [text, setText] = useState(passage)
  const [stance, setStance] = useState<Stance>('supports')
  const textId = useId()

  return (
    <FormDialog
      title="New claim from selection"
      submitLabel="Create claim"
      canSubmit={text.trim().length > 0}
      onClose={onClose}
      onSubmit={async () => {
        const { citation } = await call('claims.createFromSelection', {
          sourceId,
          start: range.start,
          end: range.end,
          text: text.trim(),
          stance
        })
        onCreated(citation)
      }}
    >
      <span className="field-label" aria-hidden="true">
        Passage
      </span>
      <blockquote className="passage-preview" aria-label="Passage">
        {passage}
      </blockquote>
      <label className="field-label" htmlFor={textId}>
        Claim text{' '}
        <span className="field-optional">rewrite it as one checkable statement if you like</span>
      </label>
      <textarea
        id={textId}
        className="field-input field-textarea"
        rows={4}
        value={text}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setText(event.target.value)}
      />
      <span className="field-label" aria-hidden="true">
        Stance
      </span>
      <StancePicker value={stance} onChange={setStance} />
    </FormDialog>
  )
}
