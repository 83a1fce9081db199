import type { BriefingDrawingKey } from '../../../shared/contractExports'
import { briefingCharts, chartSvg, type ChartSvg } from './charts'
import type { RenderContext } from './model'
import { timelineSvg } from './timeline'

/** A briefing's drawings by key, as the PDF draws them inline and Word shows them as images. */
export type BriefingDrawing = ChartSvg & { key: BriefingDrawingKey }

export function briefingDrawings(ctx: RenderContext): BriefingDrawing[] {
  const drawings: BriefingDrawing[] = briefingCharts(ctx).map((chart) => ({
    ...chartSvg(chart),
    key: chart.id
  }))
  const timeline = timelineSvg(ctx)
  if (timeline) drawings.push({ ...timeline, key: 'timeline' })
  return drawings
}
