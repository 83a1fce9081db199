import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { pairKey } from '../../src/server/facts/pairActions'
import { describeWithSeeds, SEEDS_DIR } from './helpers/seeds'
import { tempProject } from './helpers/tempProject'

// Two reports written for these tests on the same bridge repair.
const BRIDGE_EN = [
  'Bridge repair in Bergen',
  '',
  'The city said the repair will cost 12 million NOK and end in March 2026.',
  '',
  'About 80 workers are on the bridge.'
].join('\n')

const BRIDGE_DE = [
  'Brückenreparatur in Bergen',
  '',
  'Die Reparatur der Brücke in Bergen kostet nach Angaben der Stadt 12 Millionen NOK und soll im April 2026 enden.',
  '',
  'Auf der Brücke arbeiten rund 80 Arbeiter.'
].join('\n')

async function project() {
  const core = await tempProject()
  const en = await call(core, 'sources.create', {
    title: 'Bridge repair',
    language: 'en',
    publishedAt: '2025-10-02',
    content: BRIDGE_EN
  })
  const de = await call(core, 'sources.create', {
    title: 'Brückenreparatur',
    language: 'de',
    publishedAt: '2025-10-03',
    content: BRIDGE_DE
  })
  return { core, en, de }
}

describe('pair keys', () => {
  it('are the same whichever side comes first, and differ when a side moves', () => {
    const a = { sourceId: 's1', quote: 'March 2026', sentence: '', start: 10, end: 20 }
    const b = { sourceId: 's2', quote: 'April 2026', sentence: '', start: 5, end: 15 }
    const sides = { a: { ...a, kind: 'date' as const }, b: { ...b, kind: 'date' as const } }
    expect(pairKey(sides)).toBe(pairKey({ a: sides.b, b: sides.a }))
    expect(pairKey(sides)).toMatch(/^[0-9a-f]{32}$/)
    expect(pairKey({ ...sides, b: { ...sides.b, start: 6 } })).not.toBe(pairKey(sides))
  })
})

describe('pairs.list', () => {
  it('gives each pair its key, its sentences in place in the texts, and the sources named', async () => {
    const { core, en, de } = await project()
    const { pairs, sources, counts, dismissed } = await call(core, 'pairs.list', {})
    const date = pairs.find((pair) => pair.a.quote === 'March 2026')
    expect(date).toMatchObject({ outcome: 'conflict', b: { quote: 'April 2026' } })
    if (!date) return
    expect(
      BRIDGE_EN.slice(date.a.sentenceStart, date.a.sentenceStart + date.a.sentence.length)
    ).toBe(date.a.sentence)
    expect(BRIDGE_DE.slice(date.b.sentenceStart).startsWith('Die Reparatur der Brücke')).toBe(true)
    expect(sources.map((source) => [source.id, source.title, source.language])).toEqual([
      [en.id, 'Bridge repair', 'en'],
      [de.id, 'Brückenreparatur', 'de']
    ])
    expect(counts.conflict).toBe(1)
    expect(dismissed).toBe(0)
    const onlyConflicts = await call(core, 'pairs.list', { outcomes: ['conflict'] })
    expect(onlyConflicts.pairs.map((pair) => pair.key)).toEqual([date.key])
  })

  it('refuses a malformed key or an unknown outcome with a sentence', async () => {
    const { core } = await project()
    const bad = await core.invoke('pairs.dismiss', { keys: ['x'] })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatch(/not a pair key/)
    const outcome = await core.invoke('pairs.list', { outcomes: ['wrong'] })
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.message).toMatch(/An outcome is conflict/)
    const missing = await core.invoke('pairs.makeClaims', {
      key: '0'.repeat(32),
      relation: 'contradicts'
    })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.error.message).toMatch(/no longer found/)
  })
})

describe('pairs.dismiss and pairs.restore', () => {
  it('hide a pair, remember it across a reopen, and are undone like any edit', async () => {
    const { core } = await project()
    const { pairs } = await call(core, 'pairs.list', {})
    const key = pairs.find((pair) => pair.outcome === 'conflict')?.key ?? ''
    expect(await call(core, 'pairs.dismiss', { keys: [key] })).toEqual({ dismissed: 1 })
    const after = await call(core, 'pairs.list', {})
    expect(after.pairs.map((pair) => pair.key)).not.toContain(key)
    expect(after).toMatchObject({ dismissed: 1, counts: { conflict: 0 } })
    const shown = await call(core, 'pairs.list', { includeDismissed: true })
    expect(shown.pairs.find((pair) => pair.key === key)?.dismissed).toBe(true)
    expect((await call(core, 'history.state', {})).undoLabel).toBe('Dismiss a pair of figures')

    await call(core, 'history.undo', {})
    expect((await call(core, 'pairs.list', {})).pairs.map((pair) => pair.key)).toContain(key)
    await call(core, 'history.redo', {})
    expect((await call(core, 'pairs.list', {})).dismissed).toBe(1)

    expect(await call(core, 'pairs.restore', { keys: [key] })).toEqual({ restored: 1 })
    expect((await call(core, 'pairs.list', {})).counts.conflict).toBe(1)
    const again = await core.invoke('pairs.restore', { keys: [key] })
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.error.message).toBe('None of those pairs is dismissed.')
  })
})

