import { useId } from 'react'
import { ESTIMATIVE_TERMS } from '../../../../shared/domain'
import type { ExportScopeInput } from './scopes'
import { SupportingClaims } from './SupportingClaims'

/** A key judgement as typed; `claimIds` are the claims it rests on, kept as stored. */
export type JudgementDraft = { text: string; confidence: string; claimIds: string[] }

type Props = {
  bottomLine: string
  judgements: JudgementDraft[]
  onBottomLine: (value: string) => void
  onJudgements: (value: JudgementDraft[]) => void
  /** The briefing's claims: where supporting claims are looked for. */
  scope: ExportScopeInput
}

/** What the briefing says first: the bottom line, then the key judgements and how likely each is. */
export function JudgementsFields({
  bottomLine,
  judgements,
  onBottomLine,
  onJudgements,
  scope
}: Props) {
  const bottomId = useId()
  const change = (index: number, draft: Partial<JudgementDraft>) =>
    onJudgements(judgements.map((entry, i) => (i === index ? { ...entry, ...draft } : entry)))
  return (
    <>
      <label className="field-label" htmlFor={bottomId}>
        Bottom line <span className="field-optional">what the reader must know first</span>
      </label>
      <textarea
        id={bottomId}
        className="field-input field-textarea"
        rows={2}
        maxLength={5_000}
        value={bottomLine}
        onChange={(event) => onBottomLine(event.target.value)}
      />
      <fieldset className="export-fieldset">
        <legend className="field-label">Key judgements</legend>
        {judgements.map((judgement, index) => (
          <div key={index} className="export-judgement">
            <select
              aria-label={`Confidence of judgement ${index + 1}`}
              className="field-input export-select"
              value={judgement.confidence}
              onChange={(event) => change(index, { confidence: event.target.value })}
            >
              <option value="">No confidence word</option>
              {ESTIMATIVE_TERMS.map((word) => (
                <option key={word} value={word}>
                  {word}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              aria-label={`Remove judgement ${index + 1}`}
              onClick={() => onJudgements(judgements.filter((_, i) => i !== index))}
            >
              ×
            </button>
            <textarea
              aria-label={`Judgement ${index + 1}`}
              className="field-input field-textarea export-judgement-text"
              rows={2}
              maxLength={2_000}
              value={judgement.text}
              onChange={(event) => change(index, { text: event.target.value })}
            />
            <SupportingClaims
              number={index + 1}
              claimIds={judgement.claimIds}
              scope={scope}
              onChange={(claimIds) => change(index, { claimIds })}
            />
          </div>
        ))}
        {judgements.length < 20 ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              onJudgements([...judgements, { text: '', confidence: 'likely', claimIds: [] }])
            }
          >
            Add a key judgement
          </button>
        ) : null}
      </fieldset>
    </>
  )
}
