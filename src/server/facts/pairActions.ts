// Pairs of figures as the analyst acts on them: each with a stable key, dismissed ones set
// aside (remembered in the project, undoable), and a pair turned into two claims with their
// citations and a relation, all as one undoable step.

import { createHash, randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../shared/contract'
import type { FactPair, PairOutcome, PairSide } from '../../shared/factTypes'
import type { KeyedPair, KeyedSide, PairOutputs, PairSource } from '../../shared/pairTypes'
import { AttestError } from '../../shared/result'
import { insertCitation } from '../documents/citations'
import { refreshClaimFlag } from './flag'
import type { HandlersFor } from '../handlers'
import { mutate, type CoreContext } from '../records/context'
import type { pairRequests } from '../../shared/contractPairs'
import type { SqliteDb } from '../store/sqlite'
import { factPairs } from './pairs'
import { refreshFacts } from './store'

const sideKey = (side: PairSide): string =>
  `${side.sourceId}\u0000${side.start}\u0000${side.end}\u0000${side.quote}`

/** The same two figures give the same key whichever side is a. */
export function pairKey(pair: Pick<FactPair, 'a' | 'b'>): string {
  const [first, second] = [sideKey(pair.a), sideKey(pair.b)].sort()
  return createHash('sha256').update(`${first}\u0001${second}`, 'utf8').digest('hex').slice(0, 32)
}

/** Where the side's sentence starts in the source's text; the quote's own start if not found. */
function withSentence(side: PairSide, content: string | undefined): KeyedSide {
  if (content !== undefined) {
    const at = content.lastIndexOf(side.sentence, side.start)
    if (at >= 0 && at + side.sentence.length >= side.end) return { ...side, sentenceStart: at }
  }
  return { ...side, sentenceStart: side.start }
}

function dismissedKeys(db: SqliteDb): Set<string> {
  const has = db.pluck(`SELECT 1 FROM sqlite_master WHERE name = 'dismissed_pairs'`)
  if (!has) return new Set()
  return new Set(db.all<{ id: string }>(`SELECT id FROM dismissed_pairs`).map((row) => row.id))
}

const NO_COUNTS = (): Record<PairOutcome, number> => ({
  conflict: 0,
  consistent: 0,
  'more-precise': 0,
  'not-comparable': 0
})

/** Every current pair in scope, keyed, with its sentences placed in their sources' texts. */
function keyedPairs(ctx: CoreContext, sourceIds?: string[]): KeyedPair[] {
  const pairs = factPairs(ctx, sourceIds ? { sourceIds } : {})
  return ctx.store.read((db) => {
    const dismissed = dismissedKeys(db)
    const contents = new Map<string, string | undefined>()
    const contentOf = (sourceId: string): string | undefined => {
      if (!contents.has(sourceId)) {
        contents.set(
          sourceId,
          db.pluck<string>(`SELECT content FROM sources WHERE id = ?`, [sourceId])
        )
      }
      return contents.get(sourceId)
    }
    return pairs.map((pair) => {
      const key = pairKey(pair)
      return {
        ...pair,
        key,
        dismissed: dismissed.has(key),
        a: withSentence(pair.a, contentOf(pair.a.sourceId)),
        b: withSentence(pair.b, contentOf(pair.b.sourceId))
      }
    })
  })
}

export function listPairs(
  ctx: CoreContext,
  input: ParsedInput<'pairs.list'>
): PairOutputs['pairs.list'] {
  const all = keyedPairs(ctx, input.sourceIds)
  const counts = NO_COUNTS()
  let dismissed = 0
  for (const pair of all) {
    if (pair.dismissed) dismissed += 1
    else counts[pair.outcome] += 1
  }
  const outcomes = input.outcomes ? new Set(input.outcomes) : null
  const pairs = all.filter(
    (pair) =>
      (input.includeDismissed || !pair.dismissed) &&
      (outcomes === null || outcomes.has(pair.outcome))
  )
  const ids = [...new Set(pairs.flatMap((pair) => [pair.a.sourceId, pair.b.sourceId]))]
  const sources = ctx.store.read((db) =>
    db.all<PairSource>(
      `SELECT id, title, language, published_at AS publishedAt FROM sources
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      [JSON.stringify(ids)]
    )
  )
  return { pairs, sources, dismissed, counts }
}

function findPair(ctx: CoreContext, key: string): KeyedPair {
  const pair = keyedPairs(ctx).find((candidate) => candidate.key === key)
  if (!pair) {
    throw new AttestError(
      'not_found',
      'That pair of figures is no longer found in the sources; a text may have changed.'
    )
  }
  return pair
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * Two claims, one per side, each citing its source (the sentence, or just the figure), and a
 * relation between them: one operation, so one undo takes all of it back.
 */
export function makeClaims(
  ctx: CoreContext,
  input: ParsedInput<'pairs.makeClaims'>
): PairOutputs['pairs.makeClaims'] {
  const pair = findPair(ctx, input.key)
  const db = ctx.store.db
  const sides = [
    { side: pair.a, text: input.aText },
    { side: pair.b, text: input.bText }
  ].map(({ side, text }) => {
    const figure = input.quote === 'figure'
    return {
      side,
      claimId: randomUUID(),
      text: oneLine(text ?? side.sentence),
      start: figure ? side.start : side.sentenceStart,
      end: figure ? side.end : side.sentenceStart + side.sentence.length
    }
  })
  const relationId = randomUUID()
  const label =
    input.relation === 'contradicts'
      ? 'Claims from a disagreement (contradicts)'
      : 'Claims from an agreement (corroborates)'
  mutate(ctx, label, (op) => {
    for (const side of sides) {
      op.create('claim', side.claimId, {
        text: side.text,
        status: 'unverified',
        eventDate: null,
        credibility: null,
        confidence: null
      })
      const citationId = insertCitation(op, db, {
        claimId: side.claimId,
        sourceId: side.side.sourceId,
        start: side.start,
        end: side.end
      })
      refreshFacts(db, 'citation', citationId)
      refreshFacts(db, 'claim', side.claimId)
    }
    op.create('relation', relationId, {
      fromClaimId: sides[0]!.claimId,
      toClaimId: sides[1]!.claimId,
      kind: input.relation,
      note: pair.reason
    })
    for (const side of sides) refreshClaimFlag(op, db, side.claimId)
  })
  return { claimIds: [sides[0]!.claimId, sides[1]!.claimId], relationId }
}

export function dismissPairs(ctx: CoreContext, keys: string[]): PairOutputs['pairs.dismiss'] {
  const wanted = new Set(keys)
  const found = keyedPairs(ctx).filter((pair) => wanted.has(pair.key))
  if (found.length === 0) {
    throw new AttestError('not_found', 'That pair of figures is no longer found in the sources.')
  }
  const pairs = found.filter((pair) => !pair.dismissed)
  const label = pairs.length === 1 ? 'Dismiss a pair of figures' : 'Dismiss pairs of figures'
  mutate(ctx, label, (op) => {
    for (const pair of pairs) {
      op.create('dismissedPair', pair.key, {
        aSourceId: pair.a.sourceId,
        bSourceId: pair.b.sourceId,
        summary: `${pair.a.quote} / ${pair.b.quote}`.slice(0, 500)
      })
    }
  })
  return { dismissed: pairs.length }
}

function isDismissed(ctx: CoreContext, key: string): boolean {
  return Boolean(ctx.store.db.pluck(`SELECT 1 FROM dismissed_pairs WHERE id = ?`, [key]))
}

/** Brings dismissed pairs back (a key that is not dismissed is left alone). */
export function restorePairs(ctx: CoreContext, keys: string[]): PairOutputs['pairs.restore'] {
  const present = keys.filter((key) => isDismissed(ctx, key))
  if (present.length === 0) {
    throw new AttestError('not_found', 'None of those pairs is dismissed.')
  }
  const label =
    present.length === 1 ? 'Bring back a pair of figures' : 'Bring back pairs of figures'
  mutate(ctx, label, (op) => {
    for (const key of present) op.remove('dismissedPair', key)
  })
  return { restored: present.length }
}

export const pairHandlers: HandlersFor<keyof typeof pairRequests> = {
  'pairs.list': (ctx, input) => listPairs(ctx, input),
  'pairs.makeClaims': (ctx, input) => makeClaims(ctx, input),
  'pairs.dismiss': (ctx, input) => dismissPairs(ctx, input.keys),
  'pairs.restore': (ctx, input) => restorePairs(ctx, input.keys)
}
