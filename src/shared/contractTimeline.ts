import { z } from 'zod'
import { claimFilter } from './schemas'

/** The most dated claims one timeline request returns (the earliest first). */
export const TIMELINE_LIMIT = 50_000
/** A claim's text on the timeline is cut to this many characters (its label, not its record). */
export const TIMELINE_TEXT_LENGTH = 300

export const timelineRequests = {
  'timeline.list': {
    input: z
      .object({
        /** The claims grid's filter (tags, status, search…); dated claims only are returned. */
        filter: claimFilter.optional(),
        limit: z.number().int().min(1).max(TIMELINE_LIMIT).default(TIMELINE_LIMIT)
      })
      .strict()
  }
} as const

/** A dated claim as the timeline draws it. */
export type TimelineClaim = {
  id: string
  /** The claim's text, cut to TIMELINE_TEXT_LENGTH characters. */
  text: string
  /** Its event date as stored (YYYY-MM-DD). */
  eventDate: string
  /** Days (YYYY-MM-DD) the sources it cites were published, earliest first. */
  reported: string[]
}

export type TimelineOutputs = {
  'timeline.list': {
    claims: TimelineClaim[]
    /** Dated claims the filter matches; more than `claims.length` when the limit cut them. */
    total: number
  }
}
