import type { CustomCellRendererProps } from 'ag-grid-react'
import {
  CLAIM_STATUSES,
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  STATUS_LABELS,
  type ClaimStatus,
  type Credibility
} from '../../../../shared/domain'
import { WarningIcon } from '../../components/Icons'
import { GradeCell, Pill } from '../../grid/cells'
import type { EditorOption } from '../../grid/OptionsEditor'

export function StatusCell({ value }: CustomCellRendererProps<unknown, ClaimStatus>) {
  if (!value) return null
  return <Pill tone={value} label={STATUS_LABELS[value]} />
}

export function CredibilityCell({ value }: CustomCellRendererProps<unknown, Credibility | null>) {
  if (value === null || value === undefined) return <span className="cell-empty">Not graded</span>
  return <GradeCell code={String(value)} label={CREDIBILITY_LABELS[value]} />
}

/** A warning mark on a disputed claim; the reason is its tooltip and accessible name. */
export function FlagCell({ value }: CustomCellRendererProps<unknown, string | null>) {
  if (!value) return null
  return (
    <span className="cell-flag" role="img" aria-label={`Disputed: ${value}`} title={value}>
      <WarningIcon />
    </span>
  )
}

export const statusOptions: EditorOption<ClaimStatus>[] = CLAIM_STATUSES.map((status) => ({
  value: status,
  label: STATUS_LABELS[status],
  content: <Pill tone={status} label={STATUS_LABELS[status]} />
}))

export const credibilityOptions: EditorOption<Credibility | null>[] = [
  { value: null, label: 'Not graded', content: <span className="cell-empty">Not graded</span> },
  ...CREDIBILITY_GRADES.map((grade) => ({
    value: grade,
    label: `${grade} ${CREDIBILITY_LABELS[grade]}`,
    content: <GradeCell code={String(grade)} label={CREDIBILITY_LABELS[grade]} />
  }))
]
