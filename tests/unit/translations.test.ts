import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

const GERMAN =
  'Das bilaterale Handelsvolumen erreichte in den ersten zehn Monaten 42,5 Milliarden US-Dollar.'
const ENGLISH = 'Bilateral trade reached 42.5 billion US dollars in the first ten months.'

async function germanCitation() {
  const project = await tempProject()
  const source = await call(project, 'sources.create', {
    title: 'Handel mit Japan',
    language: 'de',
    content: `Einleitung. ${GERMAN} Schluss.`
  })
  const claim = await call(project, 'claims.create', {
    text: 'Trade was 42.5 billion USD in the first ten months.'
  })
  const start = `Einleitung. `.length
  const citation = await call(project, 'citations.create', {
    claimId: claim.id,
    sourceId: source.id,
    start,
    end: start + GERMAN.length,
    translation: ENGLISH
  })
  return { project, claim, citation }
}

describe("a citation's translation", () => {
  it('is kept beside the original quote, edited and undone like any edit', async () => {
    const { project, citation } = await germanCitation()
    expect(citation.quote).toBe(GERMAN)
    expect(citation.translation).toBe(ENGLISH)
    const edited = await call(project, 'citations.update', {
      id: citation.id,
      changes: { translation: '  Trade reached 42.5 bn USD in ten months.  ' }
    })
    expect(edited.translation).toBe('Trade reached 42.5 bn USD in ten months.')
    expect(edited.quote).toBe(GERMAN)
    await call(project, 'history.undo', {})
    const [back] = await call(project, 'citations.list', { claimId: citation.claimId })
    expect(back?.translation).toBe(ENGLISH)
    const cleared = await call(project, 'citations.update', {
      id: citation.id,
      changes: { translation: '' }
    })
    expect(cleared.translation).toBeNull()
  })

  it('refuses a translation longer than 20,000 characters, with a sentence', async () => {
    const { project, citation } = await germanCitation()
    await expect(
      call(project, 'citations.update', {
        id: citation.id,
        changes: { translation: 'x'.repeat(20_001) }
      })
    ).rejects.toThrow(/translation/i)
  })

  it('is printed beneath the quote in the PDF and the Word briefing', async () => {
    const { project } = await germanCitation()
    const briefing = await call(project, 'briefing.html', { title: 'Trade', fonts: 'none' })
    const quoteAt = briefing.html.indexOf(`“${GERMAN}”`)
    const translationAt = briefing.html.indexOf(
      `<div class="en-translation" lang="en" data-language="English">${ENGLISH}</div>`
    )
    expect(quoteAt).toBeGreaterThan(0)
    expect(translationAt).toBeGreaterThan(quoteAt)
    const docx = await call(project, 'briefing.docx', { title: 'Trade' })
    const zip = await JSZip.loadAsync(Buffer.from(docx.dataBase64, 'base64'))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(xml.indexOf(ENGLISH)).toBeGreaterThan(xml.indexOf(GERMAN))
  })
})
