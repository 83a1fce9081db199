import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import JSZip from 'jszip'
import type { Page } from '@playwright/test'
import { expect, test, type AttestServer } from './fixtures'

const RICE_UP = 'Rice shipments to Japan doubled in the first quarter.'
const RICE_DOWN = 'Rice exports to Japan fell in March, a trader says.'
const EARTHS = 'Germany and Viet Nam plan to triple rare-earth deliveries by 2026.'
const SCRIPT = '<script>alert(1)</script> appeared in a press-release template'
const CONTENT =
  'Rice shipments doubled as Japanese buyers sought new suppliers. Officials declined to comment.'
const QUOTE = 'Rice shipments doubled as Japanese buyers sought new suppliers.'
const SOURCE = 'Viet Nam Trade Wire: exports to Japan rise 12%'

type Claim = { id: string }

// Trace snapshots inject a script into every frame; the briefing preview is sandboxed without
// scripts, so Chromium refuses the snapshot script and logs an error the console guard counts.
test.use({ trace: 'off' })

async function seed(attest: AttestServer): Promise<Claim[]> {
  const claims: Claim[] = []
  for (const text of [RICE_UP, RICE_DOWN, EARTHS, SCRIPT]) {
    claims.push(await attest.api<Claim>('claims.create', { text }))
  }
  const source = await attest.api<{ id: string }>('sources.create', {
    title: SOURCE,
    reliability: 'B',
    content: CONTENT
  })
  await attest.api('citations.create', {
    claimId: claims[0]?.id,
    sourceId: source.id,
    start: CONTENT.indexOf(QUOTE),
    end: CONTENT.indexOf(QUOTE) + QUOTE.length,
    locator: 'para. 1'
  })
  return claims
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  return dialog
}

function readCsv(path: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parse(fs.readFileSync(path, 'utf8'), { bom: true }) as string[][]
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])))
}

test('exports the searched claims as CSV from the toolbar', async ({ app, attest, page }) => {
  await seed(attest)
  await page.reload()
  await expect(app.count('4 claims')).toBeVisible()
  await app.search.fill('rice')
  await expect(app.count('2 claims')).toBeVisible()

  const dialog = await openExport(page)
  await expect(dialog.getByRole('tab', { name: 'CSV' })).toHaveAttribute('aria-selected', 'true')
  await expect(dialog.getByRole('radio', { name: /Current view/ })).toBeChecked()
  await expect(dialog.getByText('2 claims as filtered and sorted in the grid')).toBeVisible()
  await expect(dialog.getByRole('checkbox', { name: /Byte order mark/ })).toBeChecked()

  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^project-claims-\d{4}-\d{2}-\d{2}\.csv$/)
  await expect(dialog.getByRole('status')).toContainText('Downloaded 2 claims')
  const file = await download.path()
  expect(fs.readFileSync(file, 'utf8').startsWith('\uFEFF')).toBe(true)
  const rows = readCsv(file)
  expect(rows.map((row) => row.text).sort()).toEqual([RICE_DOWN, RICE_UP].sort())
  const cited = rows.find((row) => row.text === RICE_UP)
  expect(cited).toMatchObject({ sources: SOURCE, citation_count: '1', status: 'unverified' })

  // Citations of the selected claim, semicolon-separated.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await app.search.fill('')
  await expect(app.count('4 claims')).toBeVisible()
  await app.selectRows('Claims', [RICE_UP])
  const again = await openExport(page)
  await again.getByRole('radio', { name: /Citations/ }).check()
  await expect(again.getByRole('radio', { name: /Selected rows/ })).toBeChecked()
  await again.getByLabel('Delimiter').selectOption(';')
  const second = page.waitForEvent('download')
  await again.getByRole('button', { name: 'Export CSV' }).click()
  const citations = parse(fs.readFileSync(await (await second).path(), 'utf8'), {
    bom: true,
    delimiter: ';'
  }) as string[][]
  expect(citations).toHaveLength(2)
  expect(citations[1]).toContain(QUOTE)
  expect(citations[1]).toContain('para. 1')
})

const BOTTOM_LINE = 'Rice trade with Japan is growing, but the evidence is contested.'

