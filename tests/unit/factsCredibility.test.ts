import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { gradeFor } from '../../src/server/facts/credibility'
import { tempProject } from './helpers/tempProject'

// Reports written for these tests: three towns' accounts of one harbour opening.
const EN =
  'The council said the new quay in Tromsø will cost about 40 million NOK and open in May 2026.'
const DE =
  'Der neue Kai in Tromsø kostet nach Angaben des Rates rund 40 Millionen NOK und soll im Juni 2026 eröffnet werden.'
const NB = 'Kommunen sier at den nye kaia i Tromsø vil koste rundt 40 millioner kroner.'
const OTHER = 'A ferry operator in Bodø said the quay in Tromsø would open in May 2026.'

async function project() {
  const core = await tempProject()
  const source = async (title: string, language: string, content: string) =>
    call(core, 'sources.create', { title, language, publishedAt: '2025-10-02', content })
  const en = await source('Harbour works', 'en', EN)
  const de = await source('Hafenarbeiten', 'de', DE)
  const nb = await source('Havnearbeid', 'nb', NB)
  const other = await source('Ferry news', 'en', OTHER)
  const claim = await call(core, 'claims.create', {
    text: 'The quay in Tromsø costs 40 million NOK.'
  })
  const cite = async (sourceId: string, text: string, part: string, stance?: 'contradicts') => {
    const start = text.indexOf(part)
    await call(core, 'citations.create', {
      claimId: claim.id,
      sourceId,
      start,
      end: start + part.length,
      ...(stance ? { stance } : {})
    })
  }
  return { core, en, de, nb, other, claim, cite }
}

describe('suggested credibility', () => {
  it('follows FM 2-22.3: confirmed needs other independent sources, contradiction lowers it', () => {
    expect(gradeFor(0, false)).toBe(6)
    expect(gradeFor(1, false)).toBe(3)
    expect(gradeFor(2, false)).toBe(2)
    expect(gradeFor(3, false)).toBe(1)
    expect(gradeFor(1, true)).toBe(5)
    expect(gradeFor(0, true)).toBe(5)
    expect(gradeFor(2, true)).toBe(4)
  })

  it('counts a translation with its original, and never touches the analyst grade', async () => {
    const { core, en, de, nb, claim, cite } = await project()
    expect(await call(core, 'claims.credibility', { id: claim.id })).toMatchObject({
      grade: 6,
      reason: 'no citations'
    })
    await cite(en.id, EN, 'about 40 million NOK')
    await cite(de.id, DE, 'rund 40 Millionen NOK')
    expect(await call(core, 'claims.credibility', { id: claim.id })).toMatchObject({
      grade: 2,
      label: 'Probably true',
      reason: '2 independent sources support it',
      independentSources: 2
    })
    await cite(nb.id, NB, 'rundt 40 millioner kroner')
    expect((await call(core, 'claims.credibility', { id: claim.id })).grade).toBe(1)
    // The German report is a translation of the English one: two origins, not three.
    await call(core, 'sources.update', { id: de.id, changes: { originId: en.id } })
    expect(await call(core, 'claims.credibility', { id: claim.id })).toMatchObject({
      grade: 2,
      reason: '2 independent sources support it (1 more is a translation or copy)'
    })
    const stored = await call(core, 'claims.get', { id: claim.id })
    expect(stored.credibility).toBeNull()
  })

  it('is improbable when a citation contradicts it or its cited figures conflict', async () => {
    const { core, en, de, other, claim, cite } = await project()
    await cite(en.id, EN, 'open in May 2026')
    await cite(de.id, DE, 'soll im Juni 2026 eröffnet')
    const conflict = await call(core, 'claims.credibility', { id: claim.id })
    expect(conflict).toMatchObject({ grade: 4, conflictPairs: 1 })
    expect(conflict.reason).toContain('1 pair of figures in its citations disagrees')
    await cite(other.id, OTHER, 'would open in May 2026', 'contradicts')
    const contradicted = await call(core, 'claims.credibility', { id: claim.id })
    expect(contradicted.contradictingCitations).toBe(1)
    expect(contradicted.reason).toContain('1 citation contradicts it')
  })

  it('refuses a claim that does not exist', async () => {
    const { core } = await project()
    const missing = await core.invoke('claims.credibility', {
      id: '00000000-0000-4000-8000-000000000000'
    })
    expect(missing.ok ? null : missing.error.message).toBe('That claim does not exist.')
  })
})

