import path from 'node:path'
import type { ParsedInput, RequestName } from '../shared/contract'
import type { RequestOutput, Stats } from '../shared/types'
import { createClaim, getClaim, listClaims, trashClaims, updateClaim } from './records/claims'
import type { CoreContext } from './records/context'
import { createSource, getSource, listSources, trashSources, updateSource } from './records/sources'

export type Handler<K extends RequestName> = (
  ctx: CoreContext,
  input: ParsedInput<K>
) => RequestOutput<K> | Promise<RequestOutput<K>>

export type HandlerTable = { [K in RequestName]: Handler<K> }

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
      trashedClaims: count(`SELECT count(*) FROM claims WHERE deleted_at IS NOT NULL`),
      trashedSources: count(`SELECT count(*) FROM sources WHERE deleted_at IS NOT NULL`),
      historyOperations: count(`SELECT count(*) FROM operations`)
    }
  })
}

export const handlers: HandlerTable = {
  'project.info': (ctx) =>
    ctx.store.read((db) => ({
      path: ctx.store.path,
      name: path.basename(ctx.store.path).replace(/\.attest$/i, ''),
      schemaVersion: Number(db.pluck('PRAGMA user_version')),
      createdAt: ctx.store.metaValue('created_at') ?? '',
      deviceId: ctx.deviceId,
      journalEntries: ctx.store.pendingEntries
    })),
  stats: (ctx) => stats(ctx),
  'claims.list': (ctx, input) => listClaims(ctx, input),
  'claims.get': (ctx, input) => getClaim(ctx, input.id),
  'claims.create': (ctx, input) => createClaim(ctx, input),
  'claims.update': (ctx, input) => updateClaim(ctx, input),
  'claims.delete': (ctx, input) => trashClaims(ctx, input.ids),
  'sources.list': (ctx, input) => listSources(ctx, input),
  'sources.get': (ctx, input) => getSource(ctx, input.id),
  'sources.create': (ctx, input) => createSource(ctx, input),
  'sources.update': (ctx, input) => updateSource(ctx, input),
  'sources.delete': (ctx, input) => trashSources(ctx, input.ids)
}