test('previews a briefing without running its text, and saves it as a PDF', async ({
  app,
  attest,
  page
}) => {
  let alerted = false
  page.on('dialog', (dialog) => {
    alerted = true
    void dialog.dismiss()
  })
  await seed(attest)
  await page.reload()
  await expect(app.count('4 claims')).toBeVisible()

  const dialog = await openExport(page)
  await dialog.getByRole('tab', { name: 'Briefing (PDF, Word)' }).click()
  await dialog.getByLabel('Title').fill('Rice and rare earths')
  await dialog.getByLabel('Author or unit').fill('Asia desk')
  await dialog.getByLabel('Classification').fill('Official-Sensitive')
  await dialog.getByLabel('Group by').selectOption('status')
  // The bottom line and two key judgements, which the briefing states first.
  await dialog.getByLabel(/Bottom line/).fill(BOTTOM_LINE)
  await dialog.getByRole('button', { name: 'Add a key judgement' }).click()
  await dialog
    .getByLabel('Judgement 1', { exact: true })
    .fill('Rice exports will stay high through the summer.')
  await dialog.getByRole('button', { name: 'Add a key judgement' }).click()
  await dialog.getByLabel('Confidence of judgement 2').selectOption('unlikely')
  await dialog
    .getByLabel('Judgement 2', { exact: true })
    .fill('Rare-earth deliveries will triple by 2026.')

  // The preview is a sandboxed srcdoc frame: no scripts, user text escaped. (Its content is
  // read from the attribute: querying inside a script-less frame makes Chromium log errors.)
  const frame = dialog.locator('iframe[title="Briefing preview"]')
  await expect(frame).toHaveAttribute('sandbox', '')
  // The preview follows the options once typing settles.
  await expect
    .poll(async () => (await frame.getAttribute('srcdoc')) ?? '')
    .toMatch(/<title>Rice and rare earths<\/title>[\s\S]*Asia desk[\s\S]*group-kicker">Status/)
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? ''
  expect(srcdoc).toContain('&lt;script&gt;alert(1)&lt;/script&gt; appeared in a press-release')
  expect(srcdoc).not.toMatch(/<script/i)
  expect(srcdoc).toContain(`“${QUOTE}”`)
  expect(srcdoc).toContain('Prepared by</dt><dd>Asia desk')
  await expect(dialog.getByText('4 claims · 1 source · 1 citation')).toBeVisible()

  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save PDF' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Rice and rare earths.pdf')
  await expect(dialog.getByRole('status')).toContainText(/Downloaded a \d+-page briefing/)
  const text = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' })
  const flat = text.replace(/\s+/g, ' ')
  for (const claim of [RICE_UP, RICE_DOWN, EARTHS, SCRIPT]) expect(flat).toContain(claim)
  expect(flat).toContain(QUOTE)
  expect(flat).toContain(SOURCE)
  expect(flat).toContain('OFFICIAL-SENSITIVE')
  // The first page after the cover states the bottom line, then the judgements.
  const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', await download.path(), '-'], {
    encoding: 'utf8'
  }).replace(/\s+/g, ' ')
  expect(second).toContain(BOTTOM_LINE)
  expect(second).toContain('Rice exports will stay high through the summer.')
  expect(second).toMatch(/unlikely Rare-earth deliveries will triple by 2026\./i)
  expect(execFileSync('pdfinfo', [await download.path()], { encoding: 'utf8' })).toMatch(
    /Tagged:\s+yes/
  )
  expect(alerted).toBe(false)
})

test('saves the same briefing as an editable Word document', async ({ app, attest, page }) => {
  await seed(attest)
  await page.reload()
  await expect(app.count('4 claims')).toBeVisible()

  const dialog = await openExport(page)
  await dialog.getByRole('tab', { name: 'Briefing (PDF, Word)' }).click()
  await dialog.getByLabel('Title').fill('Rice & rare earths')
  await dialog.getByLabel('Author or unit').fill('Asia desk')
  await expect(dialog.getByText('4 claims · 1 source · 1 citation')).toBeVisible()

  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save Word' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Rice & rare earths.docx')
  await expect(dialog.getByRole('status')).toContainText(
    'Downloaded the briefing as Rice & rare earths.docx'
  )
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  expect(xml).toContain('Rice &amp; rare earths')
  expect(xml).toContain('Asia desk')
  for (const claim of [RICE_UP, RICE_DOWN, EARTHS]) expect(xml).toContain(claim)
  expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(xml).not.toContain('<script')
  // The charts, drawn by the host's browser: each an SVG with its PNG.
  const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))
  expect(media.filter((name) => name.endsWith('.svg')).length).toBeGreaterThanOrEqual(2)
  expect(media.filter((name) => name.endsWith('.png')).length).toBeGreaterThanOrEqual(2)
})
