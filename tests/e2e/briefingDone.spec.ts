import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import JSZip from 'jszip'
import { expect, test } from './fixtures'
import { createSeedSources, needsSeeds } from './seeds'

needsSeeds()

// The briefing preview is a sandboxed frame without scripts: trace snapshots would log errors.
test.use({ trace: 'off' })

const OCTOBER = 'The joint PhD programme starts in October 2025.'
const SEPTEMBER = 'The joint PhD programme started in September 2025.'
const NB_TRANSLATION = 'Our rendering: the programme begins this October.'
const DE_TRANSLATION = 'Our rendering: the programme began in September 2025.'
const BOTTOM_LINE = 'Japan and Viet Nam are widening their ties, but the dates are disputed.'
const FIRST_JUDGEMENT = 'Doctoral exchanges will keep growing through 2026.'
const SECOND_JUDGEMENT = 'The programme has already started.'

type Citation = { quote: string }
type Claim = { id: string; text: string }

/** Words of a text, spaces and line breaks evened out (pdftotext wraps and pads lines). */
const words = (text: string): string => text.replace(/\s+/g, ' ').trim()

function pageTexts(pdf: string): string[] {
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]
  )
  return Array.from({ length: pages }, (_, i) =>
    words(
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], {
        encoding: 'utf8'
      })
    )
  )
}

test('a briefing made in the UI from the seeds’ disagreement exports to PDF and Word', async ({
  app,
  attest,
  page
}) => {
  test.setTimeout(90_000)
  await createSeedSources(attest)
  // Three more dated claims, as setup; the pair is dated below through the detail panel.
  for (const [text, eventDate] of [
    ['The ambassador met Vietnamese officials.', '2025-09-20'],
    ['Japanese investment in Viet Nam reached a record.', '2025-06'],
    ['Bilateral trade passed USD 40 billion.', '2024']
  ] as const) {
    await attest.api('claims.create', { text, eventDate })
  }
  await page.reload()

  // The programme-start conflict, made into two contradicting claims.
  await app.show('Compare')
  const start = page.getByRole('article', { name: /: oktober i år \/ September 2025/ })
  await expect(start.locator('.outcome')).toContainText('Conflict')
  await start.getByRole('button', { name: /^Make claims of/ }).click()
  const make = page.getByRole('dialog', { name: 'Make claims of this pair' })
  await expect(make.getByRole('radio', { name: 'contradict each other' })).toBeChecked()
  await make.getByRole('textbox', { name: /First claim/ }).fill(OCTOBER)
  await make.getByRole('textbox', { name: /Second claim/ }).fill(SEPTEMBER)
  await make.getByRole('button', { name: 'Make claims' }).click()
  await expect(make).toBeHidden()
  await expect(app.nav('Claims')).toContainText('5')

  // Each claim of the pair: an event date and a translation of its citation, from the panel.
  await app.show('Claims')
  await app.openDetails()
  const details = app.details()
  for (const [text, eventDate, translation] of [
    [OCTOBER, '2025-10', NB_TRANSLATION],
    [SEPTEMBER, '2025-09', DE_TRANSLATION]
  ] as const) {
    await app.cell('Claims', text, 'updatedAt').click()
    await expect(details.getByLabel('Claim', { exact: true })).toHaveValue(text)
    const date = details.getByLabel('Event date', { exact: true })
    await date.fill(eventDate)
    await date.press('Enter')
    await expect(app.cell('Claims', text, 'eventDate')).toContainText(eventDate)
    const item = details.getByRole('list', { name: 'Citations' }).getByRole('listitem')
    await item.getByLabel('Translation').fill(translation)
    await item.getByLabel('Locator').click()
    await expect
      .poll(async () => {
        const claims = await attest.api<{ rows: Claim[] }>('claims.list', {})
        const claim = claims.rows.find((row) => row.text === text)
        const list = await attest.api<Array<{ translation: string | null }>>('citations.list', {
          claimId: claim?.id
        })
        return list[0]?.translation
      })
      .toBe(translation)
  }

  const claims = await attest.api<{ rows: Claim[] }>('claims.list', {})
  const quoteOf = async (text: string): Promise<string> => {
    const claim = claims.rows.find((row) => row.text === text)
    const list = await attest.api<Citation[]>('citations.list', { claimId: claim?.id })
    return list[0]?.quote ?? ''
  }
  const nbQuote = await quoteOf(OCTOBER)
  const deQuote = await quoteOf(SEPTEMBER)
  expect(nbQuote).toContain('oktober i år')
  expect(deQuote).toContain('September 2025')
  const made = claims.rows.find((row) => row.text === OCTOBER)
  const relations = await attest.api<Array<{ kind: string }>>('relations.list', {
    claimId: made?.id
  })
  expect(relations.map((relation) => relation.kind)).toEqual(['contradicts'])

  // The briefing, from the Export dialog.
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('tab', { name: 'Briefing (PDF, Word)' }).click()
  await dialog.getByLabel('Title').fill('Japan and Viet Nam')
  await dialog.getByRole('radio', { name: /All claims/ }).check()
  await dialog.getByLabel(/Bottom line/).fill(BOTTOM_LINE)
  await dialog.getByRole('button', { name: 'Add a key judgement' }).click()
  await dialog.getByLabel('Judgement 1', { exact: true }).fill(FIRST_JUDGEMENT)
  await dialog.getByRole('button', { name: 'Add a key judgement' }).click()
  await dialog.getByLabel('Confidence of judgement 2').selectOption('unlikely')
  await dialog.getByLabel('Judgement 2', { exact: true }).fill(SECOND_JUDGEMENT)
  await expect(dialog.getByText(/5 claims · 2 sources · 2 citations/)).toBeVisible()

  const pdfDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save PDF' }).click()
  const pdf = await (await pdfDownload).path()
  await expect(dialog.getByRole('status')).toContainText(/Downloaded a \d+-page briefing/)

  const wordDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save Word' }).click()
  const docx = await (await wordDownload).path()
  await expect(dialog.getByRole('status')).toContainText('Downloaded the briefing as')

  // The PDF: the bottom line right after the cover, the pair with translations on one page,
  // a timeline, an outline, and tagged.
  const pages = pageTexts(pdf)
  expect(pages[1]).toContain(BOTTOM_LINE)
  expect(pages[1]).toContain(FIRST_JUDGEMENT)
  const pairPage = pages.find(
    (text) =>
      text.includes(words(nbQuote).slice(0, 40)) &&
      text.includes(words(deQuote).slice(0, 40)) &&
      text.includes(NB_TRANSLATION) &&
      text.includes(DE_TRANSLATION)
  )
  expect(pairPage, 'one page holds both quotes and both translations').toBeDefined()
  expect(pairPage).toContain('Disagreements')
  expect(pages.some((text) => text.includes('Timeline'))).toBe(true)
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
  expect(fs.readFileSync(pdf).toString('latin1')).toMatch(/\/Outlines\s+\d+ 0 R/)

  // The Word document holds the same text.
  const zip = await JSZip.loadAsync(fs.readFileSync(docx))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  const text = words(xml.replace(/<[^>]+>/g, ''))
  const escaped = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  for (const needle of [
    BOTTOM_LINE,
    FIRST_JUDGEMENT,
    SECOND_JUDGEMENT,
    NB_TRANSLATION,
    DE_TRANSLATION,
    words(escaped(nbQuote)).slice(0, 40),
    words(escaped(deQuote)).slice(0, 40)
  ]) {
    expect(text).toContain(needle)
  }
})
