import type { Citation } from '../../shared/documentTypes'
import {
  CREDIBILITY_LABELS,
  RELATION_KINDS,
  RELIABILITY_LABELS,
  STATUS_LABELS,
  type ClaimStatus,
  type Credibility,
  type RelationKind,
  type Reliability
} from '../../shared/domain'
import { FONT_FAMILY_STACK } from './fonts'

/**
 * The briefing document: one self-contained, script-free HTML page laid out for Chromium's print
 * engine (A4). Every piece of user text goes through escapeHtml.
 */

export type BriefingSource = {
  id: string
  /** Bibliography number, shown as [S1], [S2] … */
  number: number
  title: string
  publisher: string | null
  url: string | null
  publishedAt: string | null
  /** Admiralty grade A–F, or null when not graded. */
  reliability: string | null
}

export type CitationStance = Citation['stance']

/** Endnote numbers are assigned by the renderer, in reading order. */
export type BriefingCitation = {
  sourceId: string
  quote: string
  stance: CitationStance
  locator: string | null
  note: string | null
}

export type BriefingRelation = { kind: RelationKind; direction: 'out' | 'in'; otherText: string }

export type BriefingClaim = {
  id: string
  text: string
  status: ClaimStatus
  /** Admiralty information credibility 1 (confirmed) … 5 (improbable), 6 (cannot be judged). */
  credibility: number | null
  /** Analyst confidence, 0–100. */
  confidence: number | null
  eventDate: string | null
  tags: string[]
  notes: Array<{ body: string; createdAt: string }>
  relations: BriefingRelation[]
  citations: BriefingCitation[]
}

/** A claim may appear in several groups (e.g. one per tag); it keeps one number throughout. */
export type BriefingGroup = { label: string; claims: BriefingClaim[] }

export type BriefingInclude = {
  statusAndCredibility: boolean
  citations: boolean
  notes: boolean
  relations: boolean
  sourceReliability: boolean
}

export type BriefingOptions = {
  title: string
  author: string
  classification: string
  scopeLabel: string
  groupBy: 'tag' | 'status' | 'source' | 'none'
  include: BriefingInclude
  /** ISO timestamp. */
  generatedAt: string
}

export type BriefingData = {
  options: BriefingOptions
  groups: BriefingGroup[]
  sources: BriefingSource[]
}

export type BriefingRenderOptions = { fontCss: string }

/** The order statuses take in a briefing's legend, chart and groups: the settled ones first. */
export const BRIEFING_STATUS_ORDER: readonly ClaimStatus[] = [
  'corroborated',
  'unverified',
  'contested',
  'refuted',
  'retracted'
]

function credibilityLabel(level: number): string {
  return CREDIBILITY_LABELS[level as Credibility] ?? ''
}

const STANCE_LABELS: Record<CitationStance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  mentions: 'Mentions'
}

const RELATION_LABELS: Record<RelationKind, { out: string; in: string }> = {
  corroborates: { out: 'Corroborates', in: 'Corroborated by' },
  contradicts: { out: 'Contradicts', in: 'Contradicted by' },
  updates: { out: 'Updates', in: 'Updated by' },
  duplicates: { out: 'Duplicates', in: 'Duplicated by' }
}

const GROUP_KICKERS: Record<BriefingOptions['groupBy'], string> = {
  tag: 'Tag',
  status: 'Status',
  source: 'Source',
  none: ''
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Escapes text for use in HTML element content and quoted attribute values. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  return String(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
}

/** The URL normalised for an href, or null unless it is an absolute http(s) URL. */
export function safeHttpUrl(value: string | null): string | null {
  if (value === null) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

export function normalizeReliability(value: string | null): Reliability | null {
  const letter = value?.trim().toUpperCase()
  return letter !== undefined && /^[A-F]$/.test(letter) ? (letter as Reliability) : null
}

export function normalizeCredibility(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= 1 && value <= 6 ? value : null
}

/** Admiralty code of a citation: source reliability + claim credibility, e.g. "B2"; "" if neither. */
export function admiraltyGrade(reliability: string | null, credibility: number | null): string {
  const letter = normalizeReliability(reliability)
  const digit = normalizeCredibility(credibility)
  if (letter === null && digit === null) return ''
  return `${letter ?? '–'}${digit ?? '–'}`
}

function formatDate(value: string | null): string {
  if (value === null || value.trim() === '') return ''
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())
  return iso?.[1] ?? value.trim()
}

function formatTimestamp(value: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC'
  }).format(date)
  const time = date.toISOString().slice(11, 16)
  return `${day}, ${time} UTC`
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

const STANCES: readonly CitationStance[] = ['supports', 'contradicts', 'mentions']

/**
 * Defends the template against rows that do not match the declared types (enum values outside the
 * union, non-numeric numbers), since those end up in class names and lookups.
 */
