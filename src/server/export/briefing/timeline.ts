import { layoutTimeline, type TimelineLayout } from '../../../shared/timeline'
import { BRIEFING_GEOMETRY, reportedPath, timelineScene } from '../../../shared/timelineSvg'
import type { ChartSvg } from './charts'
import { html, joinHtml, type Html } from './html'
import { formatDate, type BriefingClaim, type RenderContext } from './model'

/** Plot width of the briefing's timeline, in CSS px (the page is ~640 px wide). */
const WIDTH = 640
const GEOMETRY = BRIEFING_GEOMETRY
const AXIS_Y = GEOMETRY.axisY

const FONT = "'Noto Sans Variable', 'Noto Sans JP Variable', 'Noto Sans', sans-serif"
const INK = '#12233d'
const MUTED = '#5b6675'
const RULE = '#cfd6df'
const REPORTED = '#b76e00'

/**
 * The timeline as self-contained SVG: presentation attributes (the page's stylesheet, where
 * there is one, says the same), so the same drawing is inline in the PDF and an image in Word.
 */
function svg(layout: TimelineLayout, numbers: Map<string, number>): ChartSvg {
  const scene = timelineScene(layout, GEOMETRY)
  const height = scene.height
  const ticks = scene.ticks.map(
    (tick) =>
      html`<line x1="${tick.x.toFixed(1)}" x2="${tick.x.toFixed(1)}" y1="${AXIS_Y - 4}" y2="${height}" class="tl-grid${tick.major ? ' tl-major' : ''}" stroke="${tick.major ? MUTED : RULE}" stroke-width="0.6"/><text x="${(tick.x + 3).toFixed(1)}" y="${AXIS_Y - 7}" class="tl-tick" font-size="8" fill="${MUTED}">${tick.label}</text>`
  )
  const marks = scene.marks.map((mark) => {
    const { item, cy: y } = mark
    const number = numbers.get(item.id) ?? 0
    const reported = item.reportedX.map(
      (x) =>
        html`<path d="${reportedPath(GEOMETRY, x)}" class="tl-reported" fill="${REPORTED}"><title>Reported</title></path>`
    )
    const shape =
      mark.shape === 'span'
        ? html`<rect x="${mark.x.toFixed(1)}" y="${y - 7}" width="${mark.width.toFixed(1)}" height="14" rx="7" class="tl-span" fill="${INK}"/>`
        : html`<circle cx="${mark.cx.toFixed(1)}" cy="${y}" r="8" class="tl-dot" fill="${INK}"/>`
    return html`<g class="tl-item">${reported}${shape}<text x="${mark.cx.toFixed(1)}" y="${y + 3.5}" class="tl-no" font-size="8" font-weight="700" fill="#ffffff" text-anchor="middle">${number}</text><title>${item.date}: ${plainText(item.label)}</title></g>`
  })
  const title = 'Timeline of dated claims'
  const desc = layout.items
    .map((item) => `${item.date}: claim ${numbers.get(item.id) ?? 0}`)
    .join('; ')
  return {
    svg: html`<svg class="tl-svg" role="img" xmlns="http://www.w3.org/2000/svg" aria-labelledby="tl-title tl-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="${FONT}"><title id="tl-title">${title}</title><desc id="tl-desc">${desc}</desc><line x1="0" x2="${WIDTH}" y1="${AXIS_Y}" y2="${AXIS_Y}" class="tl-axis" stroke="${INK}" stroke-width="1.2"/>${ticks}${marks}</svg>`,
    width: WIDTH,
    height,
    title,
    desc
  }
}

/** XML 1.0 allows no C0 controls; a claim's text as a title has none. */
function plainText(value: string): string {
  return value.replace(/\p{Cc}/gu, ' ')
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
function timelineLayout(ctx: RenderContext): TimelineLayout | null {
  const dated = ctx.summary.claims.filter((claim) => claim.eventDate)
  if (dated.length === 0) return null
  return layoutTimeline(
    dated.map((claim) => ({
      id: claim.id,
      date: claim.eventDate ?? '',
      label: claim.text,
      reported: reportedDays(ctx, claim)
    })),
    WIDTH,
    GEOMETRY.marker
  )
}

/** The timeline drawing alone, for the Word document's image; null with no dated claim. */
export function timelineSvg(ctx: RenderContext): ChartSvg | null {
  const layout = timelineLayout(ctx)
  return layout && svg(layout, ctx.claimNumbers)
}

export function renderTimeline(ctx: RenderContext): Html | null {
  const layout = timelineLayout(ctx)
  if (layout === null) return null
  const byId = new Map(ctx.summary.claims.map((claim) => [claim.id, claim]))
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
  ${svg(layout, ctx.claimNumbers).svg}
  <ol class="tl-list">${rows}</ol>
</section>`
}

export { timelineScene, markOf, reportedPath } from '../../../shared/timelineSvg'
