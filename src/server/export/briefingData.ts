import type { ParsedInput } from '../../shared/contract'
import { MAX_BRIEFING_CLAIMS } from '../../shared/contractExports'
import type { BriefingDocx, BriefingDrawings, BriefingHtml } from '../../shared/exportTypes'
import { AttestError } from '../../shared/result'
import { WORKING_LANGUAGE_SETTING, workingLanguage } from '../../shared/languages'
import type { CoreContext } from '../records/context'
import type { SqliteDb } from '../store/sqlite'
import { STATUS_LABELS, type ClaimStatus, type RelationKind } from '../../shared/domain'
import {
  BRIEFING_STATUS_ORDER,
  briefingDrawings,
  renderBriefingDocx,
  renderContext,
  renderBriefingHtml,
  type BriefingCitation,
  type BriefingClaim,
  type BriefingData,
  type BriefingGroup,
  type BriefingRelation,
  type BriefingSource,
  type CitationStance
} from './briefing'
import { contradictionKey, findFigureConflicts } from './briefingFigures'
import { fontCss, fontCssInline } from './fonts'
import { claimsInScope, describeClaimScope } from './scope'

/** Gathers a briefing from SQL: the claims in scope with their evidence, grouped. */

export type BriefingInput = Omit<ParsedInput<'briefing.html'>, 'fonts'>

type ClaimRow = {
  id: string
  text: string
  status: ClaimStatus
  credibility: number | null
  confidence: number | null
  eventDate: string | null
  tagIds: string | null
}

type CitationRow = {
  claimId: string
  sourceId: string
  quote: string
  stance: CitationStance
  locator: string | null
  note: string | null
  translation: string | null
  start: number
  end: number
}

type SourceRow = {
  id: string
  title: string
  publisher: string | null
  url: string | null
  publishedAt: string | null
  reliability: string | null
}

/** A briefing reads best in the order things happened; undated claims come last. */
const CHRONOLOGICAL = {
  fallback: 'c.event_date IS NULL, c.event_date',
  tiebreak: 'c.created_at, c.seq'
}

const UNTAGGED = 'Untagged'
const NO_SOURCE = 'No source cited'

const byText = (a: string, b: string): number =>
  a.localeCompare(b, undefined, { sensitivity: 'base' })

function inList(ids: readonly string[]): [string, string] {
  return [`IN (SELECT value FROM json_each(?))`, JSON.stringify(ids)]
}

/** The name of the top-level tag a tag sits under (itself when it is one). */
function topTagName(
  tags: ReadonlyMap<string, { name: string; parentId: string | null }>,
  tagId: string
): string | null {
  const seen = new Set<string>()
  let current = tags.get(tagId)
  while (current?.parentId && !seen.has(current.parentId)) {
    seen.add(current.parentId)
    const parent = tags.get(current.parentId)
    if (!parent) break
    current = parent
  }
  return current?.name ?? null
}

function loadClaims(ctx: CoreContext, db: SqliteDb, input: BriefingInput): ClaimRow[] {
  const { where, order } = claimsInScope(ctx, db, input.scope, CHRONOLOGICAL)
  const total = Number(db.pluck(`SELECT count(*) FROM claims c ${where.sql}`, where.params) ?? 0)
  if (total > MAX_BRIEFING_CLAIMS) {
    throw new AttestError(
      'invalid_input',
      `A briefing holds at most ${MAX_BRIEFING_CLAIMS.toLocaleString('en')} claims and this scope has ${total.toLocaleString('en')}; narrow it with a search, a filter or a tag, or export it as CSV.`
    )
  }
  return db.all<ClaimRow>(
    `SELECT c.id, c.text, c.status, c.credibility, c.confidence, c.event_date AS eventDate,
      (SELECT group_concat(t.id) FROM claim_tags ct JOIN tags t ON t.seq = ct.tag_seq
       WHERE ct.claim_seq = c.seq) AS tagIds
     FROM claims c ${where.sql} ${order}`,
    where.params
  )
}