export function sanitizeBriefing(data: BriefingData): BriefingData {
  const claim = (c: BriefingClaim): BriefingClaim => ({
    ...c,
    status: oneOf(c.status, BRIEFING_STATUS_ORDER, 'unverified'),
    credibility: normalizeCredibility(c.credibility),
    confidence:
      typeof c.confidence === 'number' && Number.isFinite(c.confidence)
        ? Math.min(100, Math.max(0, c.confidence))
        : null,
    tags: c.tags.filter((tag) => tag.trim() !== ''),
    relations: c.relations
      .filter((r) => RELATION_KINDS.includes(r.kind))
      .map((r) => ({ ...r, direction: r.direction === 'in' ? 'in' : 'out' })),
    citations: c.citations.map((citation) => ({
      ...citation,
      stance: oneOf(citation.stance, STANCES, 'mentions')
    }))
  })
  return {
    options: data.options,
    groups: data.groups.map((group) => ({ label: group.label, claims: group.claims.map(claim) })),
    sources: data.sources.map((source, index) => ({
      ...source,
      number: Number.isSafeInteger(source.number) ? source.number : index + 1
    }))
  }
}

type Summary = {
  claims: BriefingClaim[]
  byStatus: Map<ClaimStatus, number>
  byCredibility: Map<number | null, number>
  citations: number
  flagged: number
}

/** Counts over distinct claims (a claim listed in two groups counts once). */
export function summarize(data: BriefingData): Summary {
  const seen = new Map<string, BriefingClaim>()
  for (const group of data.groups) {
    for (const claim of group.claims) if (!seen.has(claim.id)) seen.set(claim.id, claim)
  }
  const claims = [...seen.values()]
  const byStatus = new Map<ClaimStatus, number>(BRIEFING_STATUS_ORDER.map((s) => [s, 0]))
  const byCredibility = new Map<number | null, number>([1, 2, 3, 4, 5, 6, null].map((c) => [c, 0]))
  let citations = 0
  let flagged = 0
  for (const claim of claims) {
    byStatus.set(claim.status, (byStatus.get(claim.status) ?? 0) + 1)
    const credibility = normalizeCredibility(claim.credibility)
    byCredibility.set(credibility, (byCredibility.get(credibility) ?? 0) + 1)
    citations += claim.citations.length
    if (isFlagged(claim)) flagged++
  }
  return { claims, byStatus, byCredibility, citations, flagged }
}

function contradictions(claim: BriefingClaim): BriefingRelation[] {
  return claim.relations.filter((relation) => relation.kind === 'contradicts')
}

function isFlagged(claim: BriefingClaim): boolean {
  return (
    claim.status === 'contested' || claim.status === 'refuted' || contradictions(claim).length > 0
  )
}

type Context = {
  data: BriefingData
  include: BriefingInclude
  sources: Map<string, BriefingSource>
  claimNumbers: Map<string, number>
  /** Endnote numbers per claim id, assigned in reading order at first appearance. */
  endnoteStart: Map<string, number>
}

function buildContext(data: BriefingData, summary: Summary): Context {
  const claimNumbers = new Map<string, number>()
  const endnoteStart = new Map<string, number>()
  let nextEndnote = 1
  summary.claims.forEach((claim, index) => {
    claimNumbers.set(claim.id, index + 1)
    endnoteStart.set(claim.id, nextEndnote)
    nextEndnote += claim.citations.length
  })
  return {
    data,
    include: data.options.include,
    sources: new Map(data.sources.map((source) => [source.id, source])),
    claimNumbers,
    endnoteStart
  }
}

// ---------------------------------------------------------------------------------------------
// Sections

function renderCover(ctx: Context, summary: Summary): string {
  const { options } = ctx.data
  const groupCount = ctx.data.groups.length
  const contents = [
    plural(summary.claims.length, 'claim'),
    options.groupBy !== 'none' ? plural(groupCount, 'group') : null,
    plural(ctx.data.sources.length, 'source'),
    ctx.include.citations ? plural(summary.citations, 'citation') : null
  ]
    .filter((part): part is string => part !== null)
    .join(' · ')
  // No classification given: no marking bars (an empty bar reads as a missing marking).
  const classification =
    options.classification.trim() === ''
      ? ''
      : `<div class="classification">${escapeHtml(options.classification)}</div>`
  const graded = ctx.include.statusAndCredibility || ctx.include.sourceReliability
  return `
<section class="cover">
  ${classification || '<div></div>'}
  <div class="cover-main">
    <div class="cover-kicker">Analytical briefing</div>
    <h1 class="cover-title">${escapeHtml(options.title)}</h1>
    <dl class="cover-meta">
      ${options.author.trim() ? `<div><dt>Prepared by</dt><dd>${escapeHtml(options.author)}</dd></div>` : ''}
      <div><dt>Date</dt><dd>${escapeHtml(formatTimestamp(options.generatedAt))}</dd></div>
      <div><dt>Scope</dt><dd>${escapeHtml(options.scopeLabel)}</dd></div>
      <div><dt>Contents</dt><dd>${escapeHtml(contents)}</dd></div>
    </dl>
  </div>
  <div class="cover-foot">
    ${graded ? '<p>Claims and sources are graded with the Admiralty system (source reliability A–F, information credibility 1–6); the grading key is at the end of this document.</p>' : ''}
    ${classification}
  </div>
</section>`
}

