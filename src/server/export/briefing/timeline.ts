import { layoutTimeline, type TimelineLayout } from '../../../shared/timeline'
import { BRIEFING_GEOMETRY, reportedPath, timelineScene } from '../../../shared/timelineSvg'
import { html, joinHtml, type Html } from './html'
import { formatDate, type BriefingClaim, type RenderContext } from './model'

/** Plot width of the briefing's timeline, in CSS px (the page is ~640 px wide). */
const WIDTH = 640
const GEOMETRY = BRIEFING_GEOMETRY
const AXIS_Y = GEOMETRY.axisY

function svg(layout: TimelineLayout, numbers: Map<string, number>): Html {
  const scene = timelineScene(layout, GEOMETRY)
  const height = scene.height
  const ticks = scene.ticks.map(
    (tick) =>
      html`<line x1="${tick.x.toFixed(1)}" x2="${tick.x.toFixed(1)}" y1="${AXIS_Y - 4}" y2="${height}" class="tl-grid${tick.major ? ' tl-major' : ''}"/><text x="${(tick.x + 3).toFixed(1)}" y="${AXIS_Y - 7}" class="tl-tick">${tick.label}</text>`
  )
  const marks = scene.marks.map((mark) => {
    const { item, cy: y } = mark
    const number = numbers.get(item.id) ?? 0
    const reported = item.reportedX.map(
      (x) =>
        html`<path d="${reportedPath(GEOMETRY, x)}" class="tl-reported"><title>Reported</title></path>`
    )
    const shape =
      mark.shape === 'span'
        ? html`<rect x="${mark.x.toFixed(1)}" y="${y - 7}" width="${mark.width.toFixed(1)}" height="14" rx="7" class="tl-span"/>`
        : html`<circle cx="${mark.cx.toFixed(1)}" cy="${y}" r="8" class="tl-dot"/>`
    return html`<g class="tl-item">${reported}${shape}<text x="${mark.cx.toFixed(1)}" y="${y + 3.5}" class="tl-no">${number}</text><title>${item.date}: ${item.label}</title></g>`
  })
  return html`<svg class="tl-svg" role="img" aria-label="Timeline of dated claims" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><line x1="0" x2="${WIDTH}" y1="${AXIS_Y}" y2="${AXIS_Y}" class="tl-axis"/>${ticks}${marks}</svg>`
}

/** Report days of a claim: the published dates of the sources it cites. */
function reportedDays(ctx: RenderContext, claim: BriefingClaim): string[] {
  const days = new Set<string>()
  for (const citation of claim.citations) {
    const day = formatDate(ctx.sources.get(citation.sourceId)?.publishedAt ?? null)
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) days.add(day)
  }
  return [...days].sort()
}

/**
 * Dated claims on a time axis (inline SVG, numbered like the claims), then the same claims as a
 * list in date order with the days their sources reported them.
 */
export function renderTimeline(ctx: RenderContext): Html | null {
  const dated = ctx.summary.claims.filter((claim) => claim.eventDate)
  if (dated.length === 0) return null
  const layout = layoutTimeline(
    dated.map((claim) => ({
      id: claim.id,
      date: claim.eventDate ?? '',
      label: claim.text,
      reported: reportedDays(ctx, claim)
    })),
    WIDTH,
    GEOMETRY.marker
  )
  const byId = new Map(dated.map((claim) => [claim.id, claim]))
  const rows = layout.items.map((item) => {
    const claim = byId.get(item.id)
    const number = ctx.claimNumbers.get(item.id) ?? 0
    const reported = claim ? reportedDays(ctx, claim) : []
    return html`<li><span class="tl-date">${formatDate(item.date)}</span><a class="claim-link" href="#claim-${number}">${number}</a><span class="tl-text">${item.label}${
      reported.length > 0 &&
      html`<span class="tl-when"> · reported ${joinHtml(reported, ', ')}</span>`
    }</span></li>`
  })
  return html`
<section class="timeline">
  <h2 class="section-title">Timeline</h2>
  <p class="section-lede">Dated claims by event date; ▲ marks the days their sources reported them.</p>
  ${svg(layout, ctx.claimNumbers)}
  <ol class="tl-list">${rows}</ol>
</section>`
}

export { timelineScene, markOf, reportedPath } from '../../../shared/timelineSvg'