/** Evidence of the claims, each list in reading order, keyed by claim id. */
function loadEvidence(db: SqliteDb, claimIds: readonly string[]) {
  const [inClaims, json] = inList(claimIds)
  const citations = new Map<string, BriefingCitation[]>()
  for (const row of db.all<CitationRow>(
    `SELECT ci.claim_id AS claimId, ci.source_id AS sourceId, ci.quote, ci.stance, ci.locator,
       ci.note, ci.translation, ci.start_offset AS start, ci.end_offset AS "end"
     FROM citations ci JOIN sources s ON s.id = ci.source_id
     WHERE ci.claim_id ${inClaims} AND s.deleted_at IS NULL
     ORDER BY s.title COLLATE NOCASE, ci.source_id, ci.start_offset, ci.seq`,
    [json]
  )) {
    const list = citations.get(row.claimId) ?? []
    list.push({
      sourceId: row.sourceId,
      quote: row.quote,
      stance: row.stance,
      locator: row.locator,
      note: row.note,
      translation: row.translation,
      start: row.start,
      end: row.end
    })
    citations.set(row.claimId, list)
  }

  const notes = new Map<string, Array<{ body: string; createdAt: string }>>()
  for (const row of db.all<{ targetId: string; body: string; createdAt: string }>(
    `SELECT target_id AS targetId, body, created_at AS createdAt FROM notes
     WHERE target_kind = 'claim' AND target_id ${inClaims} ORDER BY created_at, seq`,
    [json]
  )) {
    const list = notes.get(row.targetId) ?? []
    list.push({ body: row.body, createdAt: row.createdAt })
    notes.set(row.targetId, list)
  }

  const relations = new Map<string, BriefingRelation[]>()
  const contradicting = new Set<string>()
  const addRelation = (claimId: string, relation: BriefingRelation): void => {
    const list = relations.get(claimId) ?? []
    list.push(relation)
    relations.set(claimId, list)
  }
  for (const row of db.all<{
    fromId: string
    toId: string
    kind: RelationKind
    fromText: string
    toText: string
    fromLive: number
    toLive: number
  }>(
    `SELECT r.from_claim_id AS fromId, r.to_claim_id AS toId, r.kind,
       f.text AS fromText, t.text AS toText,
       f.deleted_at IS NULL AS fromLive, t.deleted_at IS NULL AS toLive
     FROM relations r JOIN claims f ON f.id = r.from_claim_id JOIN claims t ON t.id = r.to_claim_id
     WHERE r.from_claim_id ${inClaims} OR r.to_claim_id ${inClaims}
     ORDER BY r.created_at, r.seq`,
    [json, json]
  )) {
    if (!row.fromLive || !row.toLive) continue
    if (row.kind === 'contradicts') contradicting.add(contradictionKey(row.fromId, row.toId))
    addRelation(row.fromId, { kind: row.kind, direction: 'out', otherText: row.toText })
    addRelation(row.toId, { kind: row.kind, direction: 'in', otherText: row.fromText })
  }
  return { citations, notes, relations, contradicting }
}

function loadSources(db: SqliteDb, sourceIds: readonly string[]): Map<string, SourceRow> {
  const [inSources, json] = inList(sourceIds)
  const rows = db.all<SourceRow>(
    `SELECT id, title, publisher, url, published_at AS publishedAt, reliability FROM sources
     WHERE id ${inSources}`,
    [json]
  )
  return new Map(rows.map((row) => [row.id, row]))
}

function groupClaims(
  claims: readonly BriefingClaim[],
  groupBy: BriefingInput['groupBy'],
  tagPathsOf: (claim: BriefingClaim) => string[],
  sourceTitle: (sourceId: string) => string
): BriefingGroup[] {
  if (groupBy === 'none') return [{ label: '', claims: [...claims] }]
  if (groupBy === 'status') {
    return BRIEFING_STATUS_ORDER.map((status) => ({
      label: STATUS_LABELS[status],
      claims: claims.filter((claim) => claim.status === status)
    })).filter((group) => group.claims.length > 0)
  }
  const groups = new Map<string, { label: string; claims: BriefingClaim[] }>()
  const rest: BriefingClaim[] = []
  for (const claim of claims) {
    const keys: Array<{ key: string; label: string }> =
      groupBy === 'tag'
        ? tagPathsOf(claim).map((path) => ({ key: path, label: path }))
        : [...new Set(claim.citations.map((citation) => citation.sourceId))].map((sourceId) => ({
            key: sourceId,
            label: sourceTitle(sourceId)
          }))
    if (keys.length === 0) rest.push(claim)
    for (const { key, label } of keys) {
      const group = groups.get(key) ?? { label, claims: [] }
      group.claims.push(claim)
      groups.set(key, group)
    }
  }
  const result = [...groups.values()].sort((a, b) => byText(a.label, b.label))
  if (rest.length) result.push({ label: groupBy === 'tag' ? UNTAGGED : NO_SOURCE, claims: rest })
  return result
}

