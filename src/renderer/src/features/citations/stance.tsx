import { useId } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import { CITATION_STANCES } from '../../../../shared/domain'
import './citations.css'

export type Stance = Citation['stance']
export type AnchorStatus = Citation['anchorStatus']

export const STANCES: readonly Stance[] = CITATION_STANCES

export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  mentions: 'Mentions'
}

export const ANCHOR_LABELS: Record<AnchorStatus, string> = {
  exact: 'Exact',
  moved: 'Moved',
  fuzzy: 'Approximate',
  orphaned: 'Not found'
}

export const ANCHOR_DESCRIPTIONS: Record<AnchorStatus, string> = {
  exact: 'The quote is where it was cited.',
  moved: 'The quote was found again at another place in the edited text.',
  fuzzy: 'The text was edited; the closest match to the quote is highlighted.',
  orphaned: 'The quote is not in the current text. Select the passage again to re-anchor it.'
}

export function StanceBadge({ stance }: { stance: Stance }) {
  return <span className={`stance stance-${stance}`}>{STANCE_LABELS[stance]}</span>
}

/** Exact anchors need no badge; the others say what happened to the quote. */
export function AnchorBadge({
  status,
  always = false
}: {
  status: AnchorStatus
  always?: boolean
}) {
  if (status === 'exact' && !always) return null
  return (
    <span className={`anchor-badge anchor-${status}`} title={ANCHOR_DESCRIPTIONS[status]}>
      {ANCHOR_LABELS[status]}
    </span>
  )
}

/** Supports / Contradicts / Mentions as a radio group that looks like a segmented control. */
export function StancePicker({
  value,
  onChange,
  label = 'Stance',
  size = 'normal'
}: {
  value: Stance
  onChange: (stance: Stance) => void
  label?: string
  size?: 'normal' | 'small'
}) {
  const name = useId()
  return (
    <div className={`stance-picker stance-picker-${size}`} role="radiogroup" aria-label={label}>
      {STANCES.map((stance) => (
        <label key={stance} className={`stance-option stance-option-${stance}`}>
          <input
            type="radio"
            name={name}
            value={stance}
            checked={value === stance}
            onChange={() => onChange(stance)}
          />
          <span>{STANCE_LABELS[stance]}</span>
        </label>
      ))}
    </div>
  )
}
