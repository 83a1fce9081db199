import path from 'node:path'
import type { ParsedInput, RequestName } from '../shared/contract'
import { AttestError } from '../shared/result'
import type { RequestOutput, Stats } from '../shared/types'
import {
  claimIds,
  countClaims,
  createClaim,
  getClaim,
  listClaims,
  updateClaim
} from './records/claims'
import type { CoreContext } from './records/context'
import { documentHandlers } from './documents/handlers'
import { briefingHandlers, exportHandlers } from './export/handlers'
import { factHandlers } from './facts/handlers'
import { timelineHandlers } from './records/timeline'
import { pairHandlers } from './facts/pairActions'
import { createNote, deleteNote, listNotes, updateNote } from './records/notes'
import { createRelation, deleteRelation, listRelations } from './records/relations'
import { getSetting, setSetting } from './records/settings'
import { createSource, getSource, listSources, sourceIds, updateSource } from './records/sources'
import { createTag, deleteTag, listTags, mergeTags, tagRecords, updateTag } from './records/tags'
import { bulkUpdate, purge, restore, trash } from './records/trash'
import { tableHandlers } from './import/tableHandlers'
import { historyState, recordHistory, redo, undo } from './records/undo'

export type Handler<K extends RequestName> = (
  ctx: CoreContext,
  input: ParsedInput<K>
) => RequestOutput<K> | Promise<RequestOutput<K>>

export type HandlerTable = { [K in RequestName]: Handler<K> }
/** A feature's part of the table; the merged table below must cover every request. */
export type HandlersFor<Names extends RequestName> = { [K in Names]: Handler<K> }

/** Counts of every kind of record a project holds (trash excluded). */
function stats(ctx: CoreContext): Stats {
  return ctx.store.read((db) => {
    const count = (sql: string): number => Number(db.pluck(sql) ?? 0)
    return {
      sources: count(`SELECT count(*) FROM sources WHERE deleted_at IS NULL`),
      claims: count(`SELECT count(*) FROM claims WHERE deleted_at IS NULL`),
      tags: count(`SELECT count(*) FROM tags`),
      claimTags: count(`SELECT count(*) FROM claim_tags`),
      sourceTags: count(`SELECT count(*) FROM source_tags`),
      notes: count(`SELECT count(*) FROM notes`),
      relations: count(`SELECT count(*) FROM relations`),
      citations: count(`SELECT count(*) FROM citations`),
      orphanedCitations: count(`SELECT count(*) FROM citations WHERE anchor_status = 'orphaned'`),
      trashedClaims: count(`SELECT count(*) FROM claims WHERE deleted_at IS NOT NULL`),
      trashedSources: count(`SELECT count(*) FROM sources WHERE deleted_at IS NOT NULL`),
      historyOperations: count(`SELECT count(*) FROM operations`)
    }
  })
}

const recordHandlers = {
  'project.info': (ctx) =>
    ctx.store.read((db) => ({
      path: ctx.store.path,
      name: path.basename(ctx.store.path).replace(/\.attest$/i, ''),
      schemaVersion: Number(db.pluck('PRAGMA user_version')),
      createdAt: ctx.store.metaValue('created_at') ?? '',
      deviceId: ctx.deviceId,
      journalEntries: ctx.store.pendingEntries
    })),
  'project.health': (ctx) => ctx.store.health(),
  'project.salvage': (ctx) => ctx.store.salvage(),
  // Answered here only when the project is open: the served core answers them while it is not.
  'project.holder': () => null,
  'project.reopen': () => {
    throw new AttestError('conflict', 'The project is already open.')
  },
  stats: (ctx) => stats(ctx),
  'claims.list': (ctx, input) => listClaims(ctx, input),
  'claims.count': (ctx, input) => ({ total: countClaims(ctx, input) }),
  'claims.ids': (ctx, input) => ({ ids: claimIds(ctx, input) }),
  'claims.get': (ctx, input) => getClaim(ctx, input.id),
  'claims.create': (ctx, input) => createClaim(ctx, input),
  'claims.update': (ctx, input) => updateClaim(ctx, input),
  'claims.delete': (ctx, input) => trash(ctx, 'claim', input.ids),
  'claims.restore': (ctx, input) => restore(ctx, 'claim', input.ids),
  'claims.purge': (ctx, input) => purge(ctx, 'claim', input.ids),
  'claims.tag': (ctx, input) => tagRecords(ctx, 'claim', input),
  'claims.bulkUpdate': (ctx, input) => bulkUpdate(ctx, 'claim', input.ids, input.changes),
  'sources.bulkUpdate': (ctx, input) => bulkUpdate(ctx, 'source', input.ids, input.changes),
  'sources.list': (ctx, input) => listSources(ctx, input),
  'sources.ids': (ctx, input) => ({ ids: sourceIds(ctx, input) }),
  'sources.get': (ctx, input) => getSource(ctx, input.id),
  'sources.create': (ctx, input) => createSource(ctx, input),
  'sources.update': (ctx, input) => updateSource(ctx, input),
  'sources.delete': (ctx, input) => trash(ctx, 'source', input.ids),
  'sources.restore': (ctx, input) => restore(ctx, 'source', input.ids),
  'sources.purge': (ctx, input) => purge(ctx, 'source', input.ids),
  'sources.tag': (ctx, input) => tagRecords(ctx, 'source', input),
  'tags.list': (ctx) => listTags(ctx),
  'tags.create': (ctx, input) => createTag(ctx, input),
  'tags.update': (ctx, input) => updateTag(ctx, input),
  'tags.merge': (ctx, input) => mergeTags(ctx, input),
  'tags.delete': (ctx, input) => deleteTag(ctx, input.id),
  'notes.list': (ctx, input) => listNotes(ctx, input.targetId),
  'notes.create': (ctx, input) => createNote(ctx, input),
  'notes.update': (ctx, input) => updateNote(ctx, input),
  'notes.delete': (ctx, input) => deleteNote(ctx, input.id),
  'relations.list': (ctx, input) => listRelations(ctx, input.claimId),
  'relations.create': (ctx, input) => createRelation(ctx, input),
  'relations.delete': (ctx, input) => deleteRelation(ctx, input.id),
  'history.list': (ctx, input) => recordHistory(ctx, input.recordId, input.limit),
  'history.state': (ctx) => historyState(ctx),
  'history.undo': (ctx) => undo(ctx),
  'history.redo': (ctx) => redo(ctx),
  'settings.get': (ctx, input) => getSetting(ctx, input.key),
  'settings.set': (ctx, input) => setSetting(ctx, input.key, input.value)
} satisfies Partial<HandlerTable>

export const handlers: HandlerTable = {
  ...recordHandlers,
  ...documentHandlers,
  ...exportHandlers,
  ...briefingHandlers,
  ...factHandlers,
  ...timelineHandlers,
  ...pairHandlers,
  ...tableHandlers
}
