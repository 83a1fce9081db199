import { STATUS_LABELS, type RelationKind } from '../../../shared/domain'
import { html, joinHtml, type Html } from './html'
import {
  citationGrade,
  contradictions,
  formatDate,
  isFlagged,
  normalizeCredibility,
  plural,
  type BriefingClaim,
  type CitationStance,
  type RenderContext,
  translationAttributes
} from './model'
import { GROUP_KICKERS } from './summary'

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

function statusBadge(claim: BriefingClaim): Html {
  const credibility = normalizeCredibility(claim.credibility)
  const label = `${STATUS_LABELS[claim.status]}${credibility === null ? '' : ` · ${credibility}`}`
  return html`<span class="badge st-${claim.status}">${label}</span>`
}

function renderCallout(ctx: RenderContext, claim: BriefingClaim): Html | null {
  const parts: Html[] = []
  if (ctx.include.statusAndCredibility && claim.status === 'contested') {
    parts.push(html`<strong>Contested</strong> — sources disagree on this claim.`)
  }
  if (ctx.include.statusAndCredibility && claim.status === 'refuted') {
    parts.push(html`<strong>Refuted</strong> — the weight of evidence is against this claim.`)
  }
  if (ctx.include.relations) {
    for (const relation of contradictions(claim)) {
      const label = relation.direction === 'in' ? 'Contradicted by' : 'Contradicts'
      parts.push(html`<strong>${label}</strong> “${relation.otherText}”`)
    }
  }
  if (parts.length === 0) return null
  return html`<div class="callout">${parts.map((part) => html`<p>${part}</p>`)}</div>`
}

function renderEndnotes(ctx: RenderContext, claim: BriefingClaim, start: number): Html | null {
  if (!ctx.include.citations || claim.citations.length === 0) return null
  const items = claim.citations.map((citation, index) => {
    const source = ctx.sources.get(citation.sourceId)
    const grade = citationGrade(ctx, claim, citation)
    const sourceBits = source
      ? html`${joinHtml(
          [html`<cite>${source.title}</cite>`, source.publisher, formatDate(source.publishedAt)],
          ', '
        )} <span class="src-ref">[S${source.number}]</span>`
      : html`<cite>Unknown source</cite>`
    return html`
        <li>
          <span class="en-no">${start + index}</span>
          <div class="en-body">
            <div class="en-quote">“${citation.quote}”</div>
            ${citation.translation && html`<div class="en-translation" ${translationAttributes(ctx)}>${citation.translation}</div>`}
            <div class="en-source">${grade && html`<span class="grade">${grade}</span>`}<span class="stance sn-${citation.stance}">${STANCE_LABELS[citation.stance]}</span> ${sourceBits}${citation.locator && `, ${citation.locator}`}</div>
            ${citation.note && html`<div class="cite-note">${citation.note}</div>`}
          </div>
        </li>`
  })
  return html`<ol class="endnotes">${items}</ol>`
}

function claimClasses(ctx: RenderContext, claim: BriefingClaim, extra = ''): string {
  const flagged = isFlagged(claim) && (ctx.include.statusAndCredibility || ctx.include.relations)
  return ['claim', `claim-${claim.status}`, flagged ? 'flagged' : '', extra]
    .filter((name) => name !== '')
    .join(' ')
}