/** Sources are numbered [S1], [S2] … in the order a reader first meets them. */
function numberSources(groups: readonly BriefingGroup[], rows: Map<string, SourceRow>) {
  const sources: BriefingSource[] = []
  const seen = new Set<string>()
  for (const group of groups) {
    for (const claim of group.claims) {
      for (const citation of claim.citations) {
        const row = rows.get(citation.sourceId)
        if (!row || seen.has(row.id)) continue
        seen.add(row.id)
        sources.push({ ...row, number: sources.length + 1 })
      }
    }
  }
  return sources
}

export function gatherBriefing(
  ctx: CoreContext,
  input: BriefingInput,
  now = new Date()
): BriefingData {
  const { data, claims, contradicting } = ctx.store.read((db) => {
    const rows = loadClaims(ctx, db, input)
    const evidence = loadEvidence(
      db,
      rows.map((row) => row.id)
    )
    const tags = ctx.caches.tags(db)
    // Within a tag scope, group by the tags of that branch only.
    const groupTags =
      input.scope.type === 'tag'
        ? new Set(ctx.caches.tagWithDescendants(db, [input.scope.tagId]))
        : null
    const tagIdsOf = new Map<string, string[]>()
    const claims: BriefingClaim[] = rows.map((row) => {
      const tagIds = row.tagIds ? row.tagIds.split(',') : []
      tagIdsOf.set(row.id, tagIds)
      return {
        id: row.id,
        text: row.text,
        status: row.status,
        credibility: row.credibility,
        confidence: row.confidence,
        eventDate: row.eventDate,
        tags: tagIds
          .map((tagId) => tags.get(tagId)?.path)
          .filter((path): path is string => path !== undefined)
          .sort(byText),
        topTags: [...new Set(tagIds.map((tagId) => topTagName(tags, tagId)))]
          .filter((name): name is string => name !== null)
          .sort(byText),
        notes: evidence.notes.get(row.id) ?? [],
        relations: evidence.relations.get(row.id) ?? [],
        citations: evidence.citations.get(row.id) ?? []
      }
    })
    const sourceIds = [
      ...new Set(claims.flatMap((claim) => claim.citations.map((c) => c.sourceId)))
    ]
    const sourceRows = loadSources(db, sourceIds)
    const groups = groupClaims(
      claims,
      input.groupBy,
      (claim) =>
        (tagIdsOf.get(claim.id) ?? [])
          .filter((tagId) => groupTags === null || groupTags.has(tagId))
          .map((tagId) => tags.get(tagId)?.path)
          .filter((path): path is string => path !== undefined),
      (sourceId) => sourceRows.get(sourceId)?.title ?? 'Unknown source'
    )
    const inScope = new Set(claims.map((claim) => claim.id))
    const outsideIds = [
      ...new Set(input.judgements.flatMap((judgement) => judgement.claimIds))
    ].filter((id) => !inScope.has(id))
    const outside = new Map(
      outsideIds.length === 0
        ? []
        : db
            .all<{ id: string; text: string }>(
              `SELECT id, text FROM claims WHERE deleted_at IS NULL AND id ${inList(outsideIds)[0]}`,
              [inList(outsideIds)[1]]
            )
            .map((row) => [row.id, row.text] as const)
    )
    const data: BriefingData = {
      options: {
        title: input.title,
        author: input.author,
        audience: input.audience,
        classification: input.classification,
        date: input.date,
        bottomLine: input.bottomLine,
        judgements: input.judgements.map((judgement) => ({
          text: judgement.text,
          confidence: judgement.confidence,
          claimIds: judgement.claimIds,
          outside: Object.fromEntries(
            judgement.claimIds.flatMap((id) => {
              const text = outside.get(id)
              return text === undefined ? [] : [[id, text]]
            })
          )
        })),
        scopeLabel: describeClaimScope(ctx, db, input.scope),
        groupBy: input.groupBy,
        include: input.include,
        workingLanguage: workingLanguage(
          db.pluck<string>(`SELECT value FROM settings WHERE key = ?`, [WORKING_LANGUAGE_SETTING])
        ).code,
        generatedAt: now.toISOString()
      },
      groups,
      sources: numberSources(groups, sourceRows)
    }
    return { data, claims, contradicting: evidence.contradicting }
  })
  // After the read: the finder keeps the facts it computes when the project can be written.
  if (input.include.figureConflicts === false) return data
  return { ...data, figureConflicts: findFigureConflicts(ctx, claims, contradicting) }
}

