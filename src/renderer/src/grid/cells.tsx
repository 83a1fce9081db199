import type { CustomCellRendererProps } from 'ag-grid-react'
import type { TagRef } from '../../../shared/types'
import { TagChip } from '../features/tags/TagChip'
import { formatRelative, formatTimestamp } from '../lib/format'
import { onExternalLinkClick } from '../lib/links'

/** Long text: two lines in the row, all of it on hover and in the editor. */
export function ClampedTextCell({ value }: CustomCellRendererProps<unknown, string>) {
  if (!value) return null
  return (
    <span className="cell-clamp" title={value.length > 140 ? value : undefined}>
      {value}
    </span>
  )
}

/** A coloured pill; `tone` picks the colour, `label` the words. */
export function Pill({ tone, label }: { tone: string; label: string }) {
  return <span className={`pill pill-${tone}`}>{label}</span>
}

/** An Admiralty grade: the code in a badge, its meaning beside it (or, if compact, on hover). */
export function GradeCell({
  code,
  label,
  compact = false
}: {
  code: string
  label: string
  compact?: boolean
}) {
  return (
    <span className="grade" title={`${code} — ${label}`}>
      <span className={`grade-code grade-${code}`}>{code}</span>
      {compact ? null : <span className="grade-label">{label}</span>}
    </span>
  )
}

export function ConfidenceCell({ value }: CustomCellRendererProps<unknown, number | null>) {
  if (value === null || value === undefined) return <span className="cell-empty">—</span>
  return (
    <span className="confidence" title={`Confidence ${value} of 100`}>
      <span className="confidence-value">{value}</span>
      <span className="confidence-track" aria-hidden="true">
        <span className="confidence-fill" style={{ width: `${value}%` }} />
      </span>
    </span>
  )
}

export function TagsCell({ value }: CustomCellRendererProps<unknown, TagRef[]>) {
  if (!value?.length) return null
  return (
    <span className="chips" title={value.map((tag) => tag.path).join(', ')}>
      {value.map((tag) => (
        <TagChip key={tag.id} tag={tag} />
      ))}
    </span>
  )
}

export function UpdatedCell({ value }: CustomCellRendererProps<unknown, string>) {
  if (!value) return null
  return (
    <time className="cell-muted" dateTime={value} title={formatTimestamp(value)}>
      {formatRelative(value)}
    </time>
  )
}

export function DateCell({ value }: CustomCellRendererProps<unknown, string | null>) {
  if (!value) return <span className="cell-empty">—</span>
  return <span className="cell-date">{value}</span>
}

export function LinkCell({ value }: CustomCellRendererProps<unknown, string | null>) {
  if (!value) return null
  let shown = value
  try {
    const url = new URL(value)
    shown = url.host.replace(/^www\./, '') + (url.pathname === '/' ? '' : url.pathname)
  } catch {
    // Not a URL we can shorten: show it as written.
  }
  return (
    <a
      className="cell-link"
      href={value}
      target="_blank"
      rel="noreferrer noopener"
      title={value}
      onClick={(event) => onExternalLinkClick(event, value)}
    >
      {shown}
    </a>
  )
}
