import type { ClaimStatus, Credibility, RelationKind, Reliability, SourceKind } from './domain'
import type { RequestName } from './contract'
import type { DocumentOutputs } from './documentTypes'
import type { BriefingOutputs } from './briefingTypes'
import type { ExportOutputs } from './exportTypes'
import type { FactOutputs } from './factTypes'
import type { TimelineOutputs } from './contractTimeline'
import type { PairOutputs } from './pairTypes'
import type { TableOutputs } from './tableTypes'
import type { SourceLayout } from './pages'

export type TagRef = { id: string; name: string; path: string; colour: string | null }

export type Claim = {
  id: string
  text: string
  status: ClaimStatus
  eventDate: string | null
  credibility: Credibility | null
  confidence: number | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  tags: TagRef[]
  citationCount: number
  sources: string[]
  /** Why the claim is disputed (a contradicting citation, conflicting figures), or null. */
  flag: string | null
}

export type Source = {
  id: string
  title: string
  url: string | null
  publisher: string | null
  author: string | null
  publishedAt: string | null
  language: string | null
  kind: SourceKind
  reliability: Reliability | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  tags: TagRef[]
  claimCount: number
  contentLength: number
  /** The source this one is a translation or copy of (same origin); null when independent. */
  originId: string | null
}

export type SourceWithContent = Source & {
  content: string
  contentHash: string
  /** Pages, for a source imported from a PDF; null otherwise. */
  layout: SourceLayout | null
}

/**
 * One page of a list and how many rows the filter matches. `totalAtLeast`: the count is not
 * known yet (a quick search stops reading once the page is full); `claims.count` gives it.
 */
export type ListResult<T> = { rows: T[]; total: number; totalAtLeast?: true }

/** The Attest process that holds a project open (its lock), as the "in use" screen names it. */
export type ProjectHolder = {
  host: string
  pid: number
  /** When it opened the project (ISO time), or null when its lock does not say. */
  since: string | null
  /** The holder is on another computer (a shared drive): it may be taken over. */
  otherHost: boolean
  message: string
}

export type ProjectInfo = {
  path: string
  name: string
  schemaVersion: number
  createdAt: string
  deviceId: string
  journalEntries: number
}

/** Whether changes reach the disk; the window shows a banner while they do not. */
export type ProjectHealth = {
  saving: 'ok' | 'disk_full' | 'failing'
  /** The sentence to show while saving is not ok. */
  message: string | null
  /** Why the project opened read-only (a damaged file), or null. */
  readOnly: string | null
  /** The file failed its integrity check at open: offer to export what can be read. */
  damaged: boolean
  /** Saved changes that are in the journal but not yet in the project file. */
  pendingEntries: number
}

/** What `project.salvage` copied out of a damaged project into a new file beside it. */
export type SalvageResult = {
  path: string
  /** Rows copied, per table. */
  copied: Record<string, number>
  /** Tables that could be read only in part. */
  unreadable: string[]
  /** Rows dropped because what they pointed at was lost. */
  brokenLinksRemoved: number
}

export type Stats = {
  sources: number
  claims: number
  [kind: string]: number
}

export type Deleted = { deleted: number }
export type Changed = { changed: number }

export type Tag = {
  id: string
  parentId: string | null
  name: string
  path: string
  colour: string | null
  description: string | null
  claimCount: number
  sourceCount: number
}

export type Note = {
  id: string
  targetKind: 'claim' | 'source'
  targetId: string
  body: string
  createdAt: string
  updatedAt: string
}

export type Relation = {
  id: string
  fromClaimId: string
  toClaimId: string
  kind: RelationKind
  note: string | null
  createdAt: string
  /** Seen from the claim asked about: 'out' when it is fromClaimId. */
  direction: 'out' | 'in'
  other: { id: string; text: string; status: string; deleted: boolean }
}

export type HistoryEntry = {
  seq: number
  operation: string
  kind: 'edit' | 'undo' | 'redo'
  recordKind: string
  recordId: string
  field: string
  oldValue: unknown
  newValue: unknown
  at: string
  deviceId: string
  /** For a relation: the text of the claim at its other end, if that claim still exists. */
  otherClaimText?: string
}

export type HistoryState = {
  canUndo: boolean
  undoLabel: string | null
  canRedo: boolean
  redoLabel: string | null
}

export type UndoResult = HistoryState & { done: string | null; affected: string[] }

type RecordOutputs = {
  'project.info': ProjectInfo
  'project.health': ProjectHealth
  'project.salvage': SalvageResult
  'project.holder': ProjectHolder | null
  'project.reopen': { reopened: true }
  stats: Stats
  'claims.list': ListResult<Claim>
  'claims.count': { total: number }
  'claims.ids': { ids: string[] }
  'claims.get': Claim
  'claims.create': Claim
  'claims.update': Claim
  'claims.delete': Deleted
  'sources.list': ListResult<Source>
  'sources.get': SourceWithContent
  'sources.ids': { ids: string[] }
  'sources.create': SourceWithContent
  'sources.update': Source
  'sources.delete': Deleted
  'sources.restore': Changed
  'sources.purge': Deleted
  'sources.tag': Changed
  'sources.bulkUpdate': Changed
  'claims.restore': Changed
  'claims.purge': Deleted
  'claims.tag': Changed
  'claims.bulkUpdate': Changed
  'tags.list': Tag[]
  'tags.create': Tag
  'tags.update': Tag
  'tags.merge': Tag
  'tags.delete': Deleted
  'notes.list': Note[]
  'notes.create': Note
  'notes.update': Note
  'notes.delete': Deleted
  'relations.list': Relation[]
  'relations.create': Relation
  'relations.delete': Deleted
  'history.list': HistoryEntry[]
  'history.state': HistoryState
  'history.undo': UndoResult
  'history.redo': UndoResult
  'settings.get': { value: string | null }
  'settings.set': { value: string }
}

export type Outputs = RecordOutputs &
  DocumentOutputs &
  ExportOutputs &
  BriefingOutputs &
  FactOutputs &
  TimelineOutputs &
  PairOutputs &
  TableOutputs

// Every request declares its output: a request missing here fails to compile.
type MissingOutputs = Exclude<RequestName, keyof Outputs>
export const OUTPUTS_COVER_CONTRACT: MissingOutputs extends never ? true : never = true

export type RequestOutput<K extends RequestName> = Outputs[K]
export type { RelationKind }
