import type { CustomCellRendererProps } from 'ag-grid-react'
import {
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  SOURCE_KINDS,
  type Reliability,
  type SourceKind
} from '../../../../shared/domain'
import { GradeCell } from '../../grid/cells'
import type { EditorOption } from '../../grid/OptionsEditor'

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  article: 'Article',
  report: 'Report',
  interview: 'Interview',
  dataset: 'Dataset',
  other: 'Other'
}

export const kindOptions: EditorOption<SourceKind>[] = SOURCE_KINDS.map((kind) => ({
  value: kind,
  label: SOURCE_KIND_LABELS[kind]
}))

export const reliabilityOptions: EditorOption<Reliability | null>[] = [
  { value: null, label: 'Not graded', content: <span className="cell-empty">Not graded</span> },
  ...RELIABILITY_GRADES.map((grade) => ({
    value: grade,
    label: `${grade} ${RELIABILITY_LABELS[grade]}`,
    content: <GradeCell code={grade} label={RELIABILITY_LABELS[grade]} />
  }))
]

export function ReliabilityCell({ value }: CustomCellRendererProps<unknown, Reliability | null>) {
  if (!value) return <span className="cell-empty">Not graded</span>
  // The letter is what analysts scan for; its meaning is on hover and in the editor.
  return <GradeCell code={value} label={RELIABILITY_LABELS[value]} compact />
}

export function KindCell({ value }: CustomCellRendererProps<unknown, SourceKind>) {
  return value ? <span>{SOURCE_KIND_LABELS[value]}</span> : null
}

export function PlainCell({ value }: CustomCellRendererProps<unknown, string | null>) {
  if (!value) return <span className="cell-empty">—</span>
  return (
    <span className="cell-ellipsis" title={value}>
      {value}
    </span>
  )
}