function figure(value: number, label: string, tone = ''): string {
  return `<div class="figure ${tone}"><div class="figure-value">${value}</div><div class="figure-label">${escapeHtml(label)}</div></div>`
}

/** Whole percentages that add up to 100 (largest remainder), or all 0 when total is 0. */
export function percentages(counts: readonly number[], total: number): number[] {
  if (total <= 0) return counts.map(() => 0)
  const exact = counts.map((count) => (count / total) * 100)
  const result = exact.map(Math.floor)
  let missing = 100 - result.reduce((sum, value) => sum + value, 0)
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of order) {
    if (missing <= 0) break
    if ((counts[index] ?? 0) === 0) continue
    result[index] = (result[index] ?? 0) + 1
    missing--
  }
  return result
}

function countTable(
  caption: string,
  rows: Array<{ key: string; attr: string; label: string; count: number; swatch?: string }>,
  total: number
): string {
  const shares = percentages(
    rows.map((row) => row.count),
    total
  )
  const body = rows
    .map(
      (row, index) => `
      <tr ${row.attr}="${escapeHtml(row.key)}"${row.count === 0 ? ' class="zero"' : ''}>
        <th scope="row">${row.swatch ? `<span class="swatch ${row.swatch}"></span>` : ''}${escapeHtml(row.label)}</th>
        <td class="num">${row.count}</td>
        <td class="num pct">${shares[index] ?? 0}%</td>
      </tr>`
    )
    .join('')
  return `
  <table class="counts">
    <caption>${escapeHtml(caption)}</caption>
    <tbody>${body}</tbody>
    <tfoot><tr><th scope="row">Total</th><td class="num">${total}</td><td class="num pct"></td></tr></tfoot>
  </table>`
}

function renderGroupChart(ctx: Context): string {
  const { groups, options } = ctx.data
  if (options.groupBy === 'none' || groups.length === 0) return ''
  const max = Math.max(1, ...groups.map((group) => group.claims.length))
  const stacked = ctx.include.statusAndCredibility
  const rows = groups
    .map((group) => {
      const total = group.claims.length
      let segments: string
      if (stacked) {
        segments = BRIEFING_STATUS_ORDER.map((status) => {
          const count = group.claims.filter((claim) => claim.status === status).length
          if (count === 0) return ''
          const width = ((count / max) * 100).toFixed(2)
          return `<span class="seg st-${status}" style="width:${width}%"></span>`
        }).join('')
      } else {
        segments = `<span class="seg plain" style="width:${((total / max) * 100).toFixed(2)}%"></span>`
      }
      return `
      <tr data-group-count="${total}">
        <th scope="row">${escapeHtml(group.label)}</th>
        <td class="bar"><div class="track">${segments}</div></td>
        <td class="num">${total}</td>
      </tr>`
    })
    .join('')
  const legend = stacked
    ? `<div class="legend">${BRIEFING_STATUS_ORDER.map(
        (status) => `<span><span class="swatch st-${status}"></span>${STATUS_LABELS[status]}</span>`
      ).join('')}</div>`
    : ''
  const title = `Claims per ${GROUP_KICKERS[options.groupBy].toLowerCase()}`
  return `
  <div class="chart">
    <h3>${escapeHtml(title)}</h3>
    <table class="bars"><tbody>${rows}</tbody></table>
    ${legend}
  </div>`
}

function renderGradingKey(ctx: Context): string {
  if (!ctx.include.statusAndCredibility && !ctx.include.sourceReliability) return ''
  const reliability = ctx.include.sourceReliability
    ? `<div><h4>Source reliability</h4><dl>${(Object.keys(RELIABILITY_LABELS) as Reliability[])
        .map((key) => `<dt>${key}</dt><dd>${RELIABILITY_LABELS[key]}</dd>`)
        .join('')}</dl></div>`
    : ''
  const credibility = ctx.include.statusAndCredibility
    ? `<div><h4>Information credibility</h4><dl>${[1, 2, 3, 4, 5, 6]
        .map((key) => `<dt>${key}</dt><dd>${credibilityLabel(key)}</dd>`)
        .join('')}</dl></div>`
    : ''
  return `
<section class="key">
  <h2 class="section-title">Grading key</h2>
  <p>Claims and sources are graded with the Admiralty system. A citation's grade combines the
  reliability of its source with the credibility of the claim, e.g. B2.</p>
  <div class="key-cols">${reliability}${credibility}</div>
</section>`
}