/** Every piece of text in a briefing: which font subsets an inline-font document needs. */
function textOf(data: BriefingData): string {
  const parts: string[] = [
    data.options.title,
    data.options.author,
    data.options.audience,
    data.options.classification,
    data.options.scopeLabel,
    data.options.bottomLine,
    ...data.options.judgements.flatMap((j) => [j.text, j.confidence, ...Object.values(j.outside)]),
    '0123456789 –—“”‘’·•…%×'
  ]
  for (const group of data.groups) {
    parts.push(group.label)
    for (const claim of group.claims) {
      parts.push(claim.text, ...claim.tags)
      for (const note of claim.notes) parts.push(note.body)
      for (const relation of claim.relations) parts.push(relation.otherText)
      for (const citation of claim.citations) {
        parts.push(citation.quote, citation.locator ?? '', citation.note ?? '')
      }
    }
  }
  for (const pair of data.figureConflicts?.pairs ?? []) {
    for (const side of [pair.left, pair.right]) parts.push(side.sentence, side.translation ?? '')
    parts.push(pair.reason)
  }
  for (const source of data.sources) {
    parts.push(source.title, source.publisher ?? '', source.url ?? '', source.publishedAt ?? '')
  }
  return parts.join('\n')
}

/** A file name from the briefing's title: "Gulf trade, Q1.pdf". */
export function briefingFileName(title: string, extension: 'pdf' | 'docx' = 'pdf'): string {
  const name = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 120)
    .trim()
  return `${name || 'Briefing'}.${extension}`
}

export function briefingHtml(
  ctx: CoreContext,
  input: ParsedInput<'briefing.html'>,
  now = new Date()
): BriefingHtml {
  const { fonts, ...options } = input
  const data = gatherBriefing(ctx, options, now)
  const css = fonts === 'file' ? fontCss() : fonts === 'inline' ? fontCssInline(textOf(data)) : ''
  const html = renderBriefingHtml(data, { fontCss: css })
  const { claims, citations } = countOf(data)
  return {
    html,
    claims,
    sources: data.sources.length,
    citations,
    groups: input.groupBy === 'none' ? 0 : data.groups.length,
    fileName: briefingFileName(input.title),
    headerFooter: {
      headerLeft: input.classification,
      headerRight: input.title,
      footerLeft: input.classification
    }
  }
}

function countOf(data: BriefingData): { claims: number; citations: number } {
  const distinct = new Map(
    data.groups.flatMap((group) => group.claims.map((claim) => [claim.id, claim] as const))
  )
  let citations = 0
  for (const claim of distinct.values()) citations += claim.citations.length
  return { claims: distinct.size, citations }
}

/** The briefing's drawings as SVG, for a front door to make the PNGs a Word document needs. */
export function briefingDrawingsOf(
  ctx: CoreContext,
  input: ParsedInput<'briefing.drawings'>,
  now = new Date()
): BriefingDrawings {
  const { fonts, ...options } = input
  const data = gatherBriefing(
    ctx,
    { ...options, include: { ...options.include, figureConflicts: false } },
    now
  )
  const drawings = briefingDrawings(renderContext(data)).map((drawing) => ({
    key: drawing.key,
    svg: drawing.svg.toString(),
    width: drawing.width,
    height: drawing.height
  }))
  const text = drawings.map((drawing) => drawing.svg).join('\n')
  const fontRules =
    drawings.length === 0
      ? ''
      : fonts === 'file'
        ? fontCss()
        : fonts === 'inline'
          ? fontCssInline(text)
          : ''
  return { drawings, fontCss: fontRules }
}

export async function briefingDocx(
  ctx: CoreContext,
  input: ParsedInput<'briefing.docx'>,
  now = new Date()
): Promise<BriefingDocx> {
  const { pictures, ...options } = input
  const data = gatherBriefing(ctx, options, now)
  const png = new Map(pictures.map((entry) => [entry.key, Buffer.from(entry.png, 'base64')]))
  const wanted = briefingDrawings(renderContext(data))
  const bytes = await renderBriefingDocx(data, png)
  return {
    drawingsLeftOut: wanted.filter((drawing) => !png.has(drawing.key)).length,
    dataBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    bytes: bytes.byteLength,
    ...countOf(data),
    sources: data.sources.length,
    fileName: briefingFileName(input.title, 'docx')
  }
}
