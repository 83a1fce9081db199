import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { briefingFileName } from '../../src/server/export/briefingData'
import {
  countPdfPages,
  createPlaywrightPrinter,
  findChromium,
  writePdfFile
} from '../../src/server/export/pdf'
import { MAX_BRIEFING_CLAIMS } from '../../src/shared/contractExports'
import { SCRIPT_CLAIM, seedBriefingProject } from './helpers/briefingProject'
import { bulkClaims } from './helpers/exportFixture'
import { tempDir, tempProject } from './helpers/tempProject'

const printer = createPlaywrightPrinter()
afterAll(() => printer.close())

const hasChromium = findChromium() !== null && fs.existsSync(findChromium() ?? '')
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

describe('briefing.html', () => {
  it('gathers the claims in scope with their evidence, and nothing trashed', async () => {
    const project = await tempProject()
    const seeded = await seedBriefingProject(project)
    const briefing = await call(project, 'briefing.html', {
      title: 'Viet Nam trade: first quarter',
      author: 'Asia desk',
      classification: 'Official-Sensitive',
      groupBy: 'tag',
      fonts: 'none'
    })
    expect(briefing).toMatchObject({
      claims: 4,
      sources: 3,
      citations: 4,
      fileName: 'Viet Nam trade first quarter.pdf',
      headerFooter: {
        headerLeft: 'Official-Sensitive',
        headerRight: 'Viet Nam trade: first quarter',
        footerLeft: 'Official-Sensitive'
      }
    })
    // Groups: Energy, Trade, Trade / Rice, Untagged.
    expect(briefing.groups).toBe(4)
    const html = briefing.html
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('withdrawn source')
    expect(html).not.toContain('A trashed claim')
    for (const source of seeded.sources) expect(html).toContain(source.title.replace("'", '&#39;'))
    expect(html).toContain('Customs data for March')
  })

  it('narrows to a tag, groups by status or source, and refuses unknown tags', async () => {
    const project = await tempProject()
    const seeded = await seedBriefingProject(project)
    const tagged = await call(project, 'briefing.html', {
      title: 'Trade',
      scope: { type: 'tag', tagId: seeded.tags.trade.id },
      groupBy: 'status',
      fonts: 'none'
    })
    expect(tagged).toMatchObject({ claims: 3, groups: 3 })
    expect(tagged.html).toContain('Claims tagged “Trade”, sub-tags included')

    const bySource = await call(project, 'briefing.html', {
      title: 'By source',
      scope: { type: 'claims', filter: { query: 'japan' } },
      groupBy: 'source',
      fonts: 'none'
    })
    expect(bySource).toMatchObject({ claims: 2, sources: 2, groups: 2 })
    expect(bySource.html).toContain('Claims matching “japan”')

    const unknown = await project.invoke('briefing.html', {
      title: 'x',
      scope: { type: 'tag', tagId: '00000000-0000-4000-8000-000000000000' }
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const untitled = await project.invoke('briefing.html', { title: '   ' })
    expect(untitled).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('refuses a scope too large to read', async () => {
    const project = await tempProject()
    bulkClaims(project, MAX_BRIEFING_CLAIMS + 1)
    const result = await project.invoke('briefing.html', { title: 'Everything' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(result.ok ? '' : result.error.message).toMatch(/at most 2,000 claims.*2,001/)
  })

  it('embeds only the font subsets the text needs when asked for inline fonts', async () => {
    const project = await tempProject()
    await seedBriefingProject(project)
    const inline = await call(project, 'briefing.html', { title: 'Inline', fonts: 'inline' })
    expect(inline.html).toContain('data:font/woff2;base64,')
    expect(inline.html).not.toContain('file://')
    const file = await call(project, 'briefing.html', { title: 'File' })
    expect(file.html).toContain('file://')
  })

  it('names the PDF after the title', () => {
    expect(briefingFileName('Gulf trade / Q1: "draft"')).toBe('Gulf trade Q1 draft.pdf')
    expect(briefingFileName('...')).toBe('Briefing.pdf')
  })
})

describe.skipIf(!hasChromium)('briefing PDF', () => {
  it('shows every claim, quote and source, and script text literally', async () => {
    const project = await tempProject()
    const seeded = await seedBriefingProject(project)
    const briefing = await call(project, 'briefing.html', {
      title: 'Viet Nam trade: first quarter',
      author: 'Asia desk',
      classification: 'Official-Sensitive'
    })
    const pdf = await printer.printHtml(briefing.html, briefing.headerFooter)
    const file = path.join(tempDir(), 'briefing.pdf')
    await writePdfFile(file, pdf)
    const text = squash(
      execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    )
    for (const claim of seeded.claims) expect(text).toContain(squash(claim.text))
    for (const quote of seeded.quotes) expect(text).toContain(squash(quote))
    for (const source of seeded.sources) expect(text).toContain(squash(source.title))
    expect(text).toContain(SCRIPT_CLAIM)
    expect(text).not.toContain('withdrawn source')
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(countPdfPages(pdf)).toBe(pages)
  })

  it('is a tagged PDF whose bookmarks are its section headings', async () => {
    const project = await tempProject()
    const seeded = await seedBriefingProject(project)
    await call(project, 'relations.create', {
      fromClaimId: seeded.claims[1]!.id,
      toClaimId: seeded.claims[0]!.id,
      kind: 'contradicts'
    })
    const briefing = await call(project, 'briefing.html', {
      title: 'Viet Nam trade: first quarter',
      bottomLine: 'Exports grow; the rice figures disagree.'
    })
    const pdf = await printer.printHtml(briefing.html, briefing.headerFooter)
    const file = path.join(tempDir(), 'tagged.pdf')
    await writePdfFile(file, pdf)
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false })
      .promise
    type Entry = { title: string; items: Entry[] }
    const titles = (entries: Entry[] | null): string[] =>
      (entries ?? []).flatMap((entry) => [entry.title, ...titles(entry.items)])
    const outline = titles((await doc.getOutline()) as Entry[] | null)
    await doc.destroy()
    for (const heading of ['Bottom line', 'Disagreements', 'Timeline', 'Sources']) {
      expect(outline).toContain(heading)
    }
    expect(outline.indexOf('Bottom line')).toBeLessThan(outline.indexOf('Disagreements'))
  })
})
