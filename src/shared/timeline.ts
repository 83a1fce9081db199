/**
 * Laying out dated claims on a time axis: pure, shared by the briefing's SVG and the app. A date
 * is a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY); a month or a year is drawn as the
 * span it covers. Markers that would overlap are stacked in lanes, first fit.
 */

export type TimelineItem = {
  id: string
  /** Event date as stored: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string
  label: string
  /** Days the sources reported it (YYYY-MM-DD…), drawn as ticks under the axis. */
  reported?: readonly string[]
}

export type PlacedItem = TimelineItem & {
  /** Start and end of the span on the axis, in px from the left edge of the plot. */
  x: number
  x2: number
  lane: number
  /** First and last day the date covers, as UTC milliseconds. */
  from: number
  to: number
  reportedX: number[]
}

export type TimelineTick = { x: number; label: string; major: boolean }

export type TimelineLayout = {
  width: number
  lanes: number
  start: number
  end: number
  items: PlacedItem[]
  ticks: TimelineTick[]
  /** Items whose date could not be read; listed, never drawn. */
  undated: TimelineItem[]
}

const DAY = 86_400_000

/** The first and last day (UTC ms) a stored date covers, or null when it is not a date. */
export function dateSpan(value: string): { from: number; to: number } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim())
  if (!match) return null
  const year = Number(match[1])
  const month = match[2] === undefined ? null : Number(match[2])
  const day = match[3] === undefined ? null : Number(match[3])
  if (month !== null && (month < 1 || month > 12)) return null
  if (month === null) return { from: Date.UTC(year, 0, 1), to: Date.UTC(year, 11, 31) }
  if (day === null) {
    return { from: Date.UTC(year, month - 1, 1), to: Date.UTC(year, month, 0) }
  }
  const from = Date.UTC(year, month - 1, day)
  if (new Date(from).getUTCDate() !== day) return null
  return { from, to: from }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function ticksFor(start: number, end: number, toX: (ms: number) => number): TimelineTick[] {
  const span = end - start
  const ticks: TimelineTick[] = []
  const first = new Date(start)
  if (span > 4 * 365 * DAY) {
    const step = Math.max(1, Math.ceil(span / (365 * DAY) / 8))
    for (let year = first.getUTCFullYear(); ; year += step) {
      const at = Date.UTC(year, 0, 1)
      if (at > end) break
      if (at >= start) ticks.push({ x: toX(at), label: String(year), major: true })
    }
    return ticks
  }
  const step = span > 24 * 31 * DAY ? 3 : span > 8 * 31 * DAY ? 2 : 1
  // Months on multiples of the step, so every January (which carries the year) is a tick.
  const y = first.getUTCFullYear()
  for (let m = first.getUTCMonth() - (first.getUTCMonth() % step); ; m += step) {
    const at = Date.UTC(y, m, 1)
    if (at > end) break
    if (at < start) continue
    const month = new Date(at).getUTCMonth()
    const january = month === 0
    ticks.push({
      x: toX(at),
      label:
        january || ticks.length === 0
          ? `${MONTHS[month]} ${new Date(at).getUTCFullYear()}`
          : MONTHS[month]!,
      major: january
    })
  }
  return ticks
}

/**
 * Places the items on an axis `width` px wide; `markerWidth` is the room one marker needs
 * (markers closer than that go to the next free lane).
 */
export function layoutTimeline(
  input: readonly TimelineItem[],
  width: number,
  markerWidth = 18,
  maxLanes = 12
): TimelineLayout {
  const dated: Array<{ item: TimelineItem; from: number; to: number }> = []
  const undated: TimelineItem[] = []
  for (const item of input) {
    const span = dateSpan(item.date)
    if (span) dated.push({ item, ...span })
    else undated.push(item)
  }
  if (dated.length === 0)
    return { width, lanes: 0, start: 0, end: 0, items: [], ticks: [], undated }
  // Stable: items on the same day keep the order they came in (the claims' reading order).
  dated.sort((a, b) => a.from - b.from || a.to - b.to)
  let start = Infinity
  let end = -Infinity
  for (const { item, from, to } of dated) {
    start = Math.min(start, from)
    end = Math.max(end, to)
    for (const day of item.reported ?? []) {
      const span = dateSpan(day)
      if (span) end = Math.max(end, span.to)
    }
  }
  // A little room either side, and at least a month, so one date is not pressed to an edge.
  const pad = Math.max(15 * DAY, (end - start) * 0.04)
  start -= pad
  end += pad
  const toX = (ms: number): number => ((ms - start) / (end - start)) * width
  const laneEnds: number[] = []
  const items: PlacedItem[] = dated.map(({ item, from, to }) => {
    const x = toX(from)
    const x2 = Math.max(x, toX(to + DAY))
    // First lane with room; when all `maxLanes` are full, the one that frees up first.
    let lane = laneEnds.findIndex((last) => last + markerWidth <= x)
    if (lane === -1 && laneEnds.length < maxLanes) lane = laneEnds.push(-Infinity) - 1
    if (lane === -1) lane = laneEnds.indexOf(Math.min(...laneEnds))
    laneEnds[lane] = Math.max(x, x2 - markerWidth)
    const reportedX = (item.reported ?? [])
      .map((day) => dateSpan(day))
      .filter((span): span is { from: number; to: number } => span !== null)
      .map((span) => toX(span.from))
    return { ...item, x, x2, lane, from, to, reportedX }
  })
  return {
    width,
    lanes: laneEnds.length,
    start,
    end,
    items,
    ticks: ticksFor(start, end, toX),
    undated
  }
}

/** Markers gathered where too many fall in one stretch of the axis to draw one by one. */
export type TimelineCluster = {
  /** Left and right edge of the stretch (px), and the first and last day it holds. */
  x: number
  x2: number
  from: number
  to: number
  items: PlacedItem[]
}

export type TimelineMarkOrCluster =
  { kind: 'item'; item: PlacedItem } | { kind: 'cluster'; cluster: TimelineCluster }

/**
 * What to draw at this zoom: the axis cut into stretches `bucket` px wide; a stretch whose
 * markers number more than `maxPerBucket` (they would overlap) becomes one cluster, the others
 * keep their markers. In axis order, so the keyboard can walk it.
 */
export function clusterTimeline(
  layout: TimelineLayout,
  bucket: number,
  maxPerBucket: number
): TimelineMarkOrCluster[] {
  const out: TimelineMarkOrCluster[] = []
  const items = layout.items
  let i = 0
  while (i < items.length) {
    const index = Math.floor(items[i]!.x / bucket)
    let j = i
    while (j < items.length && Math.floor(items[j]!.x / bucket) === index) j++
    if (j - i > maxPerBucket) {
      const group = items.slice(i, j)
      let to = -Infinity
      for (const item of group) to = Math.max(to, item.to)
      out.push({
        kind: 'cluster',
        cluster: {
          x: index * bucket,
          x2: (index + 1) * bucket,
          from: group[0]!.from,
          to,
          items: group
        }
      })
    } else {
      for (let k = i; k < j; k++) out.push({ kind: 'item', item: items[k]! })
    }
    i = j
  }
  return out
}
