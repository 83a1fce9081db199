import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { call } from '../../src/server/core'
import { neutralizeFormula } from '../../src/server/export/csv'
import { exportFileName } from '../../src/server/export/jobs'
import { CSV_HEADERS, pageCondition } from '../../src/server/export/tables'
import { bulkClaims, cite, exportCsv, waitForJob } from './helpers/exportFixture'
import { tempProject } from './helpers/tempProject'

/** Every export of this file goes to its own temp root, so "nothing left behind" is checkable. */
let exportRoot = ''
beforeAll(() => {
  exportRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-export-root-'))
  process.env.ATTEST_TMPDIR = exportRoot
})
afterAll(() => {
  fs.rmSync(exportRoot, { recursive: true, force: true })
})

function parseCsv(text: string, delimiter = ','): string[][] {
  return parse(text, { bom: true, delimiter, record_delimiter: ['\r\n'] }) as string[][]
}

/** Parses an export into header + rows as objects keyed by column name. */
function records(text: string, delimiter = ','): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(text, delimiter)
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])))
}

const cell = (value: string | number | null): string =>
  value === null ? '' : typeof value === 'number' ? String(value) : neutralizeFormula(value)

describe('CSV export of claims', () => {
  it('round-trips arbitrary text exactly, with formulas neutralised', async () => {
    const project = await tempProject()
    const tag = await call(project, 'tags.create', { name: '=Economy' })
    const risky = fc.constantFrom('', '=', '@', '+', '-', '"', ',', ';', '\n', '\r\n', '=SUM(A1)')
    const text = fc
      .tuple(risky, fc.string({ unit: 'grapheme', maxLength: 60 }), risky)
      .map((parts) => parts.join(''))
      .filter((value) => value.trim().length > 0)
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',' as const, ';' as const, '\t' as const),
        async (texts, delimiter) => {
          const ids: string[] = []
          for (const [index, value] of texts.entries()) {
            const claim = await call(project, 'claims.create', {
              text: value,
              credibility: index % 2 ? 2 : null,
              confidence: index % 3 ? index * 10 : null,
              tagIds: index % 2 ? [tag.id] : []
            })
            ids.push(claim.id)
          }
          const { text: csv } = await exportCsv(project, {
            what: 'claims',
            scope: { type: 'ids', ids },
            delimiter
          })
          expect(csv.startsWith('\uFEFF')).toBe(true)
          const [header, ...rows] = parseCsv(csv, delimiter)
          expect(header).toEqual(CSV_HEADERS.claims)
          const stored = project.ctx.store.read((db) =>
            db.all<Record<string, string | number | null>>(
              `SELECT id, text, status, event_date, credibility, confidence, created_at, updated_at
               FROM claims WHERE id IN (SELECT value FROM json_each(?))
               ORDER BY created_at DESC, seq DESC`,
              [JSON.stringify(ids)]
            )
          )
          const tagged = new Set(ids.filter((_, index) => index % 2 === 1))
          expect(rows).toEqual(
            stored.map((row) => [
              cell(row.id ?? null),
              cell(row.text ?? null),
              cell(row.status ?? null),
              cell(row.event_date ?? null),
              cell(row.credibility ?? null),
              cell(row.confidence ?? null),
              // Tag paths are text like any other: "=Economy" must not become a formula.
              tagged.has(row.id as string) ? "'=Economy" : '',
              '',
              '0',
              cell(row.created_at ?? null),
              cell(row.updated_at ?? null),
              // No notes, relations or sources for these.
              '',
              '',
              '',
              ''
            ])
          )
        }
      ),
      { numRuns: 25 }
    )
  })

  it('exports the grid view: its search, filter and sort; never the Trash', async () => {
    const project = await tempProject()
    const texts = ['Rice exports rose', 'Coal imports fell', 'Rice prices doubled', 'Tea stable']
    const claims = []
    for (const text of texts) claims.push(await call(project, 'claims.create', { text }))
    await call(project, 'claims.update', {
      id: claims[2]?.id as string,
      changes: { status: 'contested' }
    })
    await call(project, 'claims.delete', { ids: [claims[0]?.id as string] })

    const searched = await exportCsv(project, {
      what: 'claims',
      scope: {
        type: 'claims',
        filter: { query: 'rice' },
        sort: [{ field: 'text', direction: 'asc' }]
      }
    })
    expect(records(searched.text).map((row) => row.text)).toEqual(['Rice prices doubled'])

    const sorted = await exportCsv(project, {
      what: 'claims',
      scope: { type: 'claims', sort: [{ field: 'text', direction: 'desc' }] }
    })
    expect(records(sorted.text).map((row) => row.text)).toEqual([
      'Tea stable',
      'Rice prices doubled',
      'Coal imports fell'
    ])
    // Exactly what the grid lists for the same request.
    const grid = await call(project, 'claims.list', {
      sort: [{ field: 'text', direction: 'desc' }]
    })
    expect(records(sorted.text).map((row) => row.id)).toEqual(grid.rows.map((row) => row.id))

    const byStatus = await exportCsv(project, {
      what: 'claims',
      scope: { type: 'claims', filter: { status: ['contested'], trashed: true } }
    })
    expect(records(byStatus.text).map((row) => row.text)).toEqual(['Rice prices doubled'])

    const everything = await exportCsv(project, { what: 'claims' })
    expect(records(everything.text)).toHaveLength(3)
    expect(everything.status).toMatchObject({ state: 'done', rows: 3, total: 3 })
  })

  it('reads dense pages by seq range, and leaves out live rows inside the range not in scope', async () => {
    expect(pageCondition([5, 4, 3, 1])).toEqual({ sql: 'BETWEEN ? AND ?', params: [1, 5] })
    expect(pageCondition([900, 3])).toEqual({
      sql: 'IN (SELECT value FROM json_each(?))',
      params: ['[900,3]']
    })
    const project = await tempProject()
    const texts = ['Rice exports rose', 'Coal imports fell', 'Rice prices doubled', 'Tea stable']
    for (const text of texts) await call(project, 'claims.create', { text })
    // Seqs 3 and 1 match: a range of 1–3, with the live "Coal" claim (seq 2) inside it.
    const searched = await exportCsv(project, {
      what: 'claims',
      scope: { type: 'claims', filter: { query: 'rice' } }
    })
    expect(records(searched.text).map((row) => row.text)).toEqual([
      'Rice prices doubled',
      'Rice exports rose'
    ])
  })

  it('exports selected ids, and a tag with its sub-tags', async () => {
    const project = await tempProject()
    const trade = await call(project, 'tags.create', { name: 'Trade' })
    const rice = await call(project, 'tags.create', { name: 'Rice', parentId: trade.id })
    const other = await call(project, 'tags.create', { name: 'Other' })
    const a = await call(project, 'claims.create', { text: 'A tagged Trade', tagIds: [trade.id] })
    const b = await call(project, 'claims.create', {
      text: 'B tagged Rice',
      tagIds: [rice.id, other.id]
    })
    const c = await call(project, 'claims.create', { text: 'C tagged Other', tagIds: [other.id] })

    const tagged = records(
      (await exportCsv(project, { what: 'claims', scope: { type: 'tag', tagId: trade.id } })).text
    )
    expect(tagged.map((row) => row.text).sort()).toEqual(['A tagged Trade', 'B tagged Rice'])
    expect(tagged.find((row) => row.id === b.id)?.tags).toBe('Other; Trade / Rice')

    const selected = records(
      (await exportCsv(project, { what: 'claims', scope: { type: 'ids', ids: [c.id, a.id] } })).text
    )
    expect(selected.map((row) => row.id).sort()).toEqual([a.id, c.id].sort())

    const view = records(
      (
        await exportCsv(project, {
          what: 'claims',
          scope: { type: 'claims', filter: { ids: [b.id] } }
        })
      ).text
    )
    expect(view.map((row) => row.id)).toEqual([b.id])

    const unknown = await project.invoke('export.start', {
      what: 'claims',
      scope: { type: 'tag', tagId: '00000000-0000-4000-8000-000000000000' }
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(fs.readdirSync(exportRoot)).toEqual([])
  })

  it('names the file after the project, the records and the day', () => {
    const day = new Date('2024-05-01T10:00:00Z')
    expect(exportFileName('/x/Gulf trade.attest', 'claims', day)).toBe(
      'Gulf-trade-claims-2024-05-01.csv'
    )
    expect(exportFileName('/x/Hà Nội: ?*.attest', 'tags', day)).toBe('Hà-Nội-tags-2024-05-01.csv')
    expect(exportFileName('/x/.attest', 'sources', day)).toBe('sources-2024-05-01.csv')
  })
})

