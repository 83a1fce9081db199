import { STATUS_LABELS } from '../../../shared/domain'
import { renderCharts } from './charts'
import { html, type Html } from './html'
import {
  BRIEFING_STATUS_ORDER,
  credibilityLabel,
  percentages,
  type BriefingOptions,
  type RenderContext
} from './model'

export const GROUP_KICKERS: Record<BriefingOptions['groupBy'], string> = {
  tag: 'Tag',
  status: 'Status',
  source: 'Source',
  none: ''
}

function figure(value: number, label: string, tone = ''): Html {
  return html`<div class="figure ${tone}"><div class="figure-value">${value}</div><div class="figure-label">${label}</div></div>`
}

type CountRow = {
  key: string
  attr: 'data-status' | 'data-credibility'
  label: string
  count: number
  swatch?: string
}

function countTable(caption: string, rows: readonly CountRow[], total: number): Html {
  const shares = percentages(
    rows.map((row) => row.count),
    total
  )
  const body = rows.map(
    (row, index) => html`
      <tr ${row.attr === 'data-status' ? html`data-status` : html`data-credibility`}="${row.key}"${row.count === 0 && html` class="zero"`}>
        <th scope="row">${row.swatch && html`<span class="swatch ${row.swatch}"></span>`}${row.label}</th>
        <td class="num">${row.count}</td>
        <td class="num pct">${shares[index] ?? 0}%</td>
      </tr>`
  )
  return html`
  <table class="counts">
    <caption>${caption}</caption>
    <tbody>${body}</tbody>
    <tfoot><tr><th scope="row">Total</th><td class="num">${total}</td><td class="num pct"></td></tr></tfoot>
  </table>`
}

function renderGroupChart(ctx: RenderContext): Html | null {
  const { groups, options } = ctx.data
  if (options.groupBy === 'none' || groups.length === 0) return null
  const max = Math.max(1, ...groups.map((group) => group.claims.length))
  const stacked = ctx.include.statusAndCredibility
  const width = (count: number): string => ((count / max) * 100).toFixed(2)
  const rows = groups.map((group) => {
    const total = group.claims.length
    const segments = stacked
      ? BRIEFING_STATUS_ORDER.map((status) => {
          const count = group.claims.filter((claim) => claim.status === status).length
          if (count === 0) return null
          return html`<span class="seg st-${status}" style="width:${width(count)}%"></span>`
        })
      : html`<span class="seg plain" style="width:${width(total)}%"></span>`
    return html`
      <tr data-group-count="${total}">
        <th scope="row">${group.label}</th>
        <td class="bar"><div class="track">${segments}</div></td>
        <td class="num">${total}</td>
      </tr>`
  })
  const legend =
    stacked &&
    html`<div class="legend">${BRIEFING_STATUS_ORDER.map(
      (status) =>
        html`<span><span class="swatch st-${status}"></span>${STATUS_LABELS[status]}</span>`
    )}</div>`
  return html`
  <div class="chart">
    <h3>${`Claims per ${GROUP_KICKERS[options.groupBy].toLowerCase()}`}</h3>
    <table class="bars"><tbody>${rows}</tbody></table>
    ${legend}
  </div>`
}

/** Headline figures, counts by status and credibility, and claims per group. */
export function renderSummary(ctx: RenderContext): Html {
  const { summary, include } = ctx
  const total = summary.claims.length
  const sources = ctx.data.sources.length
  const figures = [
    figure(total, total === 1 ? 'Claim' : 'Claims'),
    figure(sources, sources === 1 ? 'Source' : 'Sources'),
    include.citations &&
      figure(summary.citations, summary.citations === 1 ? 'Citation' : 'Citations'),
    (include.statusAndCredibility || include.relations) &&
      figure(summary.flagged, 'Contested, refuted or contradicted', 'alert')
  ]
  const tables =
    include.statusAndCredibility &&
    html`<div class="count-tables">
      ${countTable(
        'By status',
        BRIEFING_STATUS_ORDER.map((status) => ({
          key: status,
          attr: 'data-status',
          label: STATUS_LABELS[status],
          count: summary.byStatus.get(status) ?? 0,
          swatch: `st-${status}`
        })),
        total
      )}
      ${countTable(
        'By credibility',
        [1, 2, 3, 4, 5, 6, null].map((level) => ({
          key: level === null ? 'none' : String(level),
          attr: 'data-credibility',
          label: level === null ? 'Not graded' : `${level} · ${credibilityLabel(level)}`,
          count: summary.byCredibility.get(level) ?? 0
        })),
        total
      )}
    </div>`
  return html`
<section class="summary">
  <h2 class="section-title">Summary</h2>
  <div class="figures">${figures}</div>
  ${tables}
  ${renderGroupChart(ctx)}
  ${renderCharts(ctx)}
</section>`
}
