/**
 * How each kind of record maps onto its table. The history, undo and redo work on these field
 * names, so a field is only writable through here if it is listed.
 */

export type EntityKind =
  'claim' | 'source' | 'tag' | 'note' | 'relation' | 'citation' | 'briefing' | 'dismissedPair'
export type LinkKind = 'claimTag' | 'sourceTag'
export type RecordKind = EntityKind | LinkKind

export type EntityDefinition = {
  table: string
  /** field name → column name, for every column the history tracks */
  columns: Record<string, string>
  /** whether the table has created_at/updated_at maintained by the store */
  timestamps: 'both' | 'created' | 'none'
}

export const ENTITIES: Record<EntityKind, EntityDefinition> = {
  claim: {
    table: 'claims',
    columns: {
      text: 'text',
      status: 'status',
      eventDate: 'event_date',
      credibility: 'credibility',
      confidence: 'confidence',
      flag: 'flag',
      deletedAt: 'deleted_at'
    },
    timestamps: 'both'
  },
  source: {
    table: 'sources',
    columns: {
      title: 'title',
      url: 'url',
      publisher: 'publisher',
      author: 'author',
      publishedAt: 'published_at',
      language: 'language',
      kind: 'kind',
      reliability: 'reliability',
      content: 'content',
      contentHash: 'content_hash',
      layout: 'layout',
      originId: 'origin_id',
      deletedAt: 'deleted_at'
    },
    timestamps: 'both'
  },
  tag: {
    table: 'tags',
    columns: { parentId: 'parent_id', name: 'name', colour: 'colour', description: 'description' },
    timestamps: 'both'
  },
  note: {
    table: 'notes',
    columns: { targetKind: 'target_kind', targetId: 'target_id', body: 'body' },
    timestamps: 'both'
  },
  relation: {
    table: 'relations',
    columns: { fromClaimId: 'from_claim_id', toClaimId: 'to_claim_id', kind: 'kind', note: 'note' },
    timestamps: 'created'
  },
  citation: {
    table: 'citations',
    columns: {
      claimId: 'claim_id',
      sourceId: 'source_id',
      quote: 'quote',
      prefix: 'prefix',
      suffix: 'suffix',
      start: 'start_offset',
      end: 'end_offset',
      stance: 'stance',
      locator: 'locator',
      note: 'note',
      translation: 'translation',
      sourceHash: 'source_hash',
      anchorStatus: 'anchor_status'
    },
    timestamps: 'both'
  },
  briefing: {
    table: 'briefings',
    columns: {
      title: 'title',
      author: 'author',
      audience: 'audience',
      classification: 'classification',
      date: 'briefing_date',
      bottomLine: 'bottom_line',
      judgements: 'judgements',
      scope: 'scope',
      groupBy: 'group_by',
      include: 'include'
    },
    timestamps: 'both'
  },
  /** A pair of figures set aside in Compare; its id is the pair's key. */
  dismissedPair: {
    table: 'dismissed_pairs',
    columns: { aSourceId: 'a_source_id', bSourceId: 'b_source_id', summary: 'summary' },
    timestamps: 'created'
  }
}

export type LinkDefinition = {
  table: string
  ownerKind: 'claim' | 'source'
  ownerTable: string
  ownerColumn: string
}

export const LINKS: Record<LinkKind, LinkDefinition> = {
  claimTag: {
    table: 'claim_tags',
    ownerKind: 'claim',
    ownerTable: 'claims',
    ownerColumn: 'claim_seq'
  },
  sourceTag: {
    table: 'source_tags',
    ownerKind: 'source',
    ownerTable: 'sources',
    ownerColumn: 'source_seq'
  }
}

export function isLinkKind(kind: string): kind is LinkKind {
  return kind in LINKS
}

export function isEntityKind(kind: string): kind is EntityKind {
  return kind in ENTITIES
}
