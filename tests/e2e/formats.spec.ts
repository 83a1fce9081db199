import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'

// Fixtures written by us (tests/fixtures/formats: our HTML printed by Chromium, a Word package
// written part by part).
const FIXTURES = path.join(__dirname, '../fixtures/formats')
const SHOTS = process.env.ATTEST_SHOTS
const TITLE = 'Semiconductor trade between Norway, Germany, Vietnam and Japan'

test('a PDF report chosen in the dialog is read with its pages; a citation says its page', async ({
  app,
  attest,
  page
}) => {
  test.setTimeout(60_000)
  const dialog = await app.openImport()
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose files…' }).click()
  await (await chooser).setFiles(path.join(FIXTURES, 'report.pdf'))
  await expect(dialog.getByLabel('Title')).toHaveValue(TITLE)
  const preview = dialog.getByRole('document', { name: 'Cleaned text' })
  await expect(preview).toContainText('Die Verbraucherschutzorganisation warnt')
  // The running header is set aside in the cleaned preview.
  await expect(preview).not.toContainText('Working paper 7')
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `import-pdf-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()

  // The reader marks where pages 2 and 3 begin and folds each page's header and number.
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(app.reader.getByRole('separator', { name: 'Page 2' })).toBeAttached()
  await expect(app.reader.getByRole('separator', { name: 'Page 3' })).toBeAttached()
  await expect(app.reader.getByRole('button', { name: 'Header or footer' })).toHaveCount(6)
  if (SHOTS) {
    await app.reader.getByRole('separator', { name: 'Page 2' }).scrollIntoViewIfNeeded()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `reader-pdf-pages-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }

  // A claim made from a passage on page 3 is cited "p. 3" without the analyst typing it.
  const [source] = (
    await attest.api<{ rows: Array<{ id: string }> }>('sources.list', { limit: 5, offset: 0 })
  ).rows
  await app.selectInReader('Note 5. Every figure above')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'New claim from selection' })
    .click()
  const create = app.dialog('New claim from selection')
  await create.getByRole('button', { name: 'Create claim' }).click()
  await expect(create).toBeHidden()
  const citations = await attest.api<Array<{ locator: string | null }>>('citations.list', {
    sourceId: source!.id
  })
  expect(citations.map((c) => c.locator)).toEqual(['p. 3'])
})

test('a Word file dropped on the window opens the import dialog with its text', async ({
  app,
  attest,
  page
}) => {
  await app.show('Sources')
  const bytes = [...fs.readFileSync(path.join(FIXTURES, 'report.docx'))]
  const transfer = await page.evaluateHandle((data) => {
    const dom = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } }
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown
      Uint8Array: typeof Uint8Array
    }
    const transfer = new dom.DataTransfer()
    transfer.items.add(
      new dom.File([new dom.Uint8Array(data)], 'notes.docx', {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      })
    )
    return transfer
  }, bytes)
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  const dialog = app.dialog('Import documents')
  await expect(dialog.getByLabel('Title')).toHaveValue('Chip supply notes from four newsrooms')
  await expect(dialog.getByLabel('Author')).toHaveValue('Ingrid Bakke')
  await expect(dialog.getByRole('document', { name: 'Cleaned text' })).toContainText(
    '1. Find a second outlet for the German figure.'
  )
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  expect((await attest.api<{ sources: number }>('stats', {})).sources).toBe(1)
})
