import { expect, test, type AttestServer } from './fixtures'

// A document written for these tests (facts from the seed articles, our own sentences), with
// clutter lines like those of web copies and Vietnamese diacritics.
const TITLE = 'Semiconductor programme links ten universities'
const ARTICLE = [
  TITLE,
  '',
  'Hà Nội, 27/11/2025',
  '',
  'Five Japanese and five Vietnamese universities began a joint semiconductor research programme in September 2025, the ambassador said.',
  '',
  'chip-lab-hanoi.jpg',
  'Students at a clean room in Hà Nội. (Photo: Lê Văn Đức/Example)',
  '',
  'Over three and a half years the programme is to take in 63 Vietnamese doctoral candidates.',
  '',
  'Kommentar (0)',
  '',
  'Source: https://news.example.vn/semiconductor-programme'
].join('\n')

type Stats = { sources: number }
type Source = {
  id: string
  title: string
  url: string | null
  publisher: string | null
  publishedAt: string | null
  language: string | null
  kind: string
  reliability: string | null
}

const textFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text, 'utf8')
})

const sourceCount = async (attest: AttestServer) => (await attest.api<Stats>('stats', {})).sources

test('a file becomes a source once the analyst has checked and corrected what was found', async ({
  app,
  attest,
  page
}) => {
  const dialog = await app.openImport()
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose files…' }).click()
  await (await chooser).setFiles(textFile('semiconductors.txt', ARTICLE))

  // What the core found, in fields the analyst can correct.
  await expect(dialog.getByLabel('Title')).toHaveValue(TITLE)
  await expect(dialog.getByLabel('URL')).toHaveValue(
    'https://news.example.vn/semiconductor-programme'
  )
  await expect(dialog.getByLabel('Published')).toHaveValue('2025-11-27')
  await expect(dialog.getByLabel('Language')).toHaveValue('en')
  await dialog.getByLabel('Publisher').fill('Example News')
  await dialog.getByLabel('Author').fill('Trần Minh Anh')
  await dialog.getByLabel('Kind').selectOption({ label: 'Report' })
  await dialog.getByLabel('Reliability').selectOption({ label: 'B — Usually reliable' })

  // A wrong date is explained before anything is sent.
  await dialog.getByLabel('Published').fill('27.11.2025')
  await expect(dialog.getByText('Dates are written YYYY-MM-DD')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await dialog.getByLabel('Published').fill('2025-11-27')

  // The preview is the cleaned text: the image file name and the counter are set aside.
  const preview = dialog.getByRole('document', { name: 'Cleaned text' })
  await expect(preview).toContainText('63 Vietnamese doctoral candidates')
  await expect(preview).not.toContainText('chip-lab-hanoi.jpg')
  await expect(preview).not.toContainText('Kommentar (0)')
  await expect(dialog.getByText(/image file name, photo caption and comment counter/)).toBeVisible()

  // Nothing is stored before Import.
  expect(await sourceCount(attest)).toBe(0)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(app.toast(`Imported “${TITLE}”`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()

  const { rows } = await attest.api<{ rows: Source[] }>('sources.list', {})
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({
    title: TITLE,
    url: 'https://news.example.vn/semiconductor-programme',
    publisher: 'Example News',
    publishedAt: '2025-11-27',
    language: 'en',
    kind: 'report',
    reliability: 'B'
  })
  const stored = await attest.api<{ content: string }>('sources.get', { id: rows[0]?.id })
  expect(stored.content).toBe(ARTICLE)
  await app.show('Sources')
  await expect(app.row('Sources', TITLE)).toBeVisible()
})

test('pasted text is imported the same way', async ({ app, attest, page }) => {
  const dialog = await app.openImport()
  await dialog.getByLabel('Paste text').fill(ARTICLE)
  await dialog.getByRole('button', { name: 'Read pasted text' }).click()
  await expect(dialog.getByLabel('Title')).toHaveValue(TITLE)
  await dialog.getByLabel('Title').fill('Ten universities share a chip programme')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ten universities share a chip programme' })
  ).toBeVisible()
  expect(await sourceCount(attest)).toBe(1)
})

test('metadata far over the limits is proposed cut to fit, and saves', async ({ app, attest }) => {
  const longTitle = 'Rice exports rise again '.repeat(210) // 5,040 characters
  const page = `<html><head><title>${longTitle}</title>
<meta property="og:site_name" content="${'The Very Long Gazette '.repeat(46)}">
<link rel="canonical" href="https://example.org/${'a'.repeat(3000)}"></head>
<body><p>The ministry said exports rose by four percent in March.</p></body></html>`
  const dialog = await app.openImport()
  await dialog
    .getByLabel('Choose files')
    .setInputFiles({ name: 'long.html', mimeType: 'text/html', buffer: Buffer.from(page) })
  const title = dialog.getByLabel('Title')
  await expect(title).toHaveValue(/^Rice exports rise again .*…$/)
  const proposed = await title.inputValue()
  expect(proposed.length).toBeLessThanOrEqual(1000)
  await expect(dialog.getByLabel('Publisher')).toHaveValue(/^The Very Long Gazette .*…$/)
  await expect(dialog.getByLabel('URL')).toHaveValue('')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  const { rows } = await attest.api<{ rows: Source[] }>('sources.list', {})
  expect(rows.map((row) => row.title)).toEqual([proposed])
})

test('a binary file is refused in clear words and nothing is stored', async ({ app, attest }) => {
  const dialog = await app.openImport()
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
  await dialog.getByLabel('Choose files').setInputFiles([
    { name: 'photo.txt', mimeType: 'text/plain', buffer: png },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n') }
  ])
  const documents = dialog.getByRole('navigation', { name: 'Documents to import' })
  await expect(documents.getByRole('button', { name: /photo\.txt/ })).toContainText(
    'Cannot be imported'
  )
  await expect(dialog.getByRole('alert')).toContainText('photo.txt cannot be imported')
  await expect(dialog.getByRole('alert')).toContainText('PNG image, not a text')
  await documents.getByRole('button', { name: /empty\.txt/ }).click()
  await expect(dialog.getByRole('alert')).toContainText('empty')
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await sourceCount(attest)).toBe(0)
})

test('a document already in the project: open the existing one, import it anyway, or skip it', async ({
  app,
  attest,
  page
}) => {
  const existing = await attest.api<Source>('sources.create', {
    title: 'Chip programme (earlier copy)',
    content: ARTICLE
  })
  await page.reload()

  // Open existing: nothing new is stored; the reader shows the source already there.
  let dialog = await app.openImport()
  await dialog.getByLabel('Choose files').setInputFiles(textFile('again.txt', ARTICLE))
  const notice = dialog.getByRole('group', { name: 'Duplicate' })
  await expect(notice).toContainText(
    'The same text is already in the project as “Chip programme (earlier copy)”'
  )
  await notice.getByRole('button', { name: 'Open existing' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Chip programme (earlier copy)' })
  ).toBeVisible()
  expect(await sourceCount(attest)).toBe(1)

  // Skip: the document leaves the list.
  dialog = await app.openImport()
  await dialog.getByLabel('Choose files').setInputFiles(textFile('again.txt', ARTICLE))
  await dialog
    .getByRole('group', { name: 'Duplicate' })
    .getByRole('button', { name: 'Skip' })
    .click()
  await expect(dialog.getByLabel('Paste text')).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(await sourceCount(attest)).toBe(1)

  // Import anyway: a second source with the same text.
  dialog = await app.openImport()
  await dialog.getByLabel('Choose files').setInputFiles(textFile('again.txt', ARTICLE))
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await dialog
    .getByRole('group', { name: 'Duplicate' })
    .getByRole('button', { name: 'Import anyway' })
    .click()
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  expect(await sourceCount(attest)).toBe(2)
  expect(existing.id).toBeTruthy()
})

test('files dropped anywhere on the window open the import dialog with them', async ({
  app,
  attest,
  page
}) => {
  await app.show('Sources')
  // A drag from the file manager, as the page receives it (built in the page, where DOM exists).
  const transfer = await page.evaluateHandle(
    ([name, text]) => {
      const dom = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } }
        File: new (parts: string[], name: string, options: { type: string }) => unknown
      }
      const data = new dom.DataTransfer()
      data.items.add(new dom.File([text], name, { type: 'text/plain' }))
      return data
    },
    ['dropped.txt', ARTICLE] as const
  )
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await expect(page.getByText('Drop to import')).toBeVisible()
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  await expect(page.getByText('Drop to import')).toBeHidden()
  const dialog = app.dialog('Import documents')
  await expect(dialog.getByLabel('Title')).toHaveValue(TITLE)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  expect(await sourceCount(attest)).toBe(1)
})
