import { z } from 'zod'
import { claimFields, id } from './schemas'

/** Acting on pairs of figures: listing them with their keys, making claims, dismissing. */

const outcome = z.enum(['conflict', 'consistent', 'more-precise', 'not-comparable'], {
  error: 'An outcome is conflict, consistent, more-precise or not-comparable'
})
const pairKey = z
  .string({ error: 'A pair key is a text' })
  .regex(/^[0-9a-f]{32}$/, { error: 'That is not a pair key' })

export const pairRequests = {
  'pairs.list': {
    input: z
      .object({
        /** Only pairs between these sources (two or more); all sources when absent. */
        sourceIds: z.array(id).min(2).max(1000).optional(),
        outcomes: z.array(outcome).min(1).max(4).optional(),
        includeDismissed: z.boolean().optional()
      })
      .strict()
  },
  'pairs.makeClaims': {
    input: z
      .object({
        key: pairKey,
        relation: z.enum(['contradicts', 'corroborates'], {
          error: 'A pair becomes claims that contradict or corroborate each other'
        }),
        /** The claim texts for side a and side b; the sentences when absent. */
        aText: claimFields.text.optional(),
        bText: claimFields.text.optional(),
        /** What each citation quotes: the whole sentence (default) or only the figure. */
        quote: z.enum(['sentence', 'figure']).optional()
      })
      .strict()
  },
  'pairs.dismiss': { input: z.object({ keys: z.array(pairKey).min(1).max(1000) }).strict() },
  'pairs.restore': { input: z.object({ keys: z.array(pairKey).min(1).max(1000) }).strict() }
} as const
