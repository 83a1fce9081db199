import { z } from 'zod'
import { id } from './schemas'

/** Figures and dates found in the project's texts, and the pairs that compare them. */

const owner = z.enum(['source', 'claim', 'citation'], {
  error: 'Facts come from a source, a claim or a citation'
})
const outcome = z.enum(['conflict', 'consistent', 'more-precise', 'not-comparable'], {
  error: 'An outcome is conflict, consistent, more-precise or not-comparable'
})

export const factRequests = {
  'facts.list': {
    input: z
      .object({
        sourceId: id.optional(),
        owners: z.array(owner).min(1).max(3).optional()
      })
      .strict()
  },
  'facts.pairs': {
    input: z
      .object({
        /** Only pairs between these sources (two or more); all sources when absent. */
        sourceIds: z.array(id).min(2).max(1000).optional(),
        outcomes: z.array(outcome).min(1).max(4).optional()
      })
      .strict()
  },
  /** The suggested credibility of one claim, computed on demand (never in a list). */
  'claims.credibility': { input: z.object({ id }).strict() },
  /** Claims sharing figures or names with a text being typed (at most five). */
  'claims.similar': {
    input: z
      .object({
        text: z.string().max(20_000, { error: 'A claim is at most 20,000 characters' }),
        lang: z
          .string()
          .regex(/^[a-z]{2,3}$/, { error: 'A language is a code like en' })
          .optional()
      })
      .strict()
  }
} as const
