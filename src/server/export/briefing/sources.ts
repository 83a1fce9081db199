import { RELIABILITY_LABELS } from '../../../shared/domain'
import { html, joinHtml, type Html } from './html'
import {
  formatDate,
  normalizeReliability,
  safeHttpUrl,
  type BriefingSource,
  type RenderContext
} from './model'

function grade(ctx: RenderContext, source: BriefingSource): Html | null {
  if (!ctx.include.sourceReliability) return null
  const reliability = normalizeReliability(source.reliability)
  return reliability
    ? html`<span class="grade">${reliability}</span><span class="rel-label">${RELIABILITY_LABELS[reliability]}</span>`
    : html`<span class="grade ungraded">–</span><span class="rel-label">Not graded</span>`
}

function url(source: BriefingSource): Html | null {
  if (!source.url) return null
  const href = safeHttpUrl(source.url)
  return href
    ? html`<div class="url"><a href="${href}">${source.url}</a></div>`
    : html`<div class="url">${source.url}</div>`
}

/** The bibliography: every source cited, numbered S1, S2 … as the claims cite them. */
export function renderSources(ctx: RenderContext): Html | null {
  if (ctx.data.sources.length === 0) return null
  const citedIn = new Map<string, Set<number>>()
  for (const claim of ctx.summary.claims) {
    for (const citation of claim.citations) {
      const set = citedIn.get(citation.sourceId) ?? new Set<number>()
      set.add(ctx.claimNumbers.get(claim.id) ?? 0)
      citedIn.set(citation.sourceId, set)
    }
  }
  const items = [...ctx.data.sources]
    .sort((a, b) => a.number - b.number)
    .map((source) => {
      const details = joinHtml(
        [source.publisher, source.publishedAt && `Published ${formatDate(source.publishedAt)}`],
        ' · '
      )
      const claims = [...(citedIn.get(source.id) ?? [])].sort((a, b) => a - b)
      const cited =
        ctx.include.citations &&
        claims.length > 0 &&
        html`<div class="cited-in">Cited for claim${claims.length === 1 ? '' : 's'} ${claims.join(', ')}</div>`
      const sourceGrade = grade(ctx, source)
      return html`
    <li>
      <span class="src-no">S${source.number}</span>
      <div class="src-body">
        <div class="src-title">${source.title}</div>
        ${details.toString() !== '' && html`<div class="src-details">${details}</div>`}
        ${url(source)}
        ${(sourceGrade || cited) && html`<div class="src-grade">${sourceGrade}${cited}</div>`}
      </div>
    </li>`
    })
  return html`
<section class="sources">
  <h2 class="section-title">Sources</h2>
  <ol class="bibliography">${items}</ol>
</section>`
}
