import type { ParsedInput } from '../../shared/contract'
import {
  TIMELINE_TEXT_LENGTH,
  type TimelineClaim,
  type TimelineOutputs,
  type timelineRequests
} from '../../shared/contractTimeline'
import type { HandlersFor } from '../handlers'
import { claimWhere } from './claims'
import type { CoreContext } from './context'

type Row = { id: string; text: string; eventDate: string; reported: string | null }

/**
 * Dated claims in date order (then in the order they were made), with the days their sources
 * were published: what the timeline view draws. The filter is the claims grid's.
 */
export function timelineClaims(
  ctx: CoreContext,
  input: ParsedInput<'timeline.list'>
): TimelineOutputs['timeline.list'] {
  return ctx.store.read((db) => {
    const where = claimWhere(ctx, db, input.filter, 'all').add(
      `c.event_date IS NOT NULL AND c.event_date <> ''`
    )
    const total = Number(db.pluck(`SELECT count(*) FROM claims c ${where.sql}`, where.params) ?? 0)
    const rows = db.all<Row>(
      `SELECT c.id, substr(c.text, 1, ${TIMELINE_TEXT_LENGTH}) AS text, c.event_date AS eventDate,
         (SELECT group_concat(day) FROM (SELECT DISTINCT substr(s.published_at, 1, 10) AS day
            FROM citations ci JOIN sources s ON s.id = ci.source_id
           WHERE ci.claim_id = c.id AND s.deleted_at IS NULL AND s.published_at IS NOT NULL
             AND s.published_at <> '' ORDER BY day)) AS reported
         FROM claims c ${where.sql}
        ORDER BY c.event_date, c.seq LIMIT ?`,
      [...where.params, input.limit]
    )
    const claims = rows.map((row): TimelineClaim => ({
      id: row.id,
      text: row.text,
      eventDate: row.eventDate,
      reported: row.reported ? row.reported.split(',') : []
    }))
    return { claims, total }
  })
}

export const timelineHandlers: HandlersFor<keyof typeof timelineRequests> = {
  'timeline.list': (ctx, input) => timelineClaims(ctx, input)
}