function renderSummary(ctx: Context, summary: Summary): string {
  const total = summary.claims.length
  const figures = [
    figure(total, total === 1 ? 'Claim' : 'Claims'),
    figure(ctx.data.sources.length, ctx.data.sources.length === 1 ? 'Source' : 'Sources'),
    ctx.include.citations
      ? figure(summary.citations, summary.citations === 1 ? 'Citation' : 'Citations')
      : '',
    ctx.include.statusAndCredibility || ctx.include.relations
      ? figure(summary.flagged, 'Contested, refuted or contradicted', 'alert')
      : ''
  ].join('')
  const tables = ctx.include.statusAndCredibility
    ? `<div class="count-tables">
      ${countTable(
        'By status',
        BRIEFING_STATUS_ORDER.map((status) => ({
          key: status,
          attr: 'data-status',
          label: STATUS_LABELS[status],
          count: summary.byStatus.get(status) ?? 0,
          swatch: `st-${status}`
        })),
        total
      )}
      ${countTable(
        'By credibility',
        [1, 2, 3, 4, 5, 6, null].map((level) => ({
          key: level === null ? 'none' : String(level),
          attr: 'data-credibility',
          label: level === null ? 'Not graded' : `${level} · ${credibilityLabel(level)}`,
          count: summary.byCredibility.get(level) ?? 0
        })),
        total
      )}
    </div>`
    : ''
  return `
<section class="summary">
  <h2 class="section-title">Summary</h2>
  <div class="figures">${figures}</div>
  ${tables}
  ${renderGroupChart(ctx)}
</section>`
}

function statusBadge(claim: BriefingClaim): string {
  const credibility = normalizeCredibility(claim.credibility)
  const label = `${STATUS_LABELS[claim.status]}${credibility === null ? '' : ` · ${credibility}`}`
  return `<span class="badge st-${claim.status}">${escapeHtml(label)}</span>`
}

function renderCallout(ctx: Context, claim: BriefingClaim): string {
  const parts: string[] = []
  if (ctx.include.statusAndCredibility && claim.status === 'contested') {
    parts.push('<strong>Contested</strong> — sources disagree on this claim.')
  }
  if (ctx.include.statusAndCredibility && claim.status === 'refuted') {
    parts.push('<strong>Refuted</strong> — the weight of evidence is against this claim.')
  }
  if (ctx.include.relations) {
    for (const relation of contradictions(claim)) {
      const label = relation.direction === 'in' ? 'Contradicted by' : 'Contradicts'
      parts.push(`<strong>${label}</strong> “${escapeHtml(relation.otherText)}”`)
    }
  }
  if (parts.length === 0) return ''
  return `<div class="callout">${parts.map((part) => `<p>${part}</p>`).join('')}</div>`
}

function renderEndnotes(ctx: Context, claim: BriefingClaim, start: number): string {
  if (!ctx.include.citations || claim.citations.length === 0) return ''
  const items = claim.citations
    .map((citation, index) => {
      const source = ctx.sources.get(citation.sourceId)
      const grade = ctx.include.sourceReliability
        ? admiraltyGrade(
            source?.reliability ?? null,
            ctx.include.statusAndCredibility ? claim.credibility : null
          )
        : ''
      const sourceBits = source
        ? [
            `<cite>${escapeHtml(source.title)}</cite>`,
            source.publisher ? escapeHtml(source.publisher) : '',
            formatDate(source.publishedAt) ? escapeHtml(formatDate(source.publishedAt)) : ''
          ]
            .filter((bit) => bit !== '')
            .join(', ') + ` <span class="src-ref">[S${source.number}]</span>`
        : '<cite>Unknown source</cite>'
      const locator = citation.locator ? `, ${escapeHtml(citation.locator)}` : ''
      const note = citation.note ? `<div class="cite-note">${escapeHtml(citation.note)}</div>` : ''
      return `
        <li>
          <span class="en-no">${start + index}</span>
          <div class="en-body">
            <div class="en-quote">“${escapeHtml(citation.quote)}”</div>
            <div class="en-source">${grade ? `<span class="grade">${escapeHtml(grade)}</span>` : ''}<span class="stance sn-${citation.stance}">${STANCE_LABELS[citation.stance]}</span> ${sourceBits}${locator}</div>
            ${note}
          </div>
        </li>`
    })
    .join('')
  return `<ol class="endnotes">${items}</ol>`
}

