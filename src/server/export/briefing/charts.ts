import { STATUS_LABELS, type ClaimStatus } from '../../../shared/domain'
import { html, type Html } from './html'
import {
  BRIEFING_STATUS_ORDER,
  normalizeCredibility,
  type BriefingClaim,
  type RenderContext
} from './model'

/**
 * Charts of the briefing: claims by status and by credibility for each top-level tag, as
 * self-contained SVG (presentation attributes, no stylesheet), so the same markup is inline in
 * the PDF and an image in the Word document. Every bar carries its count as text and every
 * column its label: nothing is told by colour alone, and the charts read in grey print.
 */

/** Width of the drawing in CSS px: the printed page's text width. */
export const CHART_WIDTH = 640
const LABEL_WIDTH = 150
const HEAD_HEIGHT = 34
const ROW_HEIGHT = 20
const BAR_HEIGHT = 10
const FONT = "'Noto Sans Variable', 'Noto Sans JP Variable', 'Noto Sans', sans-serif"
const INK = '#12233d'
const MUTED = '#5b6675'
const RULE = '#cfd6df'

/** Most rows a chart draws; the other tags are counted together in one last row. */
export const MAX_CHART_ROWS = 15

const STATUS_COLOURS: Record<ClaimStatus, string> = {
  corroborated: '#2f7d4f',
  unverified: '#7b8694',
  contested: '#b76e00',
  refuted: '#b3261e',
  retracted: '#3d4450'
}

/** Credibility 1 … 6 dark to light in one hue, then "not graded" in grey. */
const CREDIBILITY_COLUMNS: ReadonlyArray<{
  key: number | null
  head: [string, string]
  colour: string
}> = [
  { key: 1, head: ['1', 'Confirmed'], colour: '#12233d' },
  { key: 2, head: ['2', 'Probably'], colour: '#244a7a' },
  { key: 3, head: ['3', 'Possibly'], colour: '#3b6fa8' },
  { key: 4, head: ['4', 'Doubtful'], colour: '#6b94c4' },
  { key: 5, head: ['5', 'Improbable'], colour: '#9db8da' },
  { key: 6, head: ['6', 'Cannot judge'], colour: '#c4d3e6' },
  { key: null, head: ['–', 'Not graded'], colour: '#b7bdc5' }
]

export type ChartColumn = { head: [string, string]; colour: string }
export type ChartRow = { label: string; total: number; counts: number[] }
export type Chart = {
  id: 'status' | 'credibility'
  title: string
  columns: ChartColumn[]
  rows: ChartRow[]
}
export type ChartSvg = { svg: Html; width: number; height: number; title: string; desc: string }

const UNTAGGED = 'Untagged'

/** Names of the top-level tags of a claim (from its tag paths "Trade / Rice" → "Trade"). */
function topTagsOf(claim: BriefingClaim): string[] {
  if (claim.topTags) return claim.topTags
  return [...new Set(claim.tags.map((path) => path.split(' / ')[0] ?? path))]
}

/** Claims of each top-level tag, most claims first; past the cap, the rest in one row. */
function claimsByTopTag(claims: readonly BriefingClaim[]): Array<[string, BriefingClaim[]]> {
  const byTag = new Map<string, BriefingClaim[]>()
  const untagged: BriefingClaim[] = []
  for (const claim of claims) {
    const tops = topTagsOf(claim)
    if (tops.length === 0) untagged.push(claim)
    for (const top of tops) {
      const list = byTag.get(top) ?? []
      list.push(claim)
      byTag.set(top, list)
    }
  }
  const sorted = [...byTag].sort(
    (a, b) =>
      b[1].length - a[1].length || a[0].localeCompare(b[0], undefined, { sensitivity: 'base' })
  )
  const rows = sorted.slice(0, MAX_CHART_ROWS)
  const rest = sorted.slice(MAX_CHART_ROWS)
  if (rest.length > 0) {
    const distinct = new Map(rest.flatMap(([, list]) => list.map((claim) => [claim.id, claim])))
    rows.push([`${rest.length} other tags`, [...distinct.values()]])
  }
  if (untagged.length > 0) rows.push([UNTAGGED, untagged])
  return rows
}

/** The two charts of a briefing's claims: by status and by credibility, per top-level tag. */
export function briefingCharts(ctx: RenderContext): Chart[] {
  const claims = ctx.summary.claims
  if (claims.length === 0 || !ctx.include.statusAndCredibility) return []
  const groups = claimsByTopTag(claims)
  const count = (list: BriefingClaim[], test: (claim: BriefingClaim) => boolean): number =>
    list.reduce((sum, claim) => sum + (test(claim) ? 1 : 0), 0)
  return [
    {
      id: 'status',
      title: 'Claims by status, per top-level tag',
      columns: BRIEFING_STATUS_ORDER.map((status) => ({
        head: [STATUS_LABELS[status], ''],
        colour: STATUS_COLOURS[status]
      })),
      rows: groups.map(([label, list]) => ({
        label,
        total: list.length,
        counts: BRIEFING_STATUS_ORDER.map((status) => count(list, (c) => c.status === status))
      }))
    },
    {
      id: 'credibility',
      title: 'Claims by credibility, per top-level tag',
      columns: CREDIBILITY_COLUMNS.map(({ head, colour }) => ({ head, colour })),
      rows: groups.map(([label, list]) => ({
        label,
        total: list.length,
        counts: CREDIBILITY_COLUMNS.map(({ key }) =>
          count(list, (c) => normalizeCredibility(c.credibility) === key)
        )
      }))
    }
  ]
}

