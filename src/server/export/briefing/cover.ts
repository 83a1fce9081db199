import { html, type Html } from './html'
import { formatDay, formatTimestamp, plural, type RenderContext } from './model'

/** Title page: marking bars, title, who, when, what it covers. */
export function renderCover(ctx: RenderContext): Html {
  const { options } = ctx.data
  const { summary, include } = ctx
  const contents = [
    plural(summary.claims.length, 'claim'),
    options.groupBy !== 'none' ? plural(ctx.data.groups.length, 'group') : null,
    plural(ctx.data.sources.length, 'source'),
    include.citations ? plural(summary.citations, 'citation') : null
  ]
    .filter((part): part is string => part !== null)
    .join(' · ')
  // No classification given: no marking bars (an empty bar reads as a missing marking).
  const classification =
    options.classification.trim() === ''
      ? null
      : html`<div class="classification">${options.classification}</div>`
  const graded = include.statusAndCredibility || include.sourceReliability
  return html`
<section class="cover">
  ${classification ?? html`<div></div>`}
  <div class="cover-main">
    <div class="cover-kicker">Analytical briefing</div>
    <h1 class="cover-title">${options.title}</h1>
    <dl class="cover-meta">
      ${options.author.trim() && html`<div><dt>Prepared by</dt><dd>${options.author}</dd></div>`}
      ${options.audience.trim() && html`<div><dt>For</dt><dd>${options.audience}</dd></div>`}
      <div><dt>Date</dt><dd>${options.date ? formatDay(options.date) : formatTimestamp(options.generatedAt)}</dd></div>
      <div><dt>Scope</dt><dd>${options.scopeLabel}</dd></div>
      <div><dt>Contents</dt><dd>${contents}</dd></div>
    </dl>
  </div>
  <div class="cover-foot">
    ${graded && html`<p>Claims and sources are graded with the Admiralty system (source reliability A–F, information credibility 1–6); the grading key is at the end of this document.</p>`}
    ${classification}
  </div>
</section>`
}