function renderClaim(ctx: Context, claim: BriefingClaim): string {
  const number = ctx.claimNumbers.get(claim.id) ?? 0
  const start = ctx.endnoteStart.get(claim.id) ?? 1
  const markers =
    ctx.include.citations && claim.citations.length > 0
      ? `<sup class="markers">${claim.citations
          .map((_, index) => `<span class="marker">${start + index}</span>`)
          .join(',')}</sup>`
      : ''
  const meta = [
    ctx.include.statusAndCredibility && claim.confidence !== null
      ? `Confidence ${escapeHtml(Math.round(claim.confidence))}%`
      : '',
    claim.eventDate ? `Event date ${escapeHtml(formatDate(claim.eventDate))}` : '',
    claim.tags.length > 0
      ? `<span class="tags">${claim.tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join('')}</span>`
      : ''
  ].filter((part) => part !== '')
  const topline =
    ctx.include.statusAndCredibility || meta.length > 0
      ? `<div class="claim-topline">${ctx.include.statusAndCredibility ? statusBadge(claim) : ''}${meta.map((part) => `<span class="meta">${part}</span>`).join('')}</div>`
      : ''
  const notes =
    ctx.include.notes && claim.notes.length > 0
      ? `<div class="notes"><div class="sub-label">Analyst notes</div>${claim.notes
          .map(
            (note) =>
              `<p><span class="note-date">${escapeHtml(formatDate(note.createdAt))}</span> ${escapeHtml(note.body)}</p>`
          )
          .join('')}</div>`
      : ''
  const otherRelations = claim.relations.filter((relation) => relation.kind !== 'contradicts')
  const relations =
    ctx.include.relations && otherRelations.length > 0
      ? `<div class="relations"><div class="sub-label">Related claims</div><ul>${otherRelations
          .map(
            (relation) =>
              `<li><span class="rel-kind">${RELATION_LABELS[relation.kind][relation.direction]}</span> “${escapeHtml(relation.otherText)}”</li>`
          )
          .join('')}</ul></div>`
      : ''
  return `
    <article class="${claimClasses(ctx, claim)}" data-claim="${number}">
      <div class="claim-no">${number}</div>
      <div class="claim-body">
        ${topline}
        <p class="claim-text">${escapeHtml(claim.text)}${markers}</p>
        ${renderCallout(ctx, claim)}
        ${renderEndnotes(ctx, claim, start)}
        ${notes}
        ${relations}
      </div>
    </article>`
}

function claimClasses(ctx: Context, claim: BriefingClaim, extra = ''): string {
  const flagged = isFlagged(claim) && (ctx.include.statusAndCredibility || ctx.include.relations)
  return ['claim', `claim-${claim.status}`, flagged ? 'flagged' : '', extra]
    .filter((name) => name !== '')
    .join(' ')
}

/** A claim already given in full in an earlier group: number, badge and text only. */
function renderClaimReference(ctx: Context, claim: BriefingClaim, firstGroup: string): string {
  const number = ctx.claimNumbers.get(claim.id) ?? 0
  const where = firstGroup.trim() === '' ? 'above' : `under “${escapeHtml(firstGroup)}”`
  const badge = ctx.include.statusAndCredibility
    ? `<div class="claim-topline">${statusBadge(claim)}</div>`
    : ''
  return `
    <article class="${claimClasses(ctx, claim, 'claim-ref')}" data-claim="${number}">
      <div class="claim-no">${number}</div>
      <div class="claim-body">
        ${badge}
        <p class="claim-text">${escapeHtml(claim.text)}</p>
        <div class="see-above">Given in full ${where}.</div>
      </div>
    </article>`
}

function renderClaims(ctx: Context): string {
  const { groups, options } = ctx.data
  const kicker = GROUP_KICKERS[options.groupBy]
  /** Claim id → label of the group where the claim is given in full. */
  const placed = new Map<string, string>()
  const body = groups
    .map((group) => {
      const claims = group.claims.map((claim) => {
        const firstGroup = placed.get(claim.id)
        if (firstGroup !== undefined) return renderClaimReference(ctx, claim, firstGroup)
        placed.set(claim.id, group.label)
        return renderClaim(ctx, claim)
      })
      if (options.groupBy === 'none') return claims.join('')
      // The heading travels with its first claim: the pair is kept on one page.
      const [first = '', ...rest] = claims
      return `
  <section class="group">
    <div class="group-lead">
      <header class="group-head">
        <div class="group-kicker">${escapeHtml(kicker)}</div>
        <h3 class="group-title">${escapeHtml(group.label)}<span class="group-count">${plural(group.claims.length, 'claim')}</span></h3>
      </header>
      ${first}
    </div>
    ${rest.join('')}
  </section>`
    })
    .join('')
  const empty = groups.every((group) => group.claims.length === 0)
    ? '<p class="empty">No claims are in the scope of this briefing.</p>'
    : ''
  return `
<section class="claims">
  <h2 class="section-title">Claims</h2>
  ${body}${empty}
</section>`
}

