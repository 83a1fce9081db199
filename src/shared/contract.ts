import { z } from 'zod'
import { CLAIM_STATUSES, RELATION_KINDS, RELIABILITY_GRADES, SOURCE_KINDS } from './domain'

/**
 * The one declaration of every request Attest answers. Electron IPC, the local HTTP host and
 * the CLI all parse their payloads with these schemas and dispatch to the same handler table.
 */

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} is longer than ${max} characters` })

const requiredText = (label: string, max: number) =>
  trimmed(label, max).min(1, { error: `${label} cannot be empty` })

/** Optional text: empty means "not set" and is stored as NULL. */
const optionalText = (label: string, max: number) =>
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

const optionalDate = z
  .union([isoDate, z.literal(''), z.null()])
  .transform((value) => (value === '' || value === null ? null : value))

const url = z
  .string()
  .trim()
  .max(2048, { error: 'The URL is longer than 2048 characters' })
  .refine((value) => value === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), {
    error: 'The URL must start with http:// or https://'
  })
  .nullable()
  .transform((value) => (value === null || value === '' ? null : value))

const language = z
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

const direction = z.enum(['asc', 'desc'])
const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200)
}

export const CLAIM_SORT_FIELDS = [
  'text',
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

const textFilter = z.string().trim().max(500).optional()
const query = z.string().trim().max(500).optional()

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

const ids = z
  .array(id)
  .min(1, { error: 'Select at least one record' })
  .max(100_000, { error: 'At most 100,000 records at a time' })

const tagName = requiredText('The tag name', 200).refine((value) => !value.includes('/'), {
  error: 'A tag name cannot contain "/" (it separates levels of the codebook)'
})
const colour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { error: 'A colour is written #rrggbb' })
  .nullable()
const noteBody = requiredText('The note', 50_000)
const settingKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9.:-]{0,100}$/, { error: 'That is not a setting name' })

const claimFields = {
  text: requiredText('The claim text', 20_000),
  status: claimStatus,
  eventDate: optionalDate,
  credibility,
  confidence
}

const sourceFields = {
  title: requiredText('The title', 1_000),
  url,
  publisher: optionalText('The publisher', 500),
  author: optionalText('The author', 500),
  publishedAt: optionalDate,
  language,
  kind: sourceKind,
  reliability,
  content: z.string().max(20_000_000, { error: 'The text is longer than 20 million characters' })
}

export const contract = {
  'project.info': { input: z.object({}).strict() },
  stats: { input: z.object({}).strict() },

  'claims.list': {
    input: z
      .object({
        ...page,
        sort: z
          .array(z.object({ field: z.enum(CLAIM_SORT_FIELDS), direction }))
          .max(5)
          .optional(),
        filter: claimFilter.optional()
      })
      .strict()
  },
  'claims.get': { input: z.object({ id }).strict() },
  'claims.create': {
    input: z
      .object({
        text: claimFields.text,
        status: claimFields.status.optional(),
        eventDate: claimFields.eventDate.optional(),
        credibility: claimFields.credibility.optional(),
        confidence: claimFields.confidence.optional(),
        tagIds: z.array(id).max(200).optional()
      })
      .strict()
  },
  'claims.update': {
    input: z
      .object({
        id,
        changes: z
          .object({
            text: claimFields.text.optional(),
            status: claimFields.status.optional(),
            eventDate: claimFields.eventDate.optional(),
            credibility: claimFields.credibility.optional(),
            confidence: claimFields.confidence.optional()
          })
          .strict()
      })
      .strict()
  },
  'claims.delete': { input: z.object({ ids }).strict() },

  'sources.list': {
    input: z
      .object({
        ...page,
        sort: z
          .array(z.object({ field: z.enum(SOURCE_SORT_FIELDS), direction }))
          .max(5)
          .optional(),
        filter: sourceFilter.optional()
      })
      .strict()
  },
  'sources.get': { input: z.object({ id }).strict() },
  'sources.create': {
    input: z
      .object({
        title: sourceFields.title,
        url: sourceFields.url.optional(),
        publisher: sourceFields.publisher.optional(),
        author: sourceFields.author.optional(),
        publishedAt: sourceFields.publishedAt.optional(),
        language: sourceFields.language.optional(),
        kind: sourceFields.kind.optional(),
        reliability: sourceFields.reliability.optional(),
        content: sourceFields.content.optional()
      })
      .strict()
  },
  'sources.update': {
    input: z
      .object({
        id,
        changes: z
          .object({
            title: sourceFields.title.optional(),
            url: sourceFields.url.optional(),
            publisher: sourceFields.publisher.optional(),
            author: sourceFields.author.optional(),
            publishedAt: sourceFields.publishedAt.optional(),
            language: sourceFields.language.optional(),
            kind: sourceFields.kind.optional(),
            reliability: sourceFields.reliability.optional(),
            content: sourceFields.content.optional()
          })
          .strict()
      })
      .strict()
  },
  'sources.delete': { input: z.object({ ids }).strict() },

  'sources.restore': { input: z.object({ ids }).strict() },
  'sources.purge': { input: z.object({ ids }).strict() },
  'sources.tag': { input: z.object({ ids, tagId: id, tagged: z.boolean() }).strict() },

  'claims.restore': { input: z.object({ ids }).strict() },
  'claims.purge': { input: z.object({ ids }).strict() },
  'claims.tag': { input: z.object({ ids, tagId: id, tagged: z.boolean() }).strict() },
  'claims.bulkUpdate': {
    input: z
      .object({
        ids,
        changes: z
          .object({
            status: claimFields.status.optional(),
            credibility: claimFields.credibility.optional(),
            confidence: claimFields.confidence.optional()
          })
          .strict()
          .refine((changes) => Object.keys(changes).length > 0, {
            error: 'Choose at least one field to change'
          })
      })
      .strict()
  },

  'tags.list': { input: z.object({}).strict() },
  'tags.create': {
    input: z
      .object({
        name: tagName,
        parentId: id.nullable().optional(),
        colour: colour.optional(),
        description: optionalText('The description', 2_000).optional()
      })
      .strict()
  },
  'tags.update': {
    input: z
      .object({
        id,
        changes: z
          .object({
            name: tagName.optional(),
            parentId: id.nullable().optional(),
            colour: colour.optional(),
            description: optionalText('The description', 2_000).optional()
          })
          .strict()
      })
      .strict()
  },
  'tags.merge': {
    input: z
      .object({ sourceId: id, targetId: id })
      .strict()
      .refine((value) => value.sourceId !== value.targetId, {
        error: 'A tag cannot be merged into itself'
      })
  },
  'tags.delete': { input: z.object({ id }).strict() },

  'notes.list': { input: z.object({ targetId: id }).strict() },
  'notes.create': {
    input: z
      .object({ targetKind: z.enum(['claim', 'source']), targetId: id, body: noteBody })
      .strict()
  },
  'notes.update': { input: z.object({ id, body: noteBody }).strict() },
  'notes.delete': { input: z.object({ id }).strict() },

  'relations.list': { input: z.object({ claimId: id }).strict() },
  'relations.create': {
    input: z
      .object({
        fromClaimId: id,
        toClaimId: id,
        kind: relationKind,
        note: optionalText('The note', 2_000).optional()
      })
      .strict()
      .refine((value) => value.fromClaimId !== value.toClaimId, {
        error: 'A claim cannot be related to itself'
      })
  },
  'relations.delete': { input: z.object({ id }).strict() },

  'history.list': {
    input: z.object({ recordId: id, limit: z.number().int().min(1).max(500).default(100) }).strict()
  },
  'history.state': { input: z.object({}).strict() },
  'history.undo': { input: z.object({}).strict() },
  'history.redo': { input: z.object({}).strict() },

  'settings.get': { input: z.object({ key: settingKey }).strict() },
  'settings.set': {
    input: z
      .object({
        key: settingKey,
        value: z.string().max(200_000, { error: 'That setting is too large' })
      })
      .strict()
  }
} as const

export type Contract = typeof contract
export type RequestName = keyof Contract
export type RequestInput<K extends RequestName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends RequestName> = z.output<Contract[K]['input']>

export const REQUEST_NAMES = Object.keys(contract) as RequestName[]

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
