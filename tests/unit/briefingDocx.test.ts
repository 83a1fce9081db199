import { DOMParser } from '@xmldom/xmldom'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { SCRIPT_CLAIM, seedBriefingProject } from './helpers/briefingProject'
import { cite } from './helpers/exportFixture'
import { tempProject } from './helpers/tempProject'

/** The text of a .docx as Word reads it: the paragraphs of word/document.xml, in order. */
async function docxParagraphs(base64: string): Promise<{ xml: string; paragraphs: string[] }> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  const errors: string[] = []
  const doc = new DOMParser({
    errorHandler: {
      error: (message: string) => errors.push(message),
      fatalError: (message: string) => errors.push(message)
    }
  }).parseFromString(xml, 'application/xml')
  expect(errors).toEqual([])
  const paragraphs = Array.from(doc.getElementsByTagName('w:p')).map((p) =>
    Array.from(p.getElementsByTagName('w:t'))
      .map((t) => t.textContent ?? '')
      .join('')
  )
  return { xml, paragraphs }
}

describe('briefing.docx', () => {
  it('writes the briefing as an editable Word document, bottom line first', async () => {
    const project = await tempProject()
    const seeded = await seedBriefingProject(project)
    const judgement = await call(project, 'claims.create', {
      text: 'Bilateral trade reached 50 billion USD in 2025.',
      status: 'contested',
      credibility: 3
    })
    const other = await call(project, 'claims.create', {
      text: 'Bilateral trade was 42.5 billion USD in the first ten months of 2025.',
      status: 'unverified',
      credibility: 2
    })
    const [wire] = seeded.sources
    cite(project, other.id, wire!.id, 'Exports to Japan reached US$5.9 billion')
    await call(project, 'relations.create', {
      fromClaimId: judgement.id,
      toClaimId: other.id,
      kind: 'contradicts'
    })
    const docx = await call(project, 'briefing.docx', {
      title: 'Viet Nam trade: first quarter',
      author: 'Asia desk',
      classification: 'Official-Sensitive',
      audience: 'Trade ministry',
      bottomLine: 'Trade is growing, but the sources disagree on by how much.',
      judgements: [
        { text: 'Exports to Japan will keep rising.', confidence: 'likely', claimIds: [] }
      ],
      groupBy: 'tag'
    })
    expect(docx).toMatchObject({
      claims: 6,
      sources: 3,
      fileName: 'Viet Nam trade first quarter.docx'
    })
    expect(docx.bytes).toBe(Buffer.from(docx.dataBase64, 'base64').byteLength)
    const { xml, paragraphs } = await docxParagraphs(docx.dataBase64)
    const at = (text: string): number => paragraphs.findIndex((p) => p.includes(text))
    expect(at('Viet Nam trade: first quarter')).toBeGreaterThanOrEqual(0)
    expect(at('Prepared by: Asia desk')).toBeGreaterThan(0)
    expect(at('For: Trade ministry')).toBeGreaterThan(0)
    // The conclusion comes before the evidence: the section headings, in this order.
    const headings = ['Bottom line', 'Key judgements', 'Disagreements', 'Claims', 'Sources']
    const order = headings.map((heading) => paragraphs.indexOf(heading))
    expect(order.every((index) => index > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(paragraphs).toContain('1. likely Exports to Japan will keep rising.')
    // The contradicting pair side by side: one table row holding both claims and the quote.
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'))
    expect(table).toContain('Bilateral trade reached 50 billion USD in 2025.')
    expect(table).toContain('Bilateral trade was 42.5 billion USD in the first ten months')
    expect(table).toContain('“Exports to Japan reached US$5.9 billion”')
    // The claim contradicted on the left, the one contradicting it on the right.
    expect(table.indexOf('42.5 billion')).toBeLessThan(table.indexOf('reached 50 billion'))
    // Markup from a claim is text, never XML.
    expect(paragraphs.some((p) => p.includes(SCRIPT_CLAIM))).toBe(true)
    expect(xml).not.toContain('<script>')
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(paragraphs.indexOf('Grading key')).toBeGreaterThan(paragraphs.indexOf('Sources'))
  })

  it('keeps Vietnamese, Japanese, RTL overrides, XML specials and a 10,000-character quote', async () => {
    const project = await tempProject()
    const source = await call(project, 'sources.create', {
      title: 'Quan hệ Việt Nam – Nhật Bản & 日越関係 <b>',
      content: 'x'.repeat(10)
    })
    const long = `${'Kim ngạch thương mại 貿易額 '.repeat(400)}`.slice(0, 10_000)
    const claim = await call(project, 'claims.create', {
      text: 'Thương mại song phương đạt 50 tỷ USD; 両国の貿易は500億ドル \u202eevil\u202c & "quotes" ]]>',
      status: 'unverified'
    })
    cite(project, claim.id, source.id, long)
    const docx = await call(project, 'briefing.docx', { title: 'Unicode & <markup>' })
    const { paragraphs } = await docxParagraphs(docx.dataBase64)
    expect(paragraphs.some((p) => p.includes(`“${long}”`))).toBe(true)
    expect(
      paragraphs.some((p) =>
        p.includes(
          'Thương mại song phương đạt 50 tỷ USD; 両国の貿易は500億ドル \u202eevil\u202c & "quotes" ]]>'
        )
      )
    ).toBe(true)
    expect(paragraphs.some((p) => p.includes('Quan hệ Việt Nam – Nhật Bản & 日越関係 <b>'))).toBe(
      true
    )
    expect(paragraphs).toContain('Unicode & <markup>')
  })
})
