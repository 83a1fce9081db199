import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { cslDate, languageCode } from '../../src/server/import/references'
import { tempProject } from './helpers/tempProject'

// Reference files written by us in the shapes Zotero and BibLaTeX write them.
const FIXTURES = path.join(__dirname, '../fixtures/references')
const base64 = (name: string) => fs.readFileSync(path.join(FIXTURES, name)).toString('base64')

type Project = Awaited<ReturnType<typeof tempProject>>

function prepare(project: Project, name: string, data = base64(name)) {
  return call(project, 'references.prepare', { fileName: name, dataBase64: data })
}

describe('reference files', () => {
  it('reads every RIS record, with dates normalised and news reporters as authors', async () => {
    const project = await tempProject()
    const { format, drafts } = await prepare(project, 'zotero.ris')
    expect(format).toBe('ris')
    expect(drafts).toHaveLength(3)
    const [news, article, report] = drafts
    expect(news).toMatchObject({
      title: 'Ferry traffic resumes after the autumn storm',
      author: 'Ingrid Solberg; Per Haugen',
      publisher: 'Kystavisa',
      publishedAt: '2025-11-03',
      url: 'https://kystavisa.example/ferry-traffic',
      language: 'nb',
      format: 'reference',
      duplicateOf: null
    })
    expect(news?.content).toBe(
      'Ferry crossings on the western route restarted on Monday morning after two days of closures.'
    )
    expect(article).toMatchObject({
      title: 'Port throughput in small coastal towns',
      author: 'Thị Lan Nguyễn',
      publisher: 'Journal of Maritime Statistics',
      publishedAt: '2024-06',
      url: 'https://doi.org/10.5555/jms.2024.17',
      language: 'en'
    })
    // No abstract: the content is the citation line, so the source has text to cite.
    expect(article?.content).toContain('DOI: 10.5555/jms.2024.17')
    // A year alone is not a date a source can hold.
    expect(report).toMatchObject({
      title: 'Annual fisheries outlook',
      publisher: 'Fisheries Directorate',
      publishedAt: null,
      url: 'https://fisk.example/outlook-2023'
    })
  })

  it('reads BibLaTeX entries: LaTeX accents, braces, langid names and journaltitle', async () => {
    const project = await tempProject()
    const { format, drafts } = await prepare(project, 'library.bib')
    expect(format).toBe('bibtex')
    expect(drafts.map((d) => d.title)).toEqual([
      'Die Energiewende in Kleinstädten',
      'Harbours of the Inland Sea'
    ])
    expect(drafts[0]).toMatchObject({
      author: 'Jürgen Weber; Anna Schmidt',
      publisher: 'Zeitschrift für Stadtforschung',
      publishedAt: '2024-03-15',
      url: 'https://doi.org/10.5555/zfs.2024.3',
      language: 'de',
      content: 'Die Studie vergleicht den Ausbau von Solaranlagen in zwölf Kleinstädten.'
    })
    expect(drafts[1]).toMatchObject({
      author: 'Hiroshi Tanaka',
      publisher: 'Setouchi Press',
      publishedAt: '2022-09',
      url: 'https://setouchi.example/harbours',
      language: 'en'
    })
  })

  it('reads CSL-JSON as Zotero exports it', async () => {
    const project = await tempProject()
    const { format, drafts } = await prepare(project, 'items.json')
    expect(format).toBe('csl')
    expect(drafts[0]).toMatchObject({
      title: 'City council approves the new tram line',
      author: 'Maja Lindqvist',
      publisher: 'Morning Ledger',
      publishedAt: '2025-10-07',
      language: 'en-GB'
    })
    expect(drafts[1]).toMatchObject({
      author: 'Environment Agency',
      publisher: 'Environment Agency',
      publishedAt: '2021-02',
      url: 'https://doi.org/10.5555/ea.2021.2'
    })
  })

  it('refuses files with no records with a sentence, and stores nothing', async () => {
    const project = await tempProject()
    await expect(prepare(project, 'empty.ris')).rejects.toThrow(
      '“empty.ris” is a RIS file with no records'
    )
    const b64 = (text: string) => Buffer.from(text).toString('base64')
    await expect(prepare(project, 'x.bib', b64('% only a comment\n'))).rejects.toThrow(
      'is a BibTeX file with no entries'
    )
    await expect(prepare(project, 'x.json', b64('{"title": 1'))).rejects.toThrow(
      'is not valid JSON'
    )
    await expect(prepare(project, 'x.json', b64('[{"name": "not csl"}]'))).rejects.toThrow(
      'is JSON but not CSL-JSON'
    )
    await expect(prepare(project, 'x.ris', b64(''))).rejects.toThrow('is an empty RIS file')
    expect((await call(project, 'stats', {})).sources).toBe(0)
  })

  it('normalises raw dates and language names', () => {
    expect(cslDate({ raw: '2025/11/03' })).toBe('2025-11-03')
    expect(cslDate({ raw: '2025/11//' })).toBe('2025-11')
    expect(cslDate({ raw: '2025/02/30' })).toBe('2025-02')
    expect(cslDate({ raw: '2025' })).toBeNull()
    expect(cslDate({ 'date-parts': [[2024, 13]] })).toBeNull()
    expect(languageCode('ngerman')).toBe('de')
    expect(languageCode('EN_us')).toBe('en-us')
    expect(languageCode('Klingon')).toBeNull()
  })
})