function renderSources(ctx: Context, summary: Summary): string {
  if (ctx.data.sources.length === 0) return ''
  const citedIn = new Map<string, Set<number>>()
  for (const claim of summary.claims) {
    for (const citation of claim.citations) {
      const set = citedIn.get(citation.sourceId) ?? new Set<number>()
      set.add(ctx.claimNumbers.get(claim.id) ?? 0)
      citedIn.set(citation.sourceId, set)
    }
  }
  const items = [...ctx.data.sources]
    .sort((a, b) => a.number - b.number)
    .map((source) => {
      const reliability = normalizeReliability(source.reliability)
      const grade =
        ctx.include.sourceReliability && reliability
          ? `<span class="grade">${reliability}</span><span class="rel-label">${RELIABILITY_LABELS[reliability]}</span>`
          : ctx.include.sourceReliability
            ? '<span class="grade ungraded">–</span><span class="rel-label">Not graded</span>'
            : ''
      const details = [
        source.publisher ? escapeHtml(source.publisher) : '',
        source.publishedAt ? `Published ${escapeHtml(formatDate(source.publishedAt))}` : ''
      ].filter((bit) => bit !== '')
      const href = safeHttpUrl(source.url)
      const url = source.url
        ? href
          ? `<div class="url"><a href="${escapeHtml(href)}">${escapeHtml(source.url)}</a></div>`
          : `<div class="url">${escapeHtml(source.url)}</div>`
        : ''
      const claims = [...(citedIn.get(source.id) ?? [])].sort((a, b) => a - b)
      const cited =
        ctx.include.citations && claims.length > 0
          ? `<div class="cited-in">Cited for claim${claims.length === 1 ? '' : 's'} ${claims.join(', ')}</div>`
          : ''
      return `
    <li>
      <span class="src-no">S${source.number}</span>
      <div class="src-body">
        <div class="src-title">${escapeHtml(source.title)}</div>
        ${details.length > 0 ? `<div class="src-details">${details.join(' · ')}</div>` : ''}
        ${url}
        ${grade || cited ? `<div class="src-grade">${grade}${cited}</div>` : ''}
      </div>
    </li>`
    })
    .join('')
  return `
<section class="sources">
  <h2 class="section-title">Sources</h2>
  <ol class="bibliography">${items}</ol>
</section>`
}

// ---------------------------------------------------------------------------------------------
// Styles

