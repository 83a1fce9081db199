import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'

// Reference files written by us (tests/fixtures/references).
const FIXTURES = path.join(__dirname, '../fixtures/references')
const SHOTS = process.env.ATTEST_SHOTS

type Source = { title: string; author: string | null; publishedAt: string | null }

test('a RIS file chosen in the dialog becomes one draft per record, then sources', async ({
  app,
  attest,
  page
}) => {
  const dialog = await app.openImport()
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose files…' }).click()
  await (await chooser).setFiles(path.join(FIXTURES, 'zotero.ris'))
  const list = dialog.getByRole('navigation', { name: 'Documents to import' })
  await expect(list.getByRole('listitem')).toHaveCount(3)
  await expect(list).toContainText('Port throughput in small coastal towns')
  // The first record, as the analyst reviews it: the news item's reporters are its authors.
  await expect(dialog.getByLabel('Title')).toHaveValue(
    'Ferry traffic resumes after the autumn storm'
  )
  await expect(dialog.getByLabel('Author')).toHaveValue('Ingrid Solberg; Per Haugen')
  await expect(dialog.getByLabel('Published')).toHaveValue('2025-11-03')
  await expect(dialog.getByLabel('Publisher')).toHaveValue('Kystavisa')
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `refs-import-ris-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await dialog.getByRole('button', { name: 'Import 3 documents' }).click()
  await expect(dialog).toBeHidden()
  const sources = await attest.api<{ rows: Source[] }>('sources.list', { limit: 10, offset: 0 })
  expect(sources.rows.map((s) => s.title).sort()).toEqual([
    'Annual fisheries outlook',
    'Ferry traffic resumes after the autumn storm',
    'Port throughput in small coastal towns'
  ])
})

test('BibTeX and CSL-JSON files dropped on the window are read as when chosen', async ({
  app,
  attest,
  page
}) => {
  await app.show('Sources')
  const files = ['library.bib', 'items.json'].map((name) => ({
    name,
    bytes: [...fs.readFileSync(path.join(FIXTURES, name))]
  }))
  const transfer = await page.evaluateHandle((list) => {
    const dom = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } }
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown
      Uint8Array: typeof Uint8Array
    }
    const data = new dom.DataTransfer()
    for (const file of list) {
      data.items.add(new dom.File([new dom.Uint8Array(file.bytes)], file.name, { type: '' }))
    }
    return data
  }, files)
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  const dialog = app.dialog('Import documents')
  const list = dialog.getByRole('navigation', { name: 'Documents to import' })
  await expect(list.getByRole('listitem')).toHaveCount(4)
  await list.getByRole('button', { name: /Die Energiewende in Kleinstädten/ }).click()
  await expect(dialog.getByLabel('Author')).toHaveValue('Jürgen Weber; Anna Schmidt')
  await expect(dialog.getByLabel('Language')).toHaveValue('de')
  await dialog.getByRole('button', { name: 'Import 4 documents' }).click()
  await expect(dialog).toBeHidden()
  expect((await attest.api<{ sources: number }>('stats', {})).sources).toBe(4)
})

test('a RIS file with no records says so in the dialog and imports nothing', async ({
  app,
  attest,
  page
}) => {
  const dialog = await app.openImport()
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose files…' }).click()
  await (await chooser).setFiles(path.join(FIXTURES, 'empty.ris'))
  await expect(dialog).toContainText('“empty.ris” is a RIS file with no records')
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  expect((await attest.api<{ sources: number }>('stats', {})).sources).toBe(0)
})
