import { html, type Html } from './html'
import {
  citationGrade,
  disagreementPairs,
  figureConflicts,
  figureGrade,
  formatDate,
  splitAtFigure,
  type BriefingSource,
  type DisagreementSide,
  type FigureSide,
  type RenderContext,
  translationAttributes
} from './model'

function whereFrom(source: BriefingSource | undefined): string {
  return source
    ? [source.publisher ?? source.title, formatDate(source.publishedAt)]
        .filter((part) => part !== '')
        .join(', ')
    : 'Unknown source'
}

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
      return html`<blockquote class="dis-quote">“${citation.quote}”${citation.translation && html`<span class="dis-translation" ${translationAttributes(ctx)}>${citation.translation}</span>`}<footer>${grade && html`<span class="grade">${grade}</span> `}${whereFrom(source)}${source && html` <span class="src-ref">[S${source.number}]</span>`}</footer></blockquote>`
    })
  return html`<div class="dis-side"><div class="dis-label">${label}</div><p class="dis-claim"><a class="claim-link" href="#claim-${number}">${number}</a> ${claim.text}</p>${quotes}</div>`
}

function figureSide(ctx: RenderContext, figure: FigureSide): Html {
  const source = ctx.sources.get(figure.sourceId)
  const grade = figureGrade(ctx, figure)
  const { before, figure: marked, after } = splitAtFigure(figure.sentence, figure.figure)
  const number = figure.claimId === null ? undefined : ctx.claimNumbers.get(figure.claimId)
  const quotedBy =
    number !== undefined &&
    html`<p class="dis-quoted-by">Quoted for claim <a class="claim-link" href="#claim-${number}">${number}</a></p>`
  return html`<div class="dis-side"><div class="dis-label">${source?.title ?? 'Unknown source'}</div><blockquote class="dis-quote">“${before}${marked && html`<mark class="dis-figure">${marked}</mark>`}${after}”${figure.translation && html`<span class="dis-translation" ${translationAttributes(ctx)}>${figure.translation}</span>`}<footer>${grade && html`<span class="grade">${grade}</span> `}${whereFrom(source)}${source && html` <span class="src-ref">[S${source.number}]</span>`}</footer></blockquote>${quotedBy}</div>`
}

function renderFigureConflicts(ctx: RenderContext): Html | null {
  const { pairs, omitted } = figureConflicts(ctx)
  if (pairs.length === 0) return null
  const rendered = pairs.map(
    (pair) => html`
  <div class="dis-figures">
    <div class="dis-pair">
      ${figureSide(ctx, pair.left)}
      ${figureSide(ctx, pair.right)}
    </div>
    <p class="dis-reason">${pair.reason}</p>
  </div>`
  )
  const [first, ...rest] = rendered
  // The heading travels with its first pair: the two are kept on one page.
  return html`
  <div class="dis-lead">
    <h3 class="dis-subtitle">Figures that disagree</h3>
    <p class="section-lede">Figures and dates in the sources cited here that do not agree, found by comparing the sources' texts; each sentence as its source wrote it.</p>
    ${first}
  </div>
  ${rest}
  ${omitted > 0 && html`<p class="dis-more">${omitted} more pairs of figures disagree; the fact finder in the app lists them all.</p>`}`
}

/**
 * Contradicting claims side by side, both with their quotes, then figures the sources disagree
 * on; before the evidence by topic.
 */
export function renderDisagreements(ctx: RenderContext): Html | null {
  const pairs = ctx.include.relations ? disagreementPairs(ctx.summary.claims) : []
  const figures = renderFigureConflicts(ctx)
  if (pairs.length === 0 && figures === null) return null
  return html`
<section class="disagreements">
  <h2 class="section-title">Disagreements</h2>
  ${
    pairs.length > 0 &&
    html`<p class="section-lede">Claims that contradict each other, side by side with their quotes.</p>
  ${pairs.map(
    (pair) => html`
  <div class="dis-pair">
    ${side(ctx, pair.left, 'Claim')}
    ${side(ctx, pair.right, 'Contradicted by')}
  </div>`
  )}`
  }
  ${figures}
</section>`
}
