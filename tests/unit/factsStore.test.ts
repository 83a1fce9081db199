import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

// Articles written for these tests: two towns' reports on the same harbour works.
const HARBOUR_EN = [
  'Harbour works in Tromsø',
  '',
  'The council said the new quay will cost about 40 million NOK and open in May 2026.',
  '',
  'quay-2.jpg',
  'Workers on 12 cranes at the quay (Photo: Harbour office)',
  '',
  'More than 120 workers are on the site, the council said.'
].join('\n')

const HARBOUR_DE = [
  'Hafenarbeiten in Tromsø',
  '',
  'Der neue Kai in Tromsø kostet nach Angaben des Rates rund 40 Millionen NOK und soll im Juni 2026 eröffnet werden.',
  '',
  'Auf der Baustelle sind 124 Arbeiter tätig, teilte der Rat mit.'
].join('\n')

async function project() {
  const core = await tempProject()
  const en = await call(core, 'sources.create', {
    title: 'Harbour works',
    language: 'en',
    publishedAt: '2025-10-02',
    content: HARBOUR_EN
  })
  const de = await call(core, 'sources.create', {
    title: 'Hafenarbeiten',
    language: 'de',
    publishedAt: '2025-10-03',
    content: HARBOUR_DE
  })
  return { core, en, de }
}

