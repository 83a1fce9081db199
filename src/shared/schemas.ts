import { z } from 'zod'
import { CLAIM_STATUSES, RELATION_KINDS, RELIABILITY_GRADES, SOURCE_KINDS } from './domain'

/** The building blocks of the request contract: every field's validation, said once. */

export const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} is longer than ${max} characters` })

export const requiredText = (label: string, max: number) =>
  trimmed(label, max).min(1, { error: `${label} cannot be empty` })

/** Optional text: empty means "not set" and is stored as NULL. */
export const optionalText = (label: string, max: number) =>
  trimmed(label, max)
    .nullable()
    .transform((value) => (value === null || value === '' ? null : value))

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'Dates are written YYYY-MM-DD (or YYYY-MM, or YYYY)'
  })
  .refine(
    (value) => {
      if (value.length < 10) return true
      const date = new Date(`${value}T00:00:00Z`)
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
    },
    { error: 'That day does not exist in the calendar' }
  )

export const optionalDate = z
  .union([isoDate, z.literal(''), z.null()])
  .transform((value) => (value === '' || value === null ? null : value))

/**
 * The longest text a source's fields accept, in UTF-16 code units: the single source of truth
 * for the save (below) and for the metadata an import proposes (server/import/fit.ts).
 */
export const SOURCE_LIMITS = { title: 1_000, publisher: 500, author: 500, url: 2_048 } as const

export const url = z
  .string()
  .trim()
  .max(SOURCE_LIMITS.url, { error: `The URL is longer than ${SOURCE_LIMITS.url} characters` })
  .refine((value) => value === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), {
    error: 'The URL must start with http:// or https://'
  })
  .nullable()
  .transform((value) => (value === null || value === '' ? null : value))

export const language = z
  .string()
  .trim()
  .regex(/^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$/, {
    error: 'The language is an ISO 639 code such as "en", "de" or "vi"'
  })
  .nullable()
  .transform((value) => (value === null || value === '' ? null : value))

export const id = z.string().uuid({ error: 'That is not a record id' })

export const claimStatus = z.enum(CLAIM_STATUSES, {
  error: `Status must be one of: ${CLAIM_STATUSES.join(', ')}`
})
export const sourceKind = z.enum(SOURCE_KINDS, {
  error: `Kind must be one of: ${SOURCE_KINDS.join(', ')}`
})
export const reliability = z
  .enum(RELIABILITY_GRADES, { error: 'Reliability is an Admiralty grade from A to F' })
  .nullable()
export const credibility = z
  .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)], {
    error: 'Credibility is an Admiralty grade from 1 to 6'
  })
  .nullable()
export const confidence = z
  .number({ error: 'Confidence is a number from 0 to 100' })
  .int({ error: 'Confidence is a whole number from 0 to 100' })
  .min(0, { error: 'Confidence is a number from 0 to 100' })
  .max(100, { error: 'Confidence is a number from 0 to 100' })
  .nullable()
export const relationKind = z.enum(RELATION_KINDS, {
  error: `A relation is one of: ${RELATION_KINDS.join(', ')}`
})

export const direction = z.enum(['asc', 'desc'])
export const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200)
}

export const CLAIM_SORT_FIELDS = [
  'text',
  'citationCount',
  'status',
  'eventDate',
  'credibility',
  'confidence',
  'createdAt',
  'updatedAt',
  'deletedAt'
] as const
export const SOURCE_SORT_FIELDS = [
  'title',
  'claimCount',
  'url',
  'publisher',
  'author',
  'publishedAt',
  'language',
  'kind',
  'reliability',
  'createdAt',
  'updatedAt',
  'deletedAt'
] as const

export const textFilter = z.string().trim().max(500).optional()
export const query = z.string().trim().max(500).optional()

export const claimFilter = z
  .object({
    text: textFilter,
    query,
    status: z.array(claimStatus).max(10).optional(),
    credibility: z.array(credibility).max(7).optional(),
    tagIds: z.array(id).max(200).optional(),
    eventDateFrom: optionalDate.optional(),
    eventDateTo: optionalDate.optional(),
    ids: z.array(id).max(100_000).optional(),
    trashed: z.boolean().optional()
  })
  .strict()

export const sourceFilter = z
  .object({
    text: textFilter,
    query,
    kind: z.array(sourceKind).max(10).optional(),
    reliability: z.array(reliability).max(7).optional(),
    language: z.array(z.string().max(20)).max(50).optional(),
    tagIds: z.array(id).max(200).optional(),
    publishedFrom: optionalDate.optional(),
    publishedTo: optionalDate.optional(),
    ids: z.array(id).max(100_000).optional(),
    trashed: z.boolean().optional()
  })
  .strict()

/** Bulk actions take at most this many records at a time. */
export const MAX_BULK_IDS = 100_000

export const ids = z
  .array(id)
  .min(1, { error: 'Select at least one record' })
  .max(MAX_BULK_IDS, { error: 'At most 100,000 records at a time' })

export const tagName = requiredText('The tag name', 200).refine((value) => !value.includes('/'), {
  error: 'A tag name cannot contain "/" (it separates levels of the codebook)'
})
export const colour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { error: 'A colour is written #rrggbb' })
  .nullable()
export const noteBody = requiredText('The note', 50_000)
export const settingKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9.:-]{0,100}$/, { error: 'That is not a setting name' })

export const claimFields = {
  text: requiredText('The claim text', 20_000),
  status: claimStatus,
  eventDate: optionalDate,
  credibility,
  confidence
}

const textOffset = z.number().int().min(0)

/** Pages of a source from a paged document (see shared/pages.ts). */
export const sourceLayout = z
  .object({
    pageStarts: z.array(textOffset).min(1).max(100_000),
    furniture: z.array(z.object({ start: textOffset, end: textOffset }).strict()).max(200_000)
  })
  .strict()

export const sourceFields = {
  title: requiredText('The title', SOURCE_LIMITS.title),
  url,
  publisher: optionalText('The publisher', SOURCE_LIMITS.publisher),
  author: optionalText('The author', SOURCE_LIMITS.author),
  publishedAt: optionalDate,
  language,
  kind: sourceKind,
  reliability,
  content: z.string().max(20_000_000, { error: 'The text is longer than 20 million characters' })
}
