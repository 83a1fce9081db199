import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

// A document written for these tests (facts from the seed articles, our own sentences).
const ARTICLE = [
  'Tokyo and Hanoi mark 52 years of ties',
  '',
  'Hà Nội, 21/09/2025',
  '',
  'Officials said more than 60 Vietnamese doctoral students had been received by Japanese universities.',
  'A joint semiconductor research programme started in October 2025.',
  'Two-way trade was put at 50 bn USD a year.',
  '',
  'Source: https://news.example.vn/ties-52-years'
].join('\n')

type Project = Awaited<ReturnType<typeof tempProject>>

async function importArticle(project: Project) {
  const draft = await call(project, 'documents.prepare', { fileName: 'ties.txt', text: ARTICLE })
  const source = await call(project, 'sources.create', {
    title: draft.title,
    url: draft.url,
    publishedAt: draft.publishedAt,
    language: draft.language,
    content: draft.content
  })
  return { draft, source }
}

const range = (needle: string) => {
  const start = ARTICLE.indexOf(needle)
  return { start, end: start + needle.length }
}

describe('documents and citations', () => {
  it('reads a document: title, date, URL, and the full text kept unchanged', async () => {
    const project = await tempProject()
    const { draft, source } = await importArticle(project)
    expect(draft).toMatchObject({
      title: 'Tokyo and Hanoi mark 52 years of ties',
      url: 'https://news.example.vn/ties-52-years',
      publishedAt: '2025-09-21',
      duplicateOf: null
    })
    expect((await call(project, 'sources.get', { id: source.id })).content).toBe(ARTICLE)
    const again = await call(project, 'documents.prepare', {
      fileName: 'copy.txt',
      text: `${ARTICLE}\n\n`
    })
    expect(again.duplicateOf).toMatchObject({ id: source.id })
  })

  it('refuses binary, empty and oversized documents with a clear message, storing nothing', async () => {
    const project = await tempProject()
    const binary = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52
    ]).toString('base64')
    await expect(
      call(project, 'documents.prepare', { fileName: 'photo.txt', dataBase64: binary })
    ).rejects.toThrow(/PNG image, not a text/)
    await expect(
      call(project, 'documents.prepare', { fileName: 'blank.txt', text: '  \n ' })
    ).rejects.toThrow(/empty/)
    const big = Buffer.alloc(21 * 1024 * 1024, 0x61).toString('base64')
    await expect(
      call(project, 'documents.prepare', { fileName: 'big.txt', dataBase64: big })
    ).rejects.toThrow(/MB/)
    expect((await call(project, 'stats', {})).sources).toBe(0)
  })

  it('turns a selection into a claim whose first citation is the exact passage', async () => {
    const project = await tempProject()
    const { source } = await importArticle(project)
    const passage = 'more than 60 Vietnamese doctoral students'
    const { claim, citation } = await call(project, 'claims.createFromSelection', {
      sourceId: source.id,
      ...range(passage)
    })
    expect(claim.text).toBe(passage)
    expect(citation).toMatchObject({
      quote: passage,
      ...range(passage),
      anchorStatus: 'exact',
      stance: 'supports'
    })
    expect(citation.prefix.endsWith('Officials said ')).toBe(true)
    expect(citation.suffix.startsWith(' had been received')).toBe(true)
    // Cite a second passage for the same claim, graded with the source's reliability.
    await call(project, 'sources.update', { id: source.id, changes: { reliability: 'B' } })
    await call(project, 'claims.update', { id: claim.id, changes: { credibility: 2 } })
    const second = await call(project, 'citations.create', {
      claimId: claim.id,
      sourceId: source.id,
      ...range('received by Japanese universities'),
      stance: 'mentions',
      locator: '¶2'
    })
    expect(second.grade).toBe('B2')
    const listed = await call(project, 'claims.get', { id: claim.id })
    expect(listed).toMatchObject({
      citationCount: 2,
      sources: ['Tokyo and Hanoi mark 52 years of ties']
    })
    const sources = await call(project, 'sources.list', {})
    expect(sources.rows[0]?.claimCount).toBe(1)
    // Selections are trimmed; whitespace or out-of-range selections are refused.
    const joint = ARTICLE.indexOf('A joint semiconductor')
    const trimmed = await call(project, 'citations.create', {
      claimId: claim.id,
      sourceId: source.id,
      start: joint - 1,
      end: joint + 'A joint semiconductor'.length + 1
    })
    expect(trimmed.quote).toBe('A joint semiconductor')
    await expect(
      call(project, 'citations.create', {
        claimId: claim.id,
        sourceId: source.id,
        start: 5,
        end: ARTICLE.length + 10
      })
    ).rejects.toThrow(/outside the source text/)
  })

  it('re-anchors citations when the source text is corrected, and flags what is gone', async () => {
    const project = await tempProject()
    const { source } = await importArticle(project)
    const trade = await call(project, 'claims.createFromSelection', {
      sourceId: source.id,
      ...range('50 bn USD a year')
    })
    const research = await call(project, 'claims.createFromSelection', {
      sourceId: source.id,
      ...range('semiconductor research programme started in October 2025')
    })
    const doctoral = await call(project, 'claims.createFromSelection', {
      sourceId: source.id,
      ...range('doctoral students')
    })
    // The editor inserts a paragraph at the top, fixes a month inside a quote, and deletes the trade line.
    const corrected = ARTICLE.replace(
      'Hà Nội, 21/09/2025',
      'Hà Nội, 21/09/2025\n\nUpdated with embassy figures.'
    )
      .replace('started in October 2025', 'started in September 2025')
      .replace('Two-way trade was put at 50 bn USD a year.\n', '')
    await call(project, 'sources.update', { id: source.id, changes: { content: corrected } })
    const citations = await call(project, 'citations.list', { sourceId: source.id })
    const byClaim = new Map(citations.map((c) => [c.claimId, c]))
    const moved = byClaim.get(doctoral.claim.id)
    expect(moved?.anchorStatus).toBe('moved')
    expect(corrected.slice(moved?.start, moved?.end)).toBe('doctoral students')
    const fuzzy = byClaim.get(research.claim.id)
    expect(fuzzy?.anchorStatus).toBe('fuzzy')
    expect(corrected.slice(fuzzy?.start, fuzzy?.end)).toContain('September 2025')
    expect(fuzzy?.quote).toBe('semiconductor research programme started in October 2025')
    expect(byClaim.get(trade.claim.id)?.anchorStatus).toBe('orphaned')
    expect(
      (await call(project, 'citations.list', { orphanedOnly: true })).map((c) => c.claimId)
    ).toEqual([trade.claim.id])
    expect((await call(project, 'stats', {})).orphanedCitations).toBe(1)
    // The analyst mends the orphan by choosing a new passage.
    const mended = await call(project, 'citations.reanchor', {
      id: byClaim.get(trade.claim.id)?.id as string,
      start: corrected.indexOf('embassy figures'),
      end: corrected.indexOf('embassy figures') + 'embassy figures'.length
    })
    expect(mended).toMatchObject({ anchorStatus: 'exact', quote: 'embassy figures' })
    // Undoing the mend and the text edit brings back the original text and anchors.
    await call(project, 'history.undo', {})
    await call(project, 'history.undo', {})
    const restored = await call(project, 'citations.list', { sourceId: source.id })
    expect(restored.every((c) => c.anchorStatus === 'exact')).toBe(true)
    expect(restored.map((c) => ARTICLE.slice(c.start, c.end))).toEqual(restored.map((c) => c.quote))
  })

  it('finds text in a source regardless of case and diacritics', async () => {
    const project = await tempProject()
    const { source } = await importArticle(project)
    const matches = await call(project, 'sources.findText', { id: source.id, text: 'ha noi' })
    expect(matches).toEqual([range('Hà Nội')])
    // After the text is corrected, find searches the new text, not a remembered one.
    const corrected = ARTICLE.replace('Hà Nội, 21/09/2025', 'Tokyo, 21/09/2025 — Hà Nội')
    await call(project, 'sources.update', { id: source.id, changes: { content: corrected } })
    const after = await call(project, 'sources.findText', { id: source.id, text: 'HA NOI' })
    const at = corrected.indexOf('Hà Nội')
    expect(after).toEqual([{ start: at, end: at + 'Hà Nội'.length }])
  })
})
