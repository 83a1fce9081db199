import { useId, useState } from 'react'
import { call } from '../../api'
import type { Claim } from '../../../../shared/types'
import { FormDialog } from '../records/FormDialog'
import { requestRecordFocus } from '../reader/readerNavigation'
import { SimilarClaims } from './SimilarClaims'

type Props = { onClose: () => void; onCreated: (claim: Claim) => void }

export function NewClaimDialog({ onClose, onCreated }: Props) {
  const [text, setText] = useState('')
  const textId = useId()

  return (
    <FormDialog
      title="New claim"
      submitLabel="Create"
      canSubmit={text.trim().length > 0}
      onClose={onClose}
      onSubmit={async () => onCreated(await call('claims.create', { text }))}
    >
      <label className="field-label" htmlFor={textId}>
        Claim text
      </label>
      <textarea
        id={textId}
        className="field-input field-textarea"
        rows={5}
        value={text}
        autoFocus
        placeholder="One checkable statement, e.g. “Exports of refined copper rose 12% in March.”"
        onChange={(event) => setText(event.target.value)}
      />
      <SimilarClaims
        text={text}
        onOpen={(id) => {
          onClose()
          requestRecordFocus({ kind: 'claim', id })
        }}
      />
    </FormDialog>
  )
}