describe('CSV export of sources, citations and tags', () => {
  it('writes each with its own columns, counting only live records', async () => {
    const project = await tempProject()
    const tag = await call(project, 'tags.create', { name: 'Wire' })
    const wire = await call(project, 'sources.create', {
      title: 'Trade wire',
      url: 'https://example.org/a',
      reliability: 'B',
      content: 'Exports to Japan rose 12 per cent. Officials declined to comment.'
    })
    const blog = await call(project, 'sources.create', { title: 'A blog', content: 'Rumours.' })
    await call(project, 'sources.tag', { ids: [wire.id], tagId: tag.id, tagged: true })
    const claim = await call(project, 'claims.create', { text: 'Exports rose 12%' })
    const gone = await call(project, 'claims.create', { text: 'Trashed claim' })
    cite(project, claim.id, wire.id, 'Exports to Japan rose 12 per cent.', { locator: 'para. 1' })
    cite(project, claim.id, blog.id, 'Rumours.', { stance: 'mentions' })
    cite(project, gone.id, wire.id, 'Officials declined to comment.', { stance: 'contradicts' })
    await call(project, 'claims.delete', { ids: [gone.id] })

    const sources = records(
      (await exportCsv(project, { what: 'sources', delimiter: ';' })).text,
      ';'
    )
    expect(Object.keys(sources[0] ?? {})).toEqual(CSV_HEADERS.sources)
    expect(sources.find((row) => row.id === wire.id)).toMatchObject({
      title: 'Trade wire',
      reliability: 'B',
      tags: 'Wire',
      claim_count: '1',
      citation_count: '1'
    })

    const claims = records((await exportCsv(project, { what: 'claims' })).text)
    expect(claims).toEqual([
      expect.objectContaining({
        text: 'Exports rose 12%',
        sources: 'A blog; Trade wire',
        citation_count: '2'
      })
    ])

    const citations = records((await exportCsv(project, { what: 'citations' })).text)
    expect(Object.keys(citations[0] ?? {})).toEqual(CSV_HEADERS.citations)
    expect(citations.map((row) => [row.source_title, row.quote, row.stance, row.locator])).toEqual([
      ['A blog', 'Rumours.', 'mentions', ''],
      ['Trade wire', 'Exports to Japan rose 12 per cent.', 'supports', 'para. 1']
    ])
    expect(citations[1]).toMatchObject({ claim_id: claim.id, source_reliability: 'B' })

    const ofSource = records(
      (
        await exportCsv(project, {
          what: 'citations',
          scope: { type: 'sources', filter: { ids: [blog.id] } }
        })
      ).text
    )
    expect(ofSource.map((row) => row.quote)).toEqual(['Rumours.'])

    const citedSources = records(
      (
        await exportCsv(project, {
          what: 'sources',
          scope: { type: 'claims', filter: { query: 'exports' } }
        })
      ).text
    )
    expect(citedSources.map((row) => row.title).sort()).toEqual(['A blog', 'Trade wire'])

    const tags = records((await exportCsv(project, { what: 'tags', bom: false })).text)
    expect(tags).toEqual([
      expect.objectContaining({ path: 'Wire', name: 'Wire', claim_count: '0', source_count: '1' })
    ])
  })
})