describe('pairs.makeClaims', () => {
  it('makes two claims citing their sentences and a relation, and one undo removes them all', async () => {
    const { core, en, de } = await project()
    const { pairs } = await call(core, 'pairs.list', { outcomes: ['conflict'] })
    const pair = pairs[0]
    if (!pair) throw new Error('no conflict found')
    const before = await call(core, 'stats', {})
    const made = await call(core, 'pairs.makeClaims', {
      key: pair.key,
      relation: 'contradicts',
      aText: 'The bridge repair ends in March 2026.'
    })
    const [aId, bId] = made.claimIds
    expect((await call(core, 'claims.get', { id: aId })).text).toBe(
      'The bridge repair ends in March 2026.'
    )
    // Side b was left as its sentence.
    expect((await call(core, 'claims.get', { id: bId })).text).toBe(pair.b.sentence)
    const aCitations = await call(core, 'citations.list', { claimId: aId })
    expect(aCitations).toMatchObject([
      {
        sourceId: en.id,
        quote: pair.a.sentence,
        start: pair.a.sentenceStart,
        anchorStatus: 'exact'
      }
    ])
    const bCitations = await call(core, 'citations.list', { claimId: bId })
    expect(bCitations).toMatchObject([{ sourceId: de.id, quote: pair.b.sentence }])
    const relations = await call(core, 'relations.list', { claimId: aId })
    expect(relations).toMatchObject([
      { kind: 'contradicts', direction: 'out', other: { id: bId }, note: pair.reason }
    ])

    const undone = await call(core, 'history.undo', {})
    expect(undone.done).toBe('Claims from a disagreement (contradicts)')
    const after = await call(core, 'stats', {})
    expect([after.claims, after.citations, after.relations]).toEqual([
      before.claims,
      before.citations,
      before.relations
    ])
  })

  it('can cite only the figure, and corroborate an agreeing pair', async () => {
    const { core } = await project()
    const { pairs } = await call(core, 'pairs.list', { outcomes: ['consistent'] })
    const cost = pairs.find((pair) => pair.a.quote === '12 million NOK')
    if (!cost) throw new Error('the cost pair was not found')
    const made = await call(core, 'pairs.makeClaims', {
      key: cost.key,
      relation: 'corroborates',
      quote: 'figure'
    })
    const citations = await call(core, 'citations.list', { claimId: made.claimIds[1] })
    expect(citations.map((citation) => citation.quote)).toEqual(['12 Millionen NOK'])
    const relations = await call(core, 'relations.list', { claimId: made.claimIds[1] })
    expect(relations).toMatchObject([{ kind: 'corroborates', direction: 'in' }])
  })
})

const NORWEGIAN_SEED = path.join(SEEDS_DIR, '000_f4b2f788e06a7ca8.txt')
const GERMAN_SEED = path.join(SEEDS_DIR, '004_ec7a597c115a94a0.txt')

describeWithSeeds('pairs on the seed articles', [NORWEGIAN_SEED, GERMAN_SEED], () => {
  it('lists the three disagreements with sentences that hold their figures', async () => {
    const core = await tempProject()
    for (const [file, language, publishedAt] of [
      [NORWEGIAN_SEED, 'nb', '2025-09-21'],
      [GERMAN_SEED, 'de', '2025-11-27']
    ] as const) {
      await call(core, 'sources.create', {
        title: path.basename(file),
        language,
        publishedAt,
        content: fs.readFileSync(file, 'utf8')
      })
    }
    const { pairs } = await call(core, 'pairs.list', {})
    const find = (a: string, b: string) =>
      pairs.find((pair) => pair.a.quote === a && pair.b.quote.startsWith(b))
    const phd = find('mer enn 60 vietnamesiske doktorgradsstudenter', '63 vietnamesische')
    const start = find('oktober i år', 'September 2025')
    const trade = find('50 milliarder dollar', '42,5 Milliarden')
    expect([phd?.outcome, start?.outcome, trade?.outcome]).toEqual([
      'more-precise',
      'conflict',
      'not-comparable'
    ])
    for (const pair of [phd, start, trade]) {
      for (const side of [pair?.a, pair?.b]) {
        const offset = (side?.start ?? 0) - (side?.sentenceStart ?? 0)
        expect(side?.sentence.slice(offset, offset + (side?.quote.length ?? 0))).toBe(side?.quote)
      }
    }
  })
})