const STYLES = `
@page { size: A4; }
/* On screen (the app's preview) the document sits on an A4-wide sheet; print is unaffected. */
@media screen {
  html { background: #e9ecef; }
  body { max-width: 210mm; margin: 0 auto; padding: 19mm 18mm; background: #ffffff; }
  .cover { height: auto; min-height: 230mm; margin-bottom: 12mm; }
  .summary, .claims { margin-bottom: 12mm; }
}
* { box-sizing: border-box; }
html {
  font-family: ${FONT_FAMILY_STACK};
  font-size: 10.5pt;
  line-height: 1.45;
  color: #1c232c;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
  font-kerning: normal;
  font-synthesis: none;
  font-variant-numeric: lining-nums;
}
body { margin: 0; }
p { margin: 0; }
a { color: inherit; text-decoration: none; }
h1, h2, h3, h4 { margin: 0; color: #12233d; line-height: 1.2; }

:root {
  --ink: #12233d;
  --muted: #5b6675;
  --rule: #cfd6df;
  --faint: #f3f5f8;
  --st-unverified: #7b8694;
  --st-corroborated: #2f7d4f;
  --st-contested: #b76e00;
  --st-refuted: #b3261e;
  --st-retracted: #3d4450;
}

/* Cover ------------------------------------------------------------------------------------ */
.cover {
  height: 257mm;
  display: flex;
  flex-direction: column;
  justify-content: space-between;
  break-after: page;
}
.classification {
  text-align: center;
  font-weight: 700;
  font-size: 11pt;
  letter-spacing: 0.14em;
  text-transform: uppercase;
  color: #8c1d18;
  padding: 2.2mm 0;
  border-top: 1.2pt solid #8c1d18;
  border-bottom: 1.2pt solid #8c1d18;
}
.cover-main { padding: 0 4mm; }
.cover-kicker {
  font-size: 9.5pt;
  font-weight: 600;
  letter-spacing: 0.16em;
  text-transform: uppercase;
  color: var(--muted);
  padding-top: 5mm;
  border-top: 3pt solid var(--ink);
  display: inline-block;
}
.cover-title {
  font-size: 27pt;
  font-weight: 700;
  letter-spacing: -0.01em;
  margin: 5mm 0 12mm;
  max-width: 150mm;
  overflow-wrap: anywhere;
}
.cover-meta { margin: 0; border-top: 0.6pt solid var(--rule); }
.cover-meta > div {
  display: grid;
  grid-template-columns: 32mm 1fr;
  align-items: baseline;
  padding: 2.6mm 0;
  border-bottom: 0.6pt solid var(--rule);
}
.cover-meta dt {
  font-size: 8.5pt;
  font-weight: 600;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  color: var(--muted);
}
.cover-meta dd { margin: 0; overflow-wrap: anywhere; }
.cover-foot p {
  font-size: 8.5pt;
  color: var(--muted);
  margin: 0 4mm 5mm;
  max-width: 125mm;
}

/* Section titles --------------------------------------------------------------------------- */
.section-title {
  font-size: 17pt;
  font-weight: 700;
  padding-bottom: 2mm;
  margin-bottom: 6mm;
  border-bottom: 1.5pt solid var(--ink);
  break-after: avoid;
}
.summary, .claims { break-after: page; }

/* Summary ---------------------------------------------------------------------------------- */
.figures { display: flex; gap: 4mm; margin-bottom: 8mm; }
.figure {
  flex: 1;
  border-top: 2pt solid var(--ink);
  background: var(--faint);
  padding: 3mm 3.5mm 3.2mm;
}
.figure.alert { border-top-color: var(--st-contested); }
.figure-value { font-size: 21pt; font-weight: 700; line-height: 1.1; color: var(--ink); }
.figure-label { font-size: 8.5pt; color: var(--muted); margin-top: 1mm; line-height: 1.3; }
.count-tables { display: flex; gap: 8mm; margin-bottom: 8mm; align-items: flex-start; }
.counts { flex: 1; border-collapse: collapse; font-size: 9.5pt; }
.counts caption, .chart h3 {
  text-align: left;
  font-size: 9pt;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  color: var(--ink);
  padding-bottom: 2mm;
}
.counts th, .counts td { padding: 1.3mm 1.5mm; border-bottom: 0.5pt solid var(--rule); }
.counts th { text-align: left; font-weight: 400; }
.counts tbody tr:first-child th, .counts tbody tr:first-child td { border-top: 1pt solid var(--ink); }
.counts tfoot th, .counts tfoot td { font-weight: 700; border-bottom: 1pt solid var(--ink); }
.counts tr.zero { color: #9aa3ae; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pct { color: var(--muted); width: 12mm; }
.swatch {
  display: inline-block;
  width: 2.6mm;
  height: 2.6mm;
  border-radius: 0.5mm;
  margin-right: 2mm;
  vertical-align: -0.2mm;
}
.chart { margin-bottom: 8mm; }
.chart h3 { break-after: avoid; }
.bars tr { break-inside: avoid; }
.bars { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
.bars th {
  text-align: left;
  font-weight: 400;
  width: 48mm;
  padding: 1mm 3mm 1mm 0;
  overflow-wrap: anywhere;
}
.bars td { padding: 1mm 0; }
.bars td.num { width: 10mm; padding-left: 2mm; font-weight: 600; }
.track { display: flex; height: 3.6mm; background: var(--faint); }
.seg { display: block; height: 100%; }
.seg + .seg { box-shadow: inset 0.4pt 0 0 #fff; }
.seg.plain { background: var(--ink); }
.legend { display: flex; gap: 5mm; font-size: 8.5pt; color: var(--muted); margin-top: 2.5mm; }
.key { break-inside: avoid; margin-top: 10mm; }
.key > p { font-size: 9pt; color: var(--muted); margin-bottom: 4mm; max-width: 140mm; }
.key-cols { display: flex; gap: 8mm; }
.key-cols > div { flex: 1; }
.key h4 {
  font-size: 9pt;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  margin-bottom: 2mm;
}
.key dl {
  display: grid;
  grid-template-columns: 6mm 1fr;
  margin: 0;
  font-size: 9pt;
  row-gap: 0.6mm;
}
.key dt { font-weight: 700; color: var(--ink); }
.key dd { margin: 0; }

/* Status colours --------------------------------------------------------------------------- */
.st-unverified { --st: var(--st-unverified); }
.st-corroborated { --st: var(--st-corroborated); }
.st-contested { --st: var(--st-contested); }
.st-refuted { --st: var(--st-refuted); }
.st-retracted { --st: var(--st-retracted); }
.swatch, .seg { background: var(--st); }

/* Claims ----------------------------------------------------------------------------------- */
.group { margin-bottom: 4mm; }
.group-lead { break-inside: avoid; }
.group-head { margin: 2mm 0 3mm; padding-top: 2mm; }
.group-kicker {
  font-size: 8pt;
  font-weight: 600;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  color: var(--muted);
}
.group-title {
  font-size: 13pt;
  font-weight: 700;
  padding-bottom: 1.5mm;
  border-bottom: 0.75pt solid var(--rule);
}
.group-count {
  font-size: 9pt;
  font-weight: 400;
  color: var(--muted);
  margin-left: 3mm;
}
.claim {
  display: grid;
  grid-template-columns: 9mm 1fr;
  padding: 2.5mm 0 3.5mm;
  border-bottom: 0.5pt solid #e3e7ec;
  break-inside: avoid;
}
.claim-no {
  font-size: 11pt;
  font-weight: 700;
  color: var(--muted);
  padding-top: 0.2mm;
}
.claim.flagged {
  grid-template-columns: 5.3mm 1fr;
  border-left: 2pt solid var(--st-contested);
  padding-left: 3mm;
}
.claim.flagged.claim-refuted { border-left-color: var(--st-refuted); }
.claim-topline {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 1mm 3.5mm;
  margin-bottom: 1.2mm;
  font-size: 8.5pt;
  color: var(--muted);
}
.badge {
  display: inline-block;
  font-size: 8pt;
  font-weight: 600;
  letter-spacing: 0.02em;
  color: var(--st);
  border: 0.75pt solid var(--st);
  border-radius: 1mm;
  padding: 0.1mm 1.6mm 0.2mm;
  white-space: nowrap;
}
.tags { display: inline-flex; flex-wrap: wrap; gap: 1.5mm; }
.tag {
  background: var(--faint);
  border-radius: 1mm;
  padding: 0 1.4mm;
  color: #3d4653;
}
.claim-text {
  font-size: 11pt;
  font-weight: 500;
  line-height: 1.42;
  color: #111821;
  white-space: pre-line;
  overflow-wrap: anywhere;
}
.claim-retracted .claim-text { color: var(--muted); text-decoration: line-through; text-decoration-thickness: 0.5pt; }
.markers {
  font-size: 7pt;
  font-weight: 600;
  color: var(--muted);
  margin-left: 0.6mm;
  vertical-align: 0.45em;
  line-height: 0;
}
.marker { color: #1f4e8c; }
.claim-ref .claim-text { font-size: 10pt; font-weight: 400; color: #3d4653; }
.empty { color: var(--muted); font-style: italic; }
.see-above { font-size: 8.5pt; color: var(--muted); margin-top: 0.8mm; font-style: italic; }
.callout {
  margin-top: 2mm;
  padding: 1.5mm 3mm;
  background: #fbf4e8;
  font-size: 9pt;
  color: #4a3510;
}
.claim-refuted .callout { background: #fbeceb; color: #5a1a16; }
.callout p + p { margin-top: 0.8mm; }
.callout strong { font-weight: 700; }
.endnotes { list-style: none; margin: 2.5mm 0 0; padding: 0; font-size: 9pt; }
.endnotes li { display: grid; grid-template-columns: 5mm 1fr; margin-top: 1.6mm; }
.en-no { font-size: 7.5pt; font-weight: 600; color: #1f4e8c; padding-top: 0.3mm; }
.en-quote { font-style: italic; color: #28303b; overflow-wrap: anywhere; white-space: pre-line; }
.en-source { color: var(--muted); margin-top: 0.4mm; overflow-wrap: anywhere; }
.en-source cite { font-style: normal; color: #28303b; }
.grade {
  display: inline-block;
  font-size: 7.5pt;
  font-weight: 700;
  color: #fff;
  background: var(--ink);
  border-radius: 0.8mm;
  padding: 0 1.2mm;
  margin-right: 1.6mm;
  letter-spacing: 0.03em;
}
.grade.ungraded { background: #9aa3ae; }
.stance {
  font-size: 7.5pt;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.06em;
  margin-right: 1.6mm;
}
.sn-supports { color: var(--st-corroborated); }
.sn-contradicts { color: var(--st-refuted); }
.sn-mentions { color: var(--muted); }
.src-ref { color: var(--muted); white-space: nowrap; }
.cite-note { color: var(--muted); margin-top: 0.4mm; }
.sub-label {
  font-size: 7.5pt;
  font-weight: 700;
  letter-spacing: 0.1em;
  text-transform: uppercase;
  color: var(--muted);
  margin-bottom: 0.6mm;
}
.notes, .relations { margin-top: 2.5mm; font-size: 9pt; }
.notes p { white-space: pre-line; overflow-wrap: anywhere; }
.notes p + p { margin-top: 0.8mm; }
.note-date { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 1.5mm; }
.relations ul { list-style: none; margin: 0; padding: 0; }
.relations li { overflow-wrap: anywhere; }
.rel-kind { font-weight: 600; color: #3d4653; }

/* Sources ---------------------------------------------------------------------------------- */
.bibliography { list-style: none; margin: 0; padding: 0; }
.bibliography li {
  display: grid;
  grid-template-columns: 11mm 1fr;
  padding: 2.4mm 0;
  border-bottom: 0.5pt solid #e3e7ec;
  break-inside: avoid;
}
.src-no { font-weight: 700; color: var(--muted); font-size: 9.5pt; }
.src-title { font-weight: 600; overflow-wrap: anywhere; }
.src-details { font-size: 9pt; color: #3d4653; }
.url { font-size: 8.5pt; color: #1f4e8c; overflow-wrap: anywhere; word-break: break-all; }
.src-grade { font-size: 8.5pt; color: var(--muted); margin-top: 0.8mm; }
.rel-label { margin-right: 3mm; }
.cited-in { display: inline; }
`

/** The briefing as one self-contained HTML document (no scripts, no remote resources). */
export function renderBriefingHtml(input: BriefingData, render: BriefingRenderOptions): string {
  const data = sanitizeBriefing(input)
  const summary = summarize(data)
  const ctx = buildContext(data, summary)
  const csp = "default-src 'none'; style-src 'unsafe-inline'; font-src file: data:; img-src data:"
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="Attest">
<title>${escapeHtml(data.options.title)}</title>
<style>
${render.fontCss}
${STYLES}
</style>
</head>
<body>
${renderCover(ctx, summary)}
${renderSummary(ctx, summary)}
${renderClaims(ctx)}
${renderSources(ctx, summary)}
${renderGradingKey(ctx)}
</body>
</html>
`
}
