import type {
  ClaimStatus,
  Credibility,
  RelationKind,
  Reliability,
  SourceKind
} from './domain'
import type { RequestName } from './contract'

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
}

export type SourceWithContent = Source & { content: string; contentHash: string }

export type ListResult<T> = { rows: T[]; total: number }

export type ProjectInfo = {
  path: string
  name: string
  schemaVersion: number
  createdAt: string
  deviceId: string
  journalEntries: number
}

export type Stats = {
  sources: number
  claims: number
  [kind: string]: number
}

export type Deleted = { deleted: number }

export type Outputs = {
  'project.info': ProjectInfo
  stats: Stats
  'claims.list': ListResult<Claim>
  'claims.get': Claim
  'claims.create': Claim
  'claims.update': Claim
  'claims.delete': Deleted
  'sources.list': ListResult<Source>
  'sources.get': SourceWithContent
  'sources.create': SourceWithContent
  'sources.update': SourceWithContent
  'sources.delete': Deleted
}

export type RequestOutput<K extends RequestName> = K extends keyof Outputs ? Outputs[K] : never
export type { RelationKind }
