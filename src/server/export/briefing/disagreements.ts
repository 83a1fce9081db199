import { html, type Html } from './html'
import {
  citationGrade,
  disagreementPairs,
  formatDate,
  type DisagreementSide,
  type RenderContext
} from './model'

function side(ctx: RenderContext, { claim, text }: DisagreementSide, label: string): Html {
  if (claim === null) {
    return html`<div class="dis-side"><div class="dis-label">${label}</div><p class="dis-claim">${text}</p><p class="dis-outside">Not in this briefing.</p></div>`
  }
  const number = ctx.claimNumbers.get(claim.id) ?? 0
  const quotes =
    ctx.include.citations &&
    claim.citations.map((citation) => {
      const source = ctx.sources.get(citation.sourceId)
      const grade = citationGrade(ctx, claim, citation)
      const where = source
        ? [source.publisher ?? source.title, formatDate(source.publishedAt)]
            .filter((part) => part !== '')
            .join(', ')
        : 'Unknown source'
      return html`<blockquote class="dis-quote">“${citation.quote}”${citation.translation && html`<span class="dis-translation">${citation.translation}</span>`}<footer>${grade && html`<span class="grade">${grade}</span> `}${where}${source && html` <span class="src-ref">[S${source.number}]</span>`}</footer></blockquote>`
    })
  return html`<div class="dis-side"><div class="dis-label">${label}</div><p class="dis-claim"><a class="claim-link" href="#claim-${number}">${number}</a> ${claim.text}</p>${quotes}</div>`
}

/** Contradicting claims side by side, both with their quotes, before the evidence by topic. */
export function renderDisagreements(ctx: RenderContext): Html | null {
  if (!ctx.include.relations) return null
  const pairs = disagreementPairs(ctx.summary.claims)
  if (pairs.length === 0) return null
  return html`
<section class="disagreements">
  <h2 class="section-title">Disagreements</h2>
  <p class="section-lede">Claims that contradict each other, side by side with their quotes.</p>
  ${pairs.map(
    (pair) => html`
  <div class="dis-pair">
    ${side(ctx, pair.left, 'Claim')}
    ${side(ctx, pair.right, 'Contradicted by')}
  </div>`
  )}
</section>`
}
