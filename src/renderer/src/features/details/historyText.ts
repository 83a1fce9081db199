import {
  CREDIBILITY_LABELS,
  STATUS_LABELS,
  type ClaimStatus,
  type Credibility
} from '../../../../shared/domain'
import type { HistoryEntry, Tag } from '../../../../shared/types'
import { RELATION_PHRASES } from './relationText'

/** One operation as the history shows it: what was done, when, where, and each change. */
export type HistoryGroup = {
  key: string
  operation: string
  kind: HistoryEntry['kind']
  at: string
  deviceId: string
  lines: string[]
}

const FIELD_LABELS: Record<string, string> = {
  text: 'Text',
  status: 'Status',
  credibility: 'Credibility',
  confidence: 'Confidence',
  eventDate: 'Event date',
  title: 'Title',
  url: 'URL',
  publisher: 'Publisher',
  author: 'Author',
  publishedAt: 'Published',
  language: 'Language',
  kind: 'Kind',
  reliability: 'Reliability',
  content: 'Text'
}

const LONG_FIELDS = new Set(['text', 'title', 'content'])

function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`
}

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty'
  if (field === 'status' && typeof value === 'string' && value in STATUS_LABELS) {
    return STATUS_LABELS[value as ClaimStatus].toLowerCase()
  }
  if (field === 'credibility' && typeof value === 'number' && value in CREDIBILITY_LABELS) {
    return `${value} (${CREDIBILITY_LABELS[value as Credibility].toLowerCase()})`
  }
  if (LONG_FIELDS.has(field) && typeof value === 'string') return quote(value, 40)
  if (field === 'content' && typeof value === 'string') return `${value.length} characters`
  return String(value)
}

function snapshotOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
}

/** One change in words: "Status: unverified → contested", "Tagged “Economy / Trade”". */
export function describeChange(
  entry: HistoryEntry,
  recordId: string,
  tagsById: ReadonlyMap<string, Tag>
): string {
  const added = entry.oldValue === null && entry.newValue !== null
  const snapshot = snapshotOf(added ? entry.newValue : entry.oldValue)

  if (entry.recordKind === 'claimTag' || entry.recordKind === 'sourceTag') {
    const tagId = typeof snapshot?.tagId === 'string' ? snapshot.tagId : ''
    const tag = tagsById.get(tagId)
    return `${added ? 'Tagged' : 'Untagged'} ${tag ? quote(tag.path) : 'with a tag since deleted'}`
  }

  if (entry.recordKind === 'note') {
    if (entry.field === '*') {
      const body = typeof snapshot?.body === 'string' ? ` ${quote(snapshot.body, 48)}` : ''
      return `${added ? 'Note added' : 'Note deleted'}:${body}`
    }
    return `Note edited: ${valueText('text', entry.newValue)}`
  }

  if (entry.recordKind === 'relation') {
    const kind = typeof snapshot?.kind === 'string' ? snapshot.kind : ''
    const phrases = RELATION_PHRASES[kind as keyof typeof RELATION_PHRASES]
    const outgoing = snapshot?.fromClaimId === recordId
    const phrase = phrases ? (outgoing ? `${phrases.out} →` : `← ${phrases.in}`) : kind
    const other = entry.otherClaimText === undefined ? '' : ` ${quote(entry.otherClaimText, 48)}`
    return `${added ? 'Relation added' : 'Relation removed'}: ${phrase}${other}`
  }

  if (entry.field === '*') return added ? 'Created' : 'Deleted for good'
  if (entry.field === 'deletedAt') {
    return entry.newValue === null ? 'Restored from the Trash' : 'Moved to the Trash'
  }
  const label = FIELD_LABELS[entry.field] ?? entry.field
  if (entry.field === 'content') return `${label} changed`
  return `${label}: ${valueText(entry.field, entry.oldValue)} → ${valueText(entry.field, entry.newValue)}`
}

/**
 * The history of one record, newest first, grouped by the operation that made each change
 * (the core stamps all changes of one operation with the same time).
 */
export function groupHistory(
  entries: readonly HistoryEntry[],
  recordId: string,
  tagsById: ReadonlyMap<string, Tag>
): HistoryGroup[] {
  const groups: HistoryGroup[] = []
  for (const entry of entries) {
    const last = groups.at(-1)
    const line = describeChange(entry, recordId, tagsById)
    if (
      last &&
      last.operation === entry.operation &&
      last.at === entry.at &&
      last.deviceId === entry.deviceId
    ) {
      // Entries come newest first; within one operation, read them in the order they happened.
      if (!last.lines.includes(line)) last.lines.unshift(line)
      continue
    }
    groups.push({
      key: `${entry.seq}`,
      operation: entry.operation,
      kind: entry.kind,
      at: entry.at,
      deviceId: entry.deviceId,
      lines: [line]
    })
  }
  return groups
}
