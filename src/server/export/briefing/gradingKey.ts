import { CREDIBILITY_GRADES, RELIABILITY_GRADES, RELIABILITY_LABELS } from '../../../shared/domain'
import { html, type Html } from './html'
import { credibilityLabel, type RenderContext } from './model'

/** What the letters and digits mean: Admiralty source reliability and information credibility. */
export function renderGradingKey(ctx: RenderContext): Html | null {
  if (!ctx.include.statusAndCredibility && !ctx.include.sourceReliability) return null
  const reliability =
    ctx.include.sourceReliability &&
    html`<div><h4>Source reliability</h4><dl>${RELIABILITY_GRADES.map(
      (key) => html`<dt>${key}</dt><dd>${RELIABILITY_LABELS[key]}</dd>`
    )}</dl></div>`
  const credibility =
    ctx.include.statusAndCredibility &&
    html`<div><h4>Information credibility</h4><dl>${CREDIBILITY_GRADES.map(
      (key) => html`<dt>${key}</dt><dd>${credibilityLabel(key)}</dd>`
    )}</dl></div>`
  return html`
<section class="key">
  <h2 class="section-title">Grading key</h2>
  <p>Claims and sources are graded with the Admiralty system. A citation's grade combines the
  reliability of its source with the credibility of the claim, e.g. B2.</p>
  <div class="key-cols">${reliability}${credibility}</div>
</section>`
}