/** XML 1.0 allows no C0 controls but tab and line breaks; a label has none of either. */
function label(value: string): string {
  return value.replace(/\p{Cc}/gu, ' ')
}

/** Cut to about `width` px at 9 px type (wide characters count double), with an ellipsis. */
export function fitLabel(value: string, width: number): string {
  let used = 0
  let out = ''
  for (const char of label(value)) {
    const cost = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]/u.test(char)
      ? 9
      : 5.2
    if (used + cost > width - 6) return `${out.trimEnd()}…`
    used += cost
    out += char
  }
  return out
}

/** A chart as SVG: a row per tag, a column per category, each cell a bar and its count. */
export function chartSvg(chart: Chart): ChartSvg {
  const columns = chart.columns.length
  const columnWidth = (CHART_WIDTH - LABEL_WIDTH) / columns
  const barRoom = columnWidth - 26
  const max = Math.max(1, ...chart.rows.flatMap((row) => row.counts))
  const height = HEAD_HEIGHT + chart.rows.length * ROW_HEIGHT + 4
  const titleId = `chart-${chart.id}-title`
  const descId = `chart-${chart.id}-desc`
  const desc = chart.rows
    .map(
      (row) =>
        `${row.label} (${row.total}): ${row.counts
          .map((n, i) => `${chart.columns[i]?.head.filter(Boolean).join(' ') ?? ''} ${n}`)
          .join(', ')}`
    )
    .join('; ')
  const heads = chart.columns.map((column, i) => {
    const x = LABEL_WIDTH + i * columnWidth + 4
    return html`<text x="${x.toFixed(1)}" y="13" font-size="9" font-weight="700" fill="${INK}">${column.head[0]}</text>${
      column.head[1] &&
      html`<text x="${x.toFixed(1)}" y="24" font-size="8.5" fill="${MUTED}">${column.head[1]}</text>`
    }<rect x="${x.toFixed(1)}" y="28" width="${(columnWidth - 10).toFixed(1)}" height="2" fill="${column.colour}"/>`
  })
  const rows = chart.rows.map((row, r) => {
    const y = HEAD_HEIGHT + r * ROW_HEIGHT
    const cells = row.counts.map((n, i) => {
      const x = LABEL_WIDTH + i * columnWidth + 4
      const width = n === 0 ? 0 : Math.max(1.5, (n / max) * barRoom)
      const colour = chart.columns[i]?.colour ?? INK
      return html`${width > 0 && html`<rect x="${x.toFixed(1)}" y="${(y + (ROW_HEIGHT - BAR_HEIGHT) / 2).toFixed(1)}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour}" stroke="${INK}" stroke-width="0.4"/>`}<text x="${(x + width + 3).toFixed(1)}" y="${y + 14}" font-size="9" fill="${n === 0 ? MUTED : INK}">${n}</text>`
    })
    return html`<g><title>${label(row.label)}: ${row.total}</title><line x1="0" x2="${CHART_WIDTH}" y1="${y}" y2="${y}" stroke="${RULE}" stroke-width="0.6"/><text x="0" y="${y + 14}" font-size="9" fill="${INK}">${fitLabel(row.label, LABEL_WIDTH - 24)}</text><text x="${LABEL_WIDTH - 6}" y="${y + 14}" font-size="9" fill="${MUTED}" text-anchor="end">${row.total}</text>${cells}</g>`
  })
  const svg = html`<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" font-family="${FONT}"><title id="${titleId}">${chart.title}</title><desc id="${descId}">${label(desc)}</desc><rect x="0" y="0" width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/><text x="0" y="24" font-size="8.5" fill="${MUTED}">Top-level tag · claims</text>${heads}${rows}<line x1="0" x2="${CHART_WIDTH}" y1="${height - 4}" y2="${height - 4}" stroke="${RULE}" stroke-width="0.6"/></svg>`
  return { svg, width: CHART_WIDTH, height, title: chart.title, desc: label(desc) }
}

/** The charts as the PDF prints them, each under its heading. */
export function renderCharts(ctx: RenderContext): Html | null {
  const charts = briefingCharts(ctx)
  if (charts.length === 0) return null
  return html`${charts.map(
    (chart) => html`
  <figure class="chart-figure">
    <h3>${chart.title}</h3>
    ${chartSvg(chart).svg}
  </figure>`
  )}`
}
