import { z } from 'zod'
import { briefingRequests } from './contractBriefings'
import { documentRequests } from './contractDocuments'
import { exportRequests } from './contractExports'
import { factRequests } from './contractFacts'
import { timelineRequests } from './contractTimeline'
import { pairRequests } from './contractPairs'
import { tableRequests } from './contractTables'
import {
  CLAIM_SORT_FIELDS,
  SOURCE_SORT_FIELDS,
  claimFields,
  claimFilter,
  colour,
  direction,
  id,
  ids,
  noteBody,
  optionalText,
  page,
  relationKind,
  settingKey,
  sourceFields,
  sourceFilter,
  sourceLayout,
  tagName
} from './schemas'

export * from './schemas'

const recordRequests = {
  'project.info': { input: z.object({}).strict() },
  'project.health': { input: z.object({}).strict() },
  'project.salvage': { input: z.object({}).strict() },
  /** Who holds a project this window could not open (answered while it is in use). */
  'project.holder': { input: z.object({}).strict() },
  /** Opens the project again: as before, taking it over, or for reading only. */
  'project.reopen': {
    input: z
      .object({
        mode: z.enum(['retry', 'take-over', 'read-only'], {
          error: 'Open again with retry, take-over or read-only'
        })
      })
      .strict()
  },
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
  'claims.count': { input: z.object({ filter: claimFilter.optional() }).strict() },
  /** Every claim a filter matches, newest first: "select all" for bulk actions. */
  'claims.ids': { input: z.object({ filter: claimFilter.optional() }).strict() },
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
  'sources.ids': { input: z.object({ filter: sourceFilter.optional() }).strict() },
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
        content: sourceFields.content.optional(),
        layout: sourceLayout.nullable().optional()
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
            content: sourceFields.content.optional(),
            /** The source this one was translated or copied from; null: independent. */
            originId: id.nullable().optional()
          })
          .strict()
      })
      .strict()
  },
  'sources.delete': { input: z.object({ ids }).strict() },

  'sources.restore': { input: z.object({ ids }).strict() },
  'sources.purge': { input: z.object({ ids }).strict() },
  'sources.bulkUpdate': {
    input: z
      .object({
        ids,
        changes: z
          .object({
            reliability: sourceFields.reliability.optional(),
            kind: sourceFields.kind.optional()
          })
          .strict()
          .refine((changes) => Object.keys(changes).length > 0, {
            error: 'Choose at least one field to change'
          })
      })
      .strict()
  },
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

/**
 * The one declaration of every request Attest answers. Electron IPC, the local HTTP host and
 * the CLI all parse their payloads with these schemas and dispatch to the same handler table.
 */
export const contract = {
  ...recordRequests,
  ...documentRequests,
  ...exportRequests,
  ...briefingRequests,
  ...factRequests,
  ...timelineRequests,
  ...pairRequests,
  ...tableRequests
} as const

export type Contract = typeof contract
export type RequestName = keyof Contract
export type RequestInput<K extends RequestName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends RequestName> = z.output<Contract[K]['input']>

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
