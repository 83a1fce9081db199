/**
 * The timeline's drawing, pure: where the axis, the grid lines, the markers and the report-day
 * ticks of a laid-out timeline go. The briefing writes it as SVG text
 * (src/server/export/briefing/timeline.ts) and the app's Timeline view as SVG elements, so both
 * draw the same picture from the same layout (./timeline.ts).
 */
import type { PlacedItem, TimelineLayout, TimelineTick } from './timeline'

export type TimelineGeometry = {
  /** y of the axis line; tick labels sit above it, report ticks just below. */
  axisY: number
  /** Height of one lane of markers. */
  lane: number
  /** The room one marker needs along the axis (the layout's `markerWidth`). */
  marker: number
}

/** The briefing's geometry, in CSS px (its page is about 640 px wide). */
export const BRIEFING_GEOMETRY: TimelineGeometry = { axisY: 18, lane: 22, marker: 20 }

export type TimelineMark = {
  item: PlacedItem
  /** A day is a dot; a month or a year, wide enough on the axis, a rounded bar. */
  shape: 'dot' | 'span'
  /** Centre of the marker (where a dot is, where a bar's label goes). */
  cx: number
  cy: number
  /** A bar's left edge and width (a dot: its centre and 0). */
  x: number
  width: number
}

export type TimelineScene = {
  width: number
  height: number
  axisY: number
  ticks: TimelineTick[]
  marks: TimelineMark[]
}

/** y of the centre of the markers in `lane`. */
export function laneY(geometry: TimelineGeometry, lane: number): number {
  return geometry.axisY + 14 + lane * geometry.lane
}

/** Height of a drawing with `lanes` lanes of markers. */
export function sceneHeight(geometry: TimelineGeometry, lanes: number): number {
  return laneY(geometry, lanes) + 8
}

/** The marker of one placed item. */
export function markOf(geometry: TimelineGeometry, item: PlacedItem): TimelineMark {
  const cy = laneY(geometry, item.lane)
  if (item.x2 - item.x > 6) {
    const width = Math.max(geometry.marker, item.x2 - item.x)
    return { item, shape: 'span', cx: item.x + width / 2, cy, x: item.x, width }
  }
  return { item, shape: 'dot', cx: item.x, cy, x: item.x, width: 0 }
}

/** The small triangle under the axis at a report day, as an SVG path. */
export function reportedPath(geometry: TimelineGeometry, x: number): string {
  return `M${x.toFixed(1)} ${geometry.axisY + 1} l-3 5 h6 z`
}

export function timelineScene(layout: TimelineLayout, geometry: TimelineGeometry): TimelineScene {
  return {
    width: layout.width,
    height: sceneHeight(geometry, layout.lanes),
    axisY: geometry.axisY,
    ticks: layout.ticks,
    marks: layout.items.map((item) => markOf(geometry, item))
  }
}
