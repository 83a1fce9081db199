import { useEffect, useId, useState } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import {
  WORKING_LANGUAGES,
  WORKING_LANGUAGE_SETTING,
  workingLanguage
} from '../../../../shared/languages'
import { call } from '../../api'
import { StancePicker, type Stance } from '../citations/stance'
import { FormDialog } from '../records/FormDialog'
import { SimilarClaims } from '../claims/SimilarClaims'
import type { TextRange } from './domOffsets'

type Props = {
  sourceId: string
  range: TextRange
  passage: string
  onClose: () => void
  onCreated: (citation: Citation) => void
  /** Opens a similar claim offered under the text (in the claims view). */
  onOpenClaim?: ((claimId: string) => void) | null
}

/**
 * "New claim from selection": the passage becomes the claim's first citation, quoted as the
 * source wrote it; the claim is written in the project's working language, and the passage may
 * get the analyst's translation into it.
 */
export function ClaimFromSelectionDialog({
  sourceId,
  range,
  passage,
  onClose,
  onCreated,
  onOpenClaim
}: Props) {
  const [text, setText] = useState(passage)
  const [translation, setTranslation] = useState('')
  const [stance, setStance] = useState<Stance>('supports')
  const [language, setLanguage] = useState(workingLanguage(null))
  const textId = useId()
  const translationId = useId()
  const languageId = useId()

  useEffect(() => {
    let current = true
    call('settings.get', { key: WORKING_LANGUAGE_SETTING }).then(
      ({ value }) => {
        if (current) setLanguage(workingLanguage(value))
      },
      // Unreadable: the dialog works in English, as a new project does.
      () => undefined
    )
    return () => {
      current = false
    }
  }, [])

  const chooseLanguage = (code: string) => {
    setLanguage(workingLanguage(code))
    // A project setting: the next claim, and the briefing's translations, use it too.
    void call('settings.set', { key: WORKING_LANGUAGE_SETTING, value: code }).catch(() => undefined)
  }

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
          stance,
          ...(translation.trim() ? { translation: translation.trim() } : {})
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
      <label className="field-label" htmlFor={languageId}>
        Working language <span className="field-optional">of this project’s claims</span>
      </label>
      <select
        id={languageId}
        className="field-input"
        value={language.code}
        onChange={(event) => chooseLanguage(event.target.value)}
      >
        {WORKING_LANGUAGES.map((entry) => (
          <option key={entry.code} value={entry.code}>
            {entry.name}
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor={textId}>
        Claim text, in {language.name}{' '}
        <span className="field-optional">one checkable statement; the quote stays as written</span>
      </label>
      <textarea
        id={textId}
        className="field-input field-textarea"
        rows={4}
        lang={language.code}
        value={text}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setText(event.target.value)}
      />
      {onOpenClaim ? (
        <SimilarClaims
          text={text}
          lang={language.code}
          onOpen={(id) => {
            onClose()
            onOpenClaim(id)
          }}
        />
      ) : null}
      <label className="field-label" htmlFor={translationId}>
        Translation of the quote into {language.name}{' '}
        <span className="field-optional">optional</span>
      </label>
      <textarea
        id={translationId}
        className="field-input field-textarea"
        rows={3}
        lang={language.code}
        maxLength={20_000}
        value={translation}
        onChange={(event) => setTranslation(event.target.value)}
      />
      <span className="field-label" aria-hidden="true">
        Stance
      </span>
      <StancePicker value={stance} onChange={setStance} />
    </FormDialog>
  )
}
