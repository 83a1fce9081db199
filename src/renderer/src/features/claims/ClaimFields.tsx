import { useEffect, useState } from 'react'
import type { SuggestedCredibility } from '../../../../shared/factTypes'
import type { RequestInput } from '../../../../shared/contract'
import {
  CLAIM_STATUSES,
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  STATUS_LABELS,
  type ClaimStatus,
  type Credibility
} from '../../../../shared/domain'
import type { Claim } from '../../../../shared/types'
import { ApiError, call } from '../../api'
import { SelectField, TextField, type SelectOption } from '../details/fields'
import type { FieldsProps } from '../records/types'
import { useWorkspace } from '../../workspace'

type ClaimChanges = RequestInput<'claims.update'>['changes']

const statusOptions: SelectOption<ClaimStatus>[] = CLAIM_STATUSES.map((status) => ({
  value: status,
  label: STATUS_LABELS[status]
}))

const credibilityOptions: SelectOption<Credibility | null>[] = [
  { value: null, label: 'Not graded' },
  ...CREDIBILITY_GRADES.map((grade) => ({
    value: grade,
    label: `${grade} — ${CREDIBILITY_LABELS[grade]}`
  }))
]

/** A number as typed, or the text itself so the core can explain what is wrong with it. */
function confidenceOf(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  return Number(trimmed.replace(',', '.'))
}

/**
 * The grade the evidence suggests, fetched for the claim shown; refetched after every write
 * (the undo state is new then): a citation's stance or a cited source's text can change it
 * without touching the claim's own row.
 */
function useSuggested(row: Claim): SuggestedCredibility | null {
  const [suggested, setSuggested] = useState<SuggestedCredibility | null>(null)
  const { history } = useWorkspace()
  useEffect(() => {
    let live = true
    call('claims.credibility', { id: row.id }).then(
      (value) => live && setSuggested(value),
      () => live && setSuggested(null)
    )
    return () => {
      live = false
    }
  }, [row.id, row.updatedAt, row.citationCount, history])
  return suggested
}

export function ClaimFields({ row, onSaved }: FieldsProps<Claim>) {
  const suggested = useSuggested(row)
  const save = async (changes: ClaimChanges) => {
    onSaved(await call('claims.update', { id: row.id, changes }))
  }
  return (
    <div className="detail-fields">
      <TextField
        label="Claim"
        value={row.text}
        multiline
        className="detail-input-claim"
        hint="Ctrl+Enter saves"
        onCommit={(text) => save({ text })}
      />
      <SelectField
        label="Status"
        value={row.status}
        options={statusOptions}
        onCommit={(status) => save({ status })}
      />
      <SelectField
        label="Credibility"
        value={row.credibility}
        options={credibilityOptions}
        onCommit={(credibility) => save({ credibility })}
      />
      {suggested && (
        <p className="detail-suggested" aria-label="Suggested credibility">
          Suggested:{' '}
          <strong>
            {suggested.grade} — {suggested.label.toLowerCase()}
          </strong>{' '}
          ({suggested.reason}). Your own grade stays as you set it.
        </p>
      )}
      <TextField
        label="Confidence"
        value={row.confidence === null ? null : String(row.confidence)}
        placeholder="0–100"
        inputMode="numeric"
        onCommit={(text) => {
          const confidence = confidenceOf(text)
          if (confidence !== null && !Number.isFinite(confidence)) {
            return Promise.reject(
              new ApiError('invalid_input', 'Confidence is a number from 0 to 100')
            )
          }
          return save({ confidence })
        }}
      />
      <TextField
        label="Event date"
        value={row.eventDate}
        placeholder="YYYY-MM-DD"
        inputMode="numeric"
        onCommit={(eventDate) => save({ eventDate: eventDate.trim() || null })}
      />
    </div>
  )
}
