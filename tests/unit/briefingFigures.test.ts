import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

// Written for this test: a ferry line reported in English and in Norwegian, with passenger
// counts that do not agree, and a third report that no claim cites.
const FERRY_EN =
  'The ferry line between the mainland and Moskenes carried 310,000 passengers in 2025, the operator said on Tuesday.'
const FERRY_NB =
  'Fergeruten mellom Bodø og Moskenes fraktet 290 000 passasjerer i 2025, opplyser rederiet.'
const FERRY_OTHER =
  'The Moskenes ferry line carried 350,000 passengers in 2025, according to the harbour office.'
const NB_TRANSLATION =
  'The ferry line between Bodø and Moskenes carried 290,000 passengers in 2025, the operator says.'

async function ferryProject() {
  const project = await tempProject()
  const en = await call(project, 'sources.create', {
    title: 'New ferry line',
    publisher: 'Coast News',
    language: 'en',
    publishedAt: '2026-03-14',
    reliability: 'B',
    content: FERRY_EN
  })
  const nb = await call(project, 'sources.create', {
    title: 'Ny fergerute',
    publisher: 'Nordlandsposten',
    language: 'nb',
    publishedAt: '2026-03-15',
    reliability: 'C',
    content: FERRY_NB
  })
  await call(project, 'sources.create', {
    title: 'Harbour office figures',
    language: 'en',
    publishedAt: '2026-03-16',
    content: FERRY_OTHER
  })
  const enClaim = await call(project, 'claims.create', {
    text: 'The ferry carried 310,000 passengers in 2025.',
    credibility: 2
  })
  const nbClaim = await call(project, 'claims.create', {
    text: 'The ferry carried 290,000 passengers in 2025.',
    credibility: 3
  })
  await call(project, 'citations.create', {
    claimId: enClaim.id,
    sourceId: en.id,
    start: 0,
    end: FERRY_EN.length
  })
  await call(project, 'citations.create', {
    claimId: nbClaim.id,
    sourceId: nb.id,
    start: 0,
    end: FERRY_NB.length,
    translation: NB_TRANSLATION
  })
  return { project, en, nb, enClaim, nbClaim }
}

const OPTIONS = { title: 'Ferry traffic', fonts: 'none' } as const

function disagreementsOf(html: string): string {
  const start = html.indexOf('<section class="disagreements">')
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start))
}

describe('figures that disagree, in the briefing', () => {
  it('prints the finder’s conflict side by side: both sentences, the translation, source, date, grade', async () => {
    const { project } = await ferryProject()
    const { html } = await call(project, 'briefing.html', OPTIONS)
    const section = disagreementsOf(html)
    expect(section).toContain('Figures that disagree')
    expect(section).toContain('<mark class="dis-figure">310,000 passengers</mark>')
    expect(section).toContain('<mark class="dis-figure">290 000 passasjerer</mark>')
    expect(section).toContain(
      `<span class="dis-translation" lang="en" data-language="English">${NB_TRANSLATION}</span>`
    )
    expect(section).toContain('Coast News, 2026-03-14')
    expect(section).toContain('Nordlandsposten, 2026-03-15')
    // Source reliability with the credibility of the claim that quotes the passage.
    expect(section).toContain('<span class="grade">B2</span>')
    expect(section).toContain('<span class="grade">C3</span>')
    expect(section).toContain('310,000 passengers vs 290,000 passasjerer')
    // The harbour office is cited by no claim in scope: it is not compared.
    expect(section).not.toContain('350,000')
  })

  it('says when the two reports are of one origin: a translation that disagrees with its original', async () => {
    const { project, en, nb } = await ferryProject()
    await call(project, 'sources.update', { id: nb.id, changes: { originId: en.id } })
    const section = disagreementsOf((await call(project, 'briefing.html', OPTIONS)).html)
    expect(section).toContain('310,000 passengers vs 290,000 passasjerer')
    expect(section).toMatch(/same origin/)
  })

  it('leaves out a pair already shown as two contradicting claims, and all of them when asked', async () => {
    const { project, enClaim, nbClaim } = await ferryProject()
    await call(project, 'relations.create', {
      fromClaimId: nbClaim.id,
      toClaimId: enClaim.id,
      kind: 'contradicts'
    })
    const related = disagreementsOf((await call(project, 'briefing.html', OPTIONS)).html)
    expect(related).toContain('Contradicted by')
    expect(related).not.toContain('Figures that disagree')

    const { project: other } = await ferryProject()
    const off = await call(other, 'briefing.html', {
      ...OPTIONS,
      include: { figureConflicts: false }
    })
    expect(disagreementsOf(off.html)).toBe('')
  })

  it('compares only sources cited by claims in the briefing’s scope', async () => {
    const { project, enClaim } = await ferryProject()
    const { html } = await call(project, 'briefing.html', {
      ...OPTIONS,
      scope: { type: 'ids', ids: [enClaim.id] }
    })
    expect(disagreementsOf(html)).toBe('')
  })

  it('escapes what the sources say, and writes the same pair in the Word table', async () => {
    const project = await tempProject()
    const hostile = `<script>alert(1)</script> & \u202Eevil 東京 Hà Nội: 310,000 passengers in 2025 took the Moskenes ferry line.`
    const a = await call(project, 'sources.create', {
      title: 'A & <b>',
      language: 'en',
      publishedAt: '2026-03-14',
      content: hostile
    })
    const b = await call(project, 'sources.create', {
      title: 'B',
      language: 'nb',
      publishedAt: '2026-03-15',
      content: FERRY_NB
    })
    for (const [source, text, length] of [
      [a, 'One', hostile.length],
      [b, 'Two', FERRY_NB.length]
    ] as const) {
      const claim = await call(project, 'claims.create', { text })
      await call(project, 'citations.create', {
        claimId: claim.id,
        sourceId: source.id,
        start: 0,
        end: length,
        translation: source === b ? NB_TRANSLATION : undefined
      })
    }
    const { html } = await call(project, 'briefing.html', OPTIONS)
    const section = disagreementsOf(html)
    expect(section).toContain('Figures that disagree')
    expect(section).not.toContain('<script>')
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; \u202Eevil 東京 Hà Nội')

    const docx = await call(project, 'briefing.docx', { title: 'Ferry traffic' })
    const zip = await JSZip.loadAsync(Buffer.from(docx.dataBase64, 'base64'))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('Figures that disagree')
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; \u202Eevil 東京 Hà Nội')
    expect(xml).toContain('290 000 passasjerer')
    expect(xml).toContain(NB_TRANSLATION)
    expect(xml).not.toContain('<script>')
  })
})
