import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { shiftLayout, pageAt, pageLocator } from '../../src/shared/pages'
import { runCli } from '../../src/server/cli'
import { tempDir, tempProject } from './helpers/tempProject'

// Fixtures written by us: make-pdf-fixtures.mjs prints our own HTML with Chromium,
// make-docx-fixtures.mjs writes the Word package part by part.
const FIXTURES = path.join(__dirname, '../fixtures/formats')
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name))
const base64 = (name: string) => fixture(name).toString('base64')

type Project = Awaited<ReturnType<typeof tempProject>>

async function prepare(project: Project, name: string) {
  return call(project, 'documents.prepare', { fileName: name, dataBase64: base64(name) })
}

async function importPdf(project: Project) {
  const draft = await prepare(project, 'report.pdf')
  const source = await call(project, 'sources.create', {
    title: draft.title,
    author: draft.author,
    publishedAt: draft.publishedAt,
    language: draft.language,
    content: draft.content,
    layout: draft.layout
  })
  return { draft, source }
}

describe('PDF reports', () => {
  it('reads the text in reading order, paragraphs rebuilt and hyphenated words joined', async () => {
    const project = await tempProject()
    const draft = await prepare(project, 'report.pdf')
    expect(draft.format).toBe('pdf')
    expect(draft.title).toBe('Semiconductor trade between Norway, Germany, Vietnam and Japan')
    const paragraphs = draft.content.split('\n\n')
    // The title's two lines are one paragraph; so is each body paragraph's set of lines.
    expect(paragraphs).toContain('Semiconductor trade between Norway, Germany, Vietnam and Japan')
    expect(paragraphs).toContain(
      'Handelskammeret mener likevel at tallene er usikre, fordi flere forsendelser ble registrert to ganger i tolldatabasen i september.'
    )
    // Words broken at a line end with a hyphen are whole again; no soft hyphen is left.
    expect(draft.content).toContain('Die Verbraucherschutzorganisation warnt')
    expect(draft.content).toContain('Donaudampfschiffahrtsgesellschaftskapitänsmütze')
    expect(draft.content).not.toMatch(/[\u00ad\u2010]/)
    // Ligatures are letters again; Vietnamese diacritics and Japanese text (not Kangxi
    // radicals) are kept.
    expect(draft.content).toContain('so that an analyst can compare them')
    expect(draft.content).toContain('flere arbeidsplasser i Trondheim')
    expect(draft.content).toContain('kim ngạch xuất khẩu linh kiện điện tử của Việt Nam')
    expect(draft.content).toContain('日本語')
    expect(draft.content).toContain('半導体製造装置の輸出額は前年同期比で約15%増加した。')
    expect(draft.content).not.toMatch(/[\u2f00-\u2fdf]/)
    // Headings come before their sections: reading order.
    const order = ['Norsk', 'Deutsch', 'Tiếng Việt', '日本語', 'Method'].map((h) =>
      paragraphs.indexOf(h)
    )
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true)
  })

  it('folds the running header and the page numbers as clutter and keeps every page start', async () => {
    const project = await tempProject()
    const draft = await prepare(project, 'report.pdf')
    const layout = draft.layout!
    expect(layout.pageStarts).toHaveLength(3)
    expect(layout.pageStarts[0]).toBe(0)
    const furniture = draft.clutter.filter((range) => range.reason === 'furniture')
    const texts = furniture.map((range) => draft.content.slice(range.start, range.end))
    expect(texts.filter((t) => t === 'Nordic–Asian Trade Review · Working paper 7')).toHaveLength(3)
    expect(texts.filter((t) => /^\d$/.test(t))).toEqual(['1', '2', '3'])
    // Each page starts with its running header.
    for (const start of layout.pageStarts) {
      expect(draft.content.slice(start)).toMatch(/^Nordic–Asian Trade Review/)
    }
    // The Vietnamese paragraph runs onto page 2.
    const onPage2 = draft.content.indexOf('doanh nghiệp ở Bắc Ninh')
    expect(pageAt(layout.pageStarts, onPage2)).toBe(2)
    expect(pageAt(layout.pageStarts, draft.content.indexOf('Ifølge departementet'))).toBe(1)
  })

  it('gives a citation in a PDF source its page by itself, and keeps pages through an edit', async () => {
    const project = await tempProject()
    const { source } = await importPdf(project)
    expect(source.layout?.pageStarts).toHaveLength(3)
    const quote = 'Note 5. Every figure above'
    const start = source.content.indexOf(quote)
    const { citation } = await call(project, 'claims.createFromSelection', {
      sourceId: source.id,
      start,
      end: start + quote.length
    })
    expect(citation.locator).toBe('p. 3')
    // A quote across the break between pages 1 and 2.
    const from = source.content.indexOf('Các')
    const to = source.content.indexOf('đáp ứng') + 7
    const claim = await call(project, 'claims.create', { text: 'Firms need engineers' })
    const across = await call(project, 'citations.create', {
      claimId: claim.id,
      sourceId: source.id,
      start: from,
      end: to
    })
    expect(across.locator).toBe('pp. 1–2')
    // A locator the analyst gives wins.
    const given = await call(project, 'citations.create', {
      claimId: claim.id,
      sourceId: source.id,
      start: from,
      end: to,
      locator: 'Table 2'
    })
    expect(given.locator).toBe('Table 2')
    // The reader's clutter has the furniture; correcting page 1 moves later pages with it.
    const clutter = await call(project, 'sources.clutter', { id: source.id })
    expect(clutter.filter((range) => range.reason === 'furniture')).toHaveLength(6)
    const corrected = source.content.replace(
      'Ifølge departementet',
      'Ifølge Nærings- og fiskeridepartementet'
    )
    await call(project, 'sources.update', { id: source.id, changes: { content: corrected } })
    const after = await call(project, 'sources.get', { id: source.id })
    const shift = 'Nærings- og fiskeri'.length
    expect(after.layout?.pageStarts).toEqual(
      source.layout!.pageStarts.map((s, i) => (i === 0 ? 0 : s + shift))
    )
    const third = corrected.indexOf('Note 6.')
    expect(pageLocator(after.layout!.pageStarts, third, third + 5)).toBe('p. 3')
  })

  it('refuses a scanned PDF and a password-protected one with a sentence', async () => {
    const project = await tempProject()
    await expect(prepare(project, 'scan.pdf')).rejects.toThrow(
      /“scan\.pdf” has no text layer \(it looks like a scan/
    )
    await expect(prepare(project, 'encrypted.pdf')).rejects.toThrow(
      /“encrypted\.pdf” is protected by a password/
    )
    const truncated = fixture('report.pdf').subarray(0, 2000).toString('base64')
    await expect(
      call(project, 'documents.prepare', { fileName: 'cut.pdf', dataBase64: truncated })
    ).rejects.toThrow(/“cut\.pdf” cannot be read as a PDF/)
  })
})

