import { html, joinHtml, type Html } from './html'
import type { BriefingJudgement, RenderContext } from './model'

function support(ctx: RenderContext, judgement: BriefingJudgement): Html | null {
  if (judgement.claimIds.length === 0) return null
  const numbered = judgement.claimIds
    .map((id) => ctx.claimNumbers.get(id))
    .filter((number): number is number => number !== undefined)
    .sort((a, b) => a - b)
  const outside = judgement.claimIds
    .filter((id) => !ctx.claimNumbers.has(id))
    .map((id) => judgement.outside[id])
    .filter((text): text is string => text !== undefined)
  const parts = [
    numbered.length > 0 &&
      html`${numbered.length === 1 ? 'claim' : 'claims'} ${joinHtml(
        numbered.map((number) => html`<a class="claim-link" href="#claim-${number}">${number}</a>`),
        ', '
      )}`,
    ...outside.map((text) => html`“<span class="rel-text">${text}</span>” (not in this briefing)`)
  ]
  return html`<div class="kj-support">Rests on ${joinHtml(parts, '; ')}</div>`
}

/** What the analyst concludes, first: the bottom line, then each key judgement and its weight. */
export function renderJudgements(ctx: RenderContext): Html | null {
  const { bottomLine, judgements } = ctx.data.options
  if (bottomLine.trim() === '' && judgements.length === 0) return null
  const items = judgements.map(
    (judgement, index) => html`
    <li class="kj">
      <span class="kj-no">${index + 1}</span>
      <div class="kj-body">
        <p class="kj-text">${judgement.confidence.trim() && html`<span class="kj-confidence">${judgement.confidence}</span> `}${judgement.text}</p>
        ${support(ctx, judgement)}
      </div>
    </li>`
  )
  return html`
<section class="judgements">
  ${
    bottomLine.trim() &&
    html`
  <h2 class="section-title">Bottom line</h2>
  <p class="bottom-line">${bottomLine}</p>`
  }
  ${
    judgements.length > 0 &&
    html`
  <h2 class="section-title">Key judgements</h2>
  <ol class="kj-list">${items}</ol>`
  }
</section>`
}