function renderClaim(ctx: RenderContext, claim: BriefingClaim): Html {
  const { include } = ctx
  const number = ctx.claimNumbers.get(claim.id) ?? 0
  const start = ctx.endnoteStart.get(claim.id) ?? 1
  const markers =
    include.citations &&
    claim.citations.length > 0 &&
    html`<sup class="markers">${joinHtml(
      claim.citations.map((_, index) => html`<span class="marker">${start + index}</span>`),
      ','
    )}</sup>`
  const meta = [
    include.statusAndCredibility &&
      claim.confidence !== null &&
      html`Confidence ${Math.round(claim.confidence)}%`,
    claim.eventDate && html`Event date ${formatDate(claim.eventDate)}`,
    claim.tags.length > 0 &&
      html`<span class="tags">${claim.tags.map((tag) => html`<span class="tag">${tag}</span>`)}</span>`
  ].filter((part): part is Html => part instanceof Object)
  const topline =
    (include.statusAndCredibility || meta.length > 0) &&
    html`<div class="claim-topline">${include.statusAndCredibility && statusBadge(claim)}${meta.map((part) => html`<span class="meta">${part}</span>`)}</div>`
  const notes =
    include.notes &&
    claim.notes.length > 0 &&
    html`<div class="notes"><div class="sub-label">Analyst notes</div>${claim.notes.map(
      (note) =>
        html`<p><span class="note-date">${formatDate(note.createdAt)}</span> ${note.body}</p>`
    )}</div>`
  const otherRelations = claim.relations.filter((relation) => relation.kind !== 'contradicts')
  const relations =
    include.relations &&
    otherRelations.length > 0 &&
    html`<div class="relations"><div class="sub-label">Related claims</div><ul>${otherRelations.map(
      (relation) =>
        html`<li><span class="rel-kind">${RELATION_LABELS[relation.kind][relation.direction]}</span> “${relation.otherText}”</li>`
    )}</ul></div>`
  return html`
    <article class="${claimClasses(ctx, claim)}" id="claim-${number}" data-claim="${number}">
      <div class="claim-no">${number}</div>
      <div class="claim-body">
        ${topline}
        <p class="claim-text">${claim.text}${markers}</p>
        ${renderCallout(ctx, claim)}
        ${renderEndnotes(ctx, claim, start)}
        ${notes}
        ${relations}
      </div>
    </article>`
}

/** A claim already given in full in an earlier group: number, badge and text only. */
function renderClaimReference(ctx: RenderContext, claim: BriefingClaim, firstGroup: string): Html {
  const number = ctx.claimNumbers.get(claim.id) ?? 0
  const where = firstGroup.trim() === '' ? 'above' : `under “${firstGroup}”`
  return html`
    <article class="${claimClasses(ctx, claim, 'claim-ref')}" data-claim="${number}">
      <div class="claim-no">${number}</div>
      <div class="claim-body">
        ${ctx.include.statusAndCredibility && html`<div class="claim-topline">${statusBadge(claim)}</div>`}
        <p class="claim-text">${claim.text}</p>
        <div class="see-above">Given in full ${where}.</div>
      </div>
    </article>`
}

/** The claims by group, each with its quotes as numbered endnotes. */
export function renderClaims(ctx: RenderContext): Html {
  const { groups, options } = ctx.data
  const kicker = GROUP_KICKERS[options.groupBy]
  /** Claim id → label of the group where the claim is given in full. */
  const placed = new Map<string, string>()
  const body = groups.map((group) => {
    const claims = group.claims.map((claim) => {
      const firstGroup = placed.get(claim.id)
      if (firstGroup !== undefined) return renderClaimReference(ctx, claim, firstGroup)
      placed.set(claim.id, group.label)
      return renderClaim(ctx, claim)
    })
    if (options.groupBy === 'none') return claims
    // The heading travels with its first claim: the pair is kept on one page.
    const [first, ...rest] = claims
    return html`
  <section class="group">
    <div class="group-lead">
      <header class="group-head">
        <div class="group-kicker">${kicker}</div>
        <h3 class="group-title">${group.label}<span class="group-count">${plural(group.claims.length, 'claim')}</span></h3>
      </header>
      ${first}
    </div>
    ${rest}
  </section>`
  })
  const empty =
    groups.every((group) => group.claims.length === 0) &&
    html`<p class="empty">No claims are in the scope of this briefing.</p>`
  return html`
<section class="claims">
  <h2 class="section-title">Claims</h2>
  ${body}${empty}
</section>`
}