describe('export jobs', () => {
  it('answer status while running and report progress', async () => {
    const project = await tempProject()
    bulkClaims(project, 30_000)
    const started = await call(project, 'export.start', { what: 'claims' })
    expect(started.total).toBe(30_000)
    const seen: number[] = []
    let status = await call(project, 'export.status', { jobId: started.jobId })
    while (status.state === 'running') {
      seen.push(status.rows)
      await new Promise((resolve) => setTimeout(resolve, 2))
      status = await call(project, 'export.status', { jobId: started.jobId })
    }
    expect(status).toMatchObject({ state: 'done', rows: 30_000, total: 30_000 })
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.some((rows) => rows > 0 && rows < 30_000)).toBe(true)
    const file = await call(project, 'export.file', { jobId: started.jobId })
    const lines = fs.readFileSync(file.path, 'utf8').split('\r\n')
    expect(lines).toHaveLength(30_002)
    await call(project, 'export.release', { jobId: started.jobId })
    expect(fs.readdirSync(exportRoot)).toEqual([])
  })

  it('leave nothing behind when cancelled', async () => {
    const project = await tempProject()
    bulkClaims(project, 40_000)
    const { jobId } = await call(project, 'export.start', { what: 'claims' })
    let status = await call(project, 'export.status', { jobId })
    while (status.rows === 0 && status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 1))
      status = await call(project, 'export.status', { jobId })
    }
    expect(status.state).toBe('running')
    expect(fs.readdirSync(exportRoot)).toHaveLength(1)
    await call(project, 'export.cancel', { jobId })
    const final = await waitForJob(project, jobId)
    expect(final.state).toBe('cancelled')
    expect(final.rows).toBeLessThan(40_000)
    expect(fs.readdirSync(exportRoot)).toEqual([])
    const file = await project.invoke('export.file', { jobId })
    expect(file).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('leave nothing behind when the project closes mid-export', async () => {
    const project = await tempProject()
    bulkClaims(project, 40_000)
    const { jobId } = await call(project, 'export.start', { what: 'claims' })
    let status = await call(project, 'export.status', { jobId })
    while (status.rows === 0) {
      await new Promise((resolve) => setTimeout(resolve, 1))
      status = await call(project, 'export.status', { jobId })
    }
    await project.close()
    await vi.waitFor(() => expect(fs.readdirSync(exportRoot)).toEqual([]), { timeout: 2000 })
  })

  it('refuse a finished file before it is done and forget released jobs', async () => {
    const project = await tempProject()
    bulkClaims(project, 20_000)
    const { jobId } = await call(project, 'export.start', { what: 'claims' })
    const early = await project.invoke('export.file', { jobId })
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await call(project, 'export.release', { jobId })).toEqual({ released: true })
    const gone = await project.invoke('export.status', { jobId })
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(fs.readdirSync(exportRoot)).toEqual([])
    const bad = await project.invoke('export.start', { what: 'notes' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('export folder', () => {
  it('is the OS temp folder unless ATTEST_TMPDIR says otherwise', () => {
    expect(path.resolve(exportRoot)).toBe(path.resolve(process.env.ATTEST_TMPDIR ?? ''))
  })
})
