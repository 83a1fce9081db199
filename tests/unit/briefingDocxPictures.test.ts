import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

// The smallest PNG there is (1×1), standing in for a front door's picture of a drawing.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='

async function datedProject() {
  const project = await tempProject()
  const tag = await call(project, 'tags.create', { name: '<b>Häfen<b> & 港' })
  for (const [i, date] of ['2025-01-10', '2025-03', '2025-06-15'].entries()) {
    await call(project, 'claims.create', {
      text: `Claim ${i} <script>x</script> Hà Nội`,
      eventDate: date,
      credibility: ([1, 2, 3] as const)[i],
      tagIds: [tag.id]
    })
  }
  return project
}

describe('the Word briefing’s drawings', () => {
  it('are given as well-formed SVG, and go into the document as SVG with its PNG', async () => {
    const project = await datedProject()
    const { drawings } = await call(project, 'briefing.drawings', { title: 'T', fonts: 'none' })
    expect(drawings.map((drawing) => drawing.key)).toEqual(['status', 'credibility', 'timeline'])
    for (const drawing of drawings) {
      expect(drawing.svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
      expect(drawing.svg).not.toContain('<script>')
      expect(drawing.svg).not.toContain('<b>')
    }
    expect(drawings[0]?.svg).toContain('&lt;b&gt;Häfen&lt;b&gt; &amp; 港')

    const docx = await call(project, 'briefing.docx', {
      title: 'T',
      pictures: drawings.map((drawing) => ({ key: drawing.key, png: PNG }))
    })
    expect(docx.drawingsLeftOut).toBe(0)
    const zip = await JSZip.loadAsync(Buffer.from(docx.dataBase64, 'base64'))
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(3)
    // The one stand-in picture, given for all three, is stored once.
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(1)
    const svg =
      (await zip.file(media.find((name) => name.endsWith('.svg')) ?? '')?.async('string')) ?? ''
    expect(drawings.map((drawing) => drawing.svg)).toContain(svg)
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('Claims by status, per top-level tag')
    expect(xml).toContain('Timeline of dated claims')
    expect(xml).toContain('Claim 0 &lt;script&gt;x&lt;/script&gt; Hà Nội')
  })

  it('leaves a drawing out without its picture, keeping the timeline’s list', async () => {
    const project = await datedProject()
    const docx = await call(project, 'briefing.docx', { title: 'T' })
    expect(docx.drawingsLeftOut).toBe(3)
    const zip = await JSZip.loadAsync(Buffer.from(docx.dataBase64, 'base64'))
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(false)
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('Timeline')
    expect(xml).toContain('2025-03')
  })

  it('refuses a picture that is not a PNG, with a sentence', async () => {
    const project = await datedProject()
    const result = await project.invoke('briefing.docx', {
      title: 'T',
      pictures: [{ key: 'timeline', png: Buffer.from('<svg/>').toString('base64') }]
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/base64 PNG/)
  })
})
