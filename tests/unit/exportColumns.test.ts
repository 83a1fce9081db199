import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { exportCsv } from './helpers/exportFixture'
import { tempProject } from './helpers/tempProject'

let exportRoot = ''
beforeAll(() => {
  exportRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-export-columns-'))
  process.env.ATTEST_TMPDIR = exportRoot
})
afterAll(() => fs.rmSync(exportRoot, { recursive: true, force: true }))

function records(text: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parse(text, {
    bom: true,
    record_delimiter: ['\r\n']
  }) as string[][]
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])))
}

async function project() {
  const core = await tempProject()
  const report = await call(core, 'sources.create', {
    title: 'A report',
    url: 'https://example.org/report?a=1&b=2',
    publishedAt: '2026-03-14',
    content: 'The ferry carried 310,000 passengers in 2025.'
  })
  const post = await call(core, 'sources.create', {
    title: 'B post',
    url: 'https://example.de/b-post',
    publishedAt: '2026-03-15',
    content: 'Nur 290 000 Passagiere.'
  })
  const claim = await call(core, 'claims.create', { text: 'The ferry carried 310,000.' })
  const other = await call(core, 'claims.create', { text: '@SUM(1) Hà Nội 東京 \u202eevil' })
  await call(core, 'citations.create', { claimId: claim.id, sourceId: report.id, start: 0, end: 9 })
  await call(core, 'citations.create', { claimId: claim.id, sourceId: post.id, start: 0, end: 3 })
  await call(core, 'notes.create', { targetKind: 'claim', targetId: claim.id, body: 'First note' })
  await call(core, 'notes.create', {
    targetKind: 'claim',
    targetId: claim.id,
    body: '=cmd|"/c calc"!A1'
  })
  await call(core, 'relations.create', {
    fromClaimId: other.id,
    toClaimId: claim.id,
    kind: 'contradicts'
  })
  return { core, claim, other }
}

describe('CSV columns analysts asked for', () => {
  it('gives each claim its notes, relations and its sources’ URLs and dates', async () => {
    const { core, claim, other } = await project()
    const { text } = await exportCsv(core, { what: 'claims', bom: false })
    const rows = records(text)
    const row = rows.find((entry) => entry.id === claim.id)
    expect(row?.notes).toBe('First note\n=cmd|"/c calc"!A1')
    expect(row?.relations).toBe(`contradicts (by) ${other.id}: @SUM(1) Hà Nội 東京 \u202eevil`)
    expect(row?.sources).toBe('A report; B post')
    expect(row?.source_urls).toBe('https://example.org/report?a=1&b=2; https://example.de/b-post')
    expect(row?.source_published_at).toBe('2026-03-14; 2026-03-15')
    const back = rows.find((entry) => entry.id === other.id)
    // A cell that starts a formula is neutralised, whichever column it is in.
    expect(back?.relations).toBe(`contradicts ${claim.id}: The ferry carried 310,000.`)
    expect(back?.text).toBe("'@SUM(1) Hà Nội 東京 \u202eevil")
  })

  it('neutralises formulas in the new columns, and gives citations their source URL and date', async () => {
    const { core, claim } = await project()
    await call(core, 'notes.create', { targetKind: 'claim', targetId: claim.id, body: 'x' })
    const other = await tempProject()
    const lone = await call(other, 'claims.create', { text: 'Lone' })
    await call(other, 'notes.create', { targetKind: 'claim', targetId: lone.id, body: '+1 rise' })
    const [loneRow] = records((await exportCsv(other, { what: 'claims', bom: false })).text)
    expect(loneRow?.notes).toBe("'+1 rise")
    expect(loneRow?.relations).toBe('')
    expect(loneRow?.source_urls).toBe('')

    const citations = records((await exportCsv(core, { what: 'citations', bom: false })).text)
    expect(citations.map((entry) => [entry.source_url, entry.source_published_at]).sort()).toEqual([
      ['https://example.de/b-post', '2026-03-15'],
      ['https://example.org/report?a=1&b=2', '2026-03-14']
    ])
  })
})