describe('the grid flag of a disputed claim', () => {
  it('is kept on the claim as its citations change, listed by claims.list, undone with them', async () => {
    const { core, en, de, other, claim, cite } = await project()
    const flagOf = async () =>
      (await call(core, 'claims.list', {})).rows.find((row) => row.id === claim.id)?.flag
    await cite(en.id, EN, 'open in May 2026')
    expect(await flagOf()).toBeNull()
    await cite(de.id, DE, 'soll im Juni 2026 eröffnet')
    expect(await flagOf()).toBe('Figures in its citations disagree: “May 2026” vs “Juni 2026”.')
    await cite(other.id, OTHER, 'would open in May 2026', 'contradicts')
    expect(await flagOf()).toMatch(/^A citation contradicts it\. Figures/)
    await call(core, 'history.undo', {})
    await call(core, 'history.undo', {})
    expect(await flagOf()).toBeNull()
    // A stance changed to contradicts flags it too.
    const { rows } = await call(core, 'claims.list', {})
    expect(rows.find((row) => row.id === claim.id)?.citationCount).toBe(1)
    const [citation] = await call(core, 'citations.list', { claimId: claim.id })
    await call(core, 'citations.update', { id: citation!.id, changes: { stance: 'contradicts' } })
    expect(await flagOf()).toBe('A citation contradicts it.')
    await call(core, 'citations.delete', { id: citation!.id })
    expect(await flagOf()).toBeNull()
  })

  it('follows its sources: a source trashed, restored or corrected clears or sets it', async () => {
    const { core, en, de, claim, cite } = await project()
    const flagOf = async () =>
      (await call(core, 'claims.list', {})).rows.find((row) => row.id === claim.id)?.flag
    await cite(en.id, EN, 'open in May 2026')
    await cite(de.id, DE, 'soll im Juni 2026 eröffnet')
    const disputed = 'Figures in its citations disagree: “May 2026” vs “Juni 2026”.'
    expect(await flagOf()).toBe(disputed)
    // The German report goes to the Trash: nothing disputes the claim any more.
    await call(core, 'sources.delete', { ids: [de.id] })
    expect(await flagOf()).toBeNull()
    await call(core, 'history.undo', {})
    expect(await flagOf()).toBe(disputed)
    await call(core, 'sources.delete', { ids: [de.id] })
    await call(core, 'sources.restore', { ids: [de.id] })
    expect(await flagOf()).toBe(disputed)
    // The German text corrected to the English month: the figures agree.
    await call(core, 'sources.update', {
      id: de.id,
      changes: { content: DE.replace('Juni 2026', 'Mai 2026') }
    })
    expect(await flagOf()).toBeNull()
    await call(core, 'history.undo', {})
    expect(await flagOf()).toBe(disputed)
  })
})

describe('similar claims', () => {
  it('offers claims sharing figures or names with a text being typed, figures first', async () => {
    const { core } = await project()
    const make = async (text: string) => (await call(core, 'claims.create', { text })).id
    const sameFigure = await make('Over 60 PhD students from Vietnam study in Tromsø.')
    const sameName = await make('Tromsø opened a new quay in May 2026.')
    await make('The ferry to Bodø runs twice a day.')
    const { claims } = await call(core, 'claims.similar', {
      text: 'More than 60 PhD students study in Tromsø'
    })
    // The figure shared counts more than a name alone.
    expect(claims[0]).toMatchObject({
      id: sameFigure,
      shared: ['More than 60 PhD students', 'PhD', 'Tromsø']
    })
    expect(claims.map((claim) => claim.id)).toContain(sameName)
    expect(claims.some((claim) => claim.text.includes('Bodø'))).toBe(false)
    expect((await call(core, 'claims.similar', { text: 'nothing in common here' })).claims).toEqual(
      []
    )
    const bad = await core.invoke('claims.similar', { text: 'x'.repeat(20_001) })
    expect(bad.ok).toBe(false)
  })
})