describe('Word documents', () => {
  it('keeps headings and lists, and reads title, author and date from the package', async () => {
    const project = await tempProject()
    const draft = await prepare(project, 'report.docx')
    expect(draft).toMatchObject({
      format: 'docx',
      title: 'Chip supply notes from four newsrooms',
      author: 'Ingrid Bakke',
      publishedAt: '2025-11-03',
      language: 'en',
      publisher: null,
      layout: null
    })
    const paragraphs = draft.content.split('\n\n')
    expect(paragraphs.slice(0, 4)).toEqual([
      'Chip supply notes from four newsrooms',
      'Summary',
      'This memo lists what four outlets reported about semiconductor trade in 2025, each in its own language, for the analysts who grade the claims.',
      'Figures as printed'
    ])
    expect(draft.content).toContain('• Norge: eksporten av komponenter økte med 12 prosent.')
    expect(draft.content).toContain('\u00a0\u00a0• Quelle: Pressemitteilung des Ministeriums.')
    expect(draft.content).toContain('• 日本：半導体製造装置の輸出額は約15%増加。')
    expect(draft.content).toContain(
      '1. Find a second outlet for the German figure.\n2. Ask the ministry for the Norwegian customs data.'
    )
  })

  it('refuses a damaged .docx with a sentence', async () => {
    const project = await tempProject()
    await expect(prepare(project, 'damaged.docx')).rejects.toThrow(
      /“damaged\.docx” cannot be read as a Word document \(it is not a complete ZIP package\)/
    )
    const notZip = Buffer.from('just some text').toString('base64')
    await expect(
      call(project, 'documents.prepare', { fileName: 'memo.docx', dataBase64: notZip })
    ).rejects.toThrow(/“memo\.docx” cannot be read as a Word document/)
  })
})

describe('attest import of PDF and Word files', () => {
  it('imports both as sources, the PDF with its pages', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'p.attest')
    const lines: string[] = []
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }
    expect(await runCli(['new', file], io)).toBe(0)
    const code = await runCli(
      ['import', file, path.join(FIXTURES, 'report.pdf'), path.join(FIXTURES, 'report.docx')],
      io
    )
    expect(code).toBe(0)
    expect(lines).toContain('2 of 2 documents imported')
    const failed = await runCli(['import', file, path.join(FIXTURES, 'scan.pdf')], io)
    expect(failed).toBe(1)
    expect(lines.some((l) => l.includes('“scan.pdf” has no text layer'))).toBe(true)
  })
})

describe('page layout helpers', () => {
  it('moves page starts after an edit and drops furniture the edit touched', () => {
    const before = 'aaaa\n\nHEAD\n\nbbbb'
    const after = 'aaXXaa\n\nHEAD\n\nbbbb'
    const layout = { pageStarts: [0, 6], furniture: [{ start: 6, end: 10 }] }
    expect(shiftLayout(layout, before, after)).toEqual({
      pageStarts: [0, 8],
      furniture: [{ start: 8, end: 12 }]
    })
    const cut = shiftLayout(layout, before, 'aaaa\n\nHE\n\nbbbb')
    expect(cut.furniture).toEqual([])
  })
})