describe('stored facts', () => {
  it('lists the figures and dates of a source, clutter left out, with their exact quotes', async () => {
    const { core, en } = await project()
    const { facts } = await call(core, 'facts.list', { sourceId: en.id })
    expect(facts.map((fact) => fact.quote)).toEqual([
      'about 40 million NOK',
      'May 2026',
      'More than 120 workers'
    ])
    const cost = facts[0]
    expect(cost).toMatchObject({ sourceId: en.id, kind: 'quantity', low: 40e6, unit: 'NOK' })
    expect(HARBOUR_EN.slice(cost?.start, cost?.end)).toBe('about 40 million NOK')
    expect(facts[2]).toMatchObject({ low: 120, high: null, unit: 'workers' })
    // The photo caption's "12 cranes" is clutter.
    expect(facts.some((fact) => fact.low === 12 || fact.quote.includes('cranes'))).toBe(false)
    const stored = core.ctx.store.read((db) =>
      db.pluck<number>(`SELECT count(*) FROM facts WHERE owner_kind = 'source'`)
    )
    expect(stored).toBe(2)
  })

  it('recomputes the facts when the text is edited, and again when the edit is undone', async () => {
    const { core, en } = await project()
    await call(core, 'sources.update', {
      id: en.id,
      changes: { content: HARBOUR_EN.replace('More than 120', 'Exactly 130') }
    })
    const storedAfterEdit = core.ctx.store.read((db) =>
      db.pluck<string>(`SELECT facts FROM facts WHERE owner_id = ?`, [en.id])
    )
    expect(storedAfterEdit).toContain('130')
    const edited = await call(core, 'facts.list', { sourceId: en.id })
    expect(edited.facts.map((fact) => fact.quote)).toContain('130 workers')
    await call(core, 'history.undo', {})
    const undone = await call(core, 'facts.list', { sourceId: en.id })
    expect(undone.facts.map((fact) => fact.quote)).toContain('More than 120 workers')
    expect(undone.facts.map((fact) => fact.quote)).not.toContain('130 workers')
  })

  it('keeps facts for claim text and citation quotes', async () => {
    const { core, de } = await project()
    const start = HARBOUR_DE.indexOf('Auf der Baustelle')
    const end = HARBOUR_DE.indexOf('tätig') + 'tätig'.length
    const { claim } = await call(core, 'claims.createFromSelection', {
      sourceId: de.id,
      start,
      end,
      text: 'Auf der Baustelle arbeiten 124 Menschen.'
    })
    const { facts } = await call(core, 'facts.list', { owners: ['claim', 'citation'] })
    const claimFacts = facts.filter((fact) => fact.owner === 'claim')
    expect(claimFacts).toMatchObject([{ ownerId: claim.id, sourceId: null, low: 124 }])
    const quoteFacts = facts.filter((fact) => fact.owner === 'citation')
    expect(quoteFacts).toMatchObject([{ sourceId: de.id, quote: '124 Arbeiter', low: 124 }])
  })

  it('pairs the two reports: one date in conflict, the cost consistent, the count more precise', async () => {
    const { core, en, de } = await project()
    const { pairs } = await call(core, 'facts.pairs', {})
    const byQuote = new Map(pairs.map((pair) => [`${pair.a.quote} | ${pair.b.quote}`, pair]))
    expect(byQuote.get('about 40 million NOK | rund 40 Millionen NOK')?.outcome).toBe('consistent')
    expect(byQuote.get('May 2026 | Juni 2026')).toMatchObject({
      outcome: 'conflict',
      reason: '2026-05-01 to 2026-05-31 vs 2026-06-01 to 2026-06-30'
    })
    expect(byQuote.get('More than 120 workers | 124 Arbeiter')?.outcome).toBe('more-precise')
    expect(pairs.every((pair) => pair.a.sourceId === en.id && pair.b.sourceId === de.id)).toBe(true)
    const conflicts = await call(core, 'facts.pairs', { outcomes: ['conflict'] })
    expect(conflicts.pairs.map((pair) => pair.b.quote)).toEqual(['Juni 2026'])
  })

  it('refuses a source that is not an id, or one that does not exist', async () => {
    const { core } = await project()
    const bad = await core.invoke('facts.list', { sourceId: 'nope' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatch(/not a record id/)
    const missing = await core.invoke('facts.list', {
      sourceId: '00000000-0000-4000-8000-000000000000'
    })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.error.message).toBe('That source does not exist.')
    const few = await core.invoke('facts.pairs', { sourceIds: [] })
    expect(few.ok).toBe(false)
  })

  it('saves a text of several megabytes without reading it, and reads its facts when asked', async () => {
    const { core } = await project()
    const filler = 'The quay was discussed at length by residents and officials. '.repeat(20_000)
    const content = `${filler}\nThe council said the quay will cost about 40 million NOK.\n${filler}`
    const big = await call(core, 'sources.create', {
      title: 'Harbour minutes',
      language: 'en',
      publishedAt: '2025-10-04',
      content
    })
    const storedBefore = core.ctx.store.read((db) =>
      db.pluck<number>(`SELECT count(*) FROM facts WHERE owner_id = ?`, [big.id])
    )
    expect(storedBefore).toBe(0)
    const { facts } = await call(core, 'facts.list', { sourceId: big.id })
    expect(facts.map((fact) => fact.quote)).toEqual(['about 40 million NOK'])
    expect(content.slice(facts[0]!.start, facts[0]!.end)).toBe('about 40 million NOK')
  })

  it('never lets a translation corroborate its original; keeps their disagreements', async () => {
    const { core, en, de } = await project()
    const marked = await call(core, 'sources.update', { id: de.id, changes: { originId: en.id } })
    expect(marked.originId).toBe(en.id)
    const { pairs } = await call(core, 'facts.pairs', {})
    const quotes = pairs.map((pair) => `${pair.a.quote} | ${pair.b.quote}`)
    // "rund 40 Millionen NOK" agreeing with its original confirms nothing.
    expect(quotes).not.toContain('about 40 million NOK | rund 40 Millionen NOK')
    expect(pairs.find((pair) => pair.b.quote === 'Juni 2026')).toMatchObject({
      outcome: 'conflict',
      sameOrigin: true,
      reason: expect.stringContaining('same origin') as unknown as string
    })
    expect(pairs.every((pair) => pair.outcome !== 'consistent' && pair.sameOrigin)).toBe(true)

    // A third source copied from the translation is of the same origin too.
    const copy = await call(core, 'sources.create', {
      title: 'Hafenarbeiten (Kopie)',
      language: 'de',
      publishedAt: '2025-10-05',
      content: HARBOUR_DE
    })
    await call(core, 'sources.update', { id: copy.id, changes: { originId: de.id } })
    const three = await call(core, 'facts.pairs', {})
    expect(three.pairs.every((pair) => pair.sameOrigin)).toBe(true)

    // Undo (the copy's mark, the copy, the translation's mark) clears the mark: the cost
    // agrees across independent sources again.
    for (let i = 0; i < 3; i++) await call(core, 'history.undo', {})
    const undone = await call(core, 'facts.pairs', { sourceIds: [en.id, de.id] })
    expect(undone.pairs.find((pair) => pair.b.quote === 'rund 40 Millionen NOK')).toMatchObject({
      outcome: 'consistent',
      sameOrigin: false
    })
    const source = await call(core, 'sources.get', { id: de.id })
    expect(source.originId).toBeNull()
  })

  it('refuses an origin that is the source itself, missing, or a circle', async () => {
    const { core, en, de } = await project()
    const self = await core.invoke('sources.update', { id: en.id, changes: { originId: en.id } })
    expect(self.ok ? null : self.error.message).toBe(
      'A source cannot be a translation or copy of itself.'
    )
    const missing = await core.invoke('sources.update', {
      id: en.id,
      changes: { originId: '00000000-0000-4000-8000-000000000000' }
    })
    expect(missing.ok ? null : missing.error.message).toBe('The source of origin does not exist.')
    await call(core, 'sources.update', { id: de.id, changes: { originId: en.id } })
    const circle = await core.invoke('sources.update', { id: en.id, changes: { originId: de.id } })
    expect(circle.ok ? null : circle.error.message).toMatch(/cannot go in a circle/)
    // Nothing was changed by the refused requests; clearing works.
    const cleared = await call(core, 'sources.update', { id: de.id, changes: { originId: null } })
    expect(cleared.originId).toBeNull()
    expect((await call(core, 'sources.get', { id: en.id })).originId).toBeNull()
  })
})
