import type { Page } from '@playwright/test'
import { expect, test, type AttestServer } from './fixtures'

// An article written for these tests (facts from the seed articles, our own sentences), with
// the page clutter web copies carry: an image file name, its caption and a comment counter.
const TITLE = 'Hanoi and Tokyo widen research ties in their 52nd year'
const DATELINE = 'Hà Nội, 21/09/2025'
const STUDENTS =
  'more than 60 Vietnamese doctoral students will be received by Japanese universities from October'
const STUDENTS_SENTENCE = `Under the programme, ${STUDENTS}.`
const TARGET = 'Japan aims to host 250 doctoral candidates'
const CLAIM = 'Japan will receive more than 60 Vietnamese PhD students from October 2025.'
const STUDENTS_IN_ENGLISH = 'Japan will host more than sixty PhD students from Viet Nam.'
const ARTICLE = [
  TITLE,
  '',
  DATELINE,
  '',
  'The two governments agreed a joint doctoral programme between five Vietnamese and five Japanese universities, officials said on Sunday.',
  '',
  'hanoi-tokyo-ties-2025.jpg',
  'Delegates at the signing in Hà Nội. (Photo: Nguyễn Thị Thu Hằng/Example)',
  '',
  STUDENTS_SENTENCE,
  `${TARGET}, half of the 500 that Việt Nam has set as its target for 2030.`,
  '',
  'Two-way trade was put at 50 bn USD a year, according to the embassy.',
  '',
  'Kommentar (0)',
  '',
  'Source: https://news.example.vn/ties-52-years'
].join('\n')

type Citation = {
  id: string
  claimId: string
  quote: string
  start: number
  end: number
  anchorStatus: string
  stance: string
}
type SourceRow = { id: string; content: string }

async function createSource(attest: AttestServer, content: string, extra: object = {}) {
  const draft = await attest.api<{ title: string; url: string | null; publishedAt: string | null }>(
    'documents.prepare',
    { fileName: 'article.txt', text: content }
  )
  return attest.api<SourceRow & { title: string }>('sources.create', {
    title: draft.title,
    url: draft.url,
    publishedAt: draft.publishedAt,
    content,
    ...extra
  })
}

const citationsOf = (attest: AttestServer, sourceId: string) =>
  attest.api<Citation[]>('citations.list', { sourceId })

async function claimFromSelection(page: Page, claimText?: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+Shift+C')
  const dialog = page.getByRole('dialog', { name: 'New claim from selection' })
  await expect(dialog).toBeVisible()
  if (claimText) await dialog.getByLabel(/Claim text/).fill(claimText)
  await dialog.getByRole('button', { name: 'Create claim' }).click()
  await expect(dialog).toBeHidden()
}

test('an analyst reads an imported article, makes a claim of a passage, and the highlight follows edits of the text', async ({
  app,
  attest,
  page
}) => {
  test.setTimeout(60_000)
  const dialog = await app.openImport()
  await dialog.getByLabel('Paste text').fill(ARTICLE)
  await dialog.getByRole('button', { name: 'Read pasted text' }).click()
  await expect(dialog.getByLabel('Title')).toHaveValue(TITLE)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()

  // The one document imported opens in the reader, its metadata above the text.
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(app.reader.getByText('21 September 2025')).toBeVisible()
  await expect(
    app.reader.getByRole('link', { name: 'news.example.vn/ties-52-years' })
  ).toBeVisible()

  // The clean view sets the page clutter aside, labelled; the original view shows it plainly.
  const cleanView = page.getByRole('switch', { name: 'Clean view' })
  await expect(cleanView).toHaveAttribute('aria-checked', 'true')
  await expect(app.reader.getByRole('button', { name: 'Image file name' })).toBeVisible()
  await expect(app.reader.getByRole('button', { name: 'Photo caption' })).toBeVisible()
  await expect(app.reader.getByRole('button', { name: 'Comment counter' })).toBeVisible()
  await cleanView.click()
  await expect(app.reader.getByRole('button', { name: 'Image file name' })).toHaveCount(0)
  await expect(app.reader.getByText('Kommentar (0)')).toBeVisible()
  await cleanView.click()

  // Select a passage: the bar beside it makes it a claim, rewritten in the analyst's words.
  await app.selectInReader(STUDENTS)
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'New claim from selection' })
    .click()
  const claimDialog = app.dialog('New claim from selection')
  await expect(claimDialog.getByLabel('Passage')).toHaveText(STUDENTS)
  await expect(claimDialog.getByLabel(/Claim text/)).toHaveValue(STUDENTS)
  // The claim is written in the project's working language; the passage stays the quote.
  await claimDialog.getByLabel('Working language').selectOption('en')
  await expect(claimDialog.getByLabel('Claim text, in English')).toHaveAttribute('lang', 'en')
  await claimDialog.getByLabel(/Claim text/).fill(CLAIM)
  await claimDialog.getByLabel(/Translation of the quote/).fill(STUDENTS_IN_ENGLISH)
  await claimDialog.getByRole('button', { name: 'Create claim' }).click()
  await expect(claimDialog).toBeHidden()
  await expect(app.highlights).toHaveText([STUDENTS])
  await expect(app.nav('Claims')).toContainText('1')
  await expect(
    page.getByRole('list', { name: 'Cited passages' }).getByRole('button', { name: /more than 60/ })
  ).toBeVisible()

  // Hovering the highlight shows the claim it supports.
  await app.highlights.first().hover()
  const card = page.getByRole('dialog', { name: 'Cited for claim' })
  await expect(card).toContainText(CLAIM)
  await expect(card).toContainText('Supports')
  await expect(card.getByRole('button', { name: 'Open claim' })).toBeVisible()
  await page.mouse.move(5, 400)
  await expect(card).toBeHidden()

  const [source] = (await attest.api<{ rows: { id: string }[] }>('sources.list', {})).rows
  const sourceId = source?.id ?? ''
  const [citation] = await citationsOf(attest, sourceId)
  expect(citation).toMatchObject({
    quote: STUDENTS,
    translation: STUDENTS_IN_ENGLISH,
    anchorStatus: 'exact'
  })
  expect(
    (await attest.api<{ value: string | null }>('settings.get', { key: 'workingLanguage' })).value
  ).toBe('en')
  expect(ARTICLE.slice(citation?.start, citation?.end)).toBe(STUDENTS)

  // A paragraph inserted above the passage: the highlight stays on the same words.
  const inserted = ARTICLE.replace(
    DATELINE,
    `${DATELINE}\n\nUpdated on Monday with figures from the embassy in Hà Nội.`
  )
  await page.getByRole('button', { name: 'Edit text' }).click()
  await page.getByLabel('Source text').fill(inserted)
  await page.getByRole('button', { name: 'Save text' }).click()
  await expect(app.toast('Text saved. The citation was found again.')).toBeVisible()
  await expect(app.highlights).toHaveText([STUDENTS])
  await expect(app.reader.getByText('Updated on Monday')).toBeVisible()
  const [moved] = await citationsOf(attest, sourceId)
  expect(moved?.anchorStatus).toBe('moved')
  expect(inserted.slice(moved?.start, moved?.end)).toBe(STUDENTS)

  // The quoted sentence deleted: the citation is an orphan, listed for the analyst to mend.
  await page.getByRole('button', { name: 'Edit text' }).click()
  await page.getByLabel('Source text').fill(inserted.replace(`${STUDENTS_SENTENCE}\n`, ''))
  await page.getByRole('button', { name: 'Save text' }).click()
  await expect(app.toast(/1 citation was not found in the new text/)).toBeVisible()
  await expect(app.highlights).toHaveCount(0)
  const orphans = page.getByRole('list', { name: 'Orphaned citations' })
  await expect(orphans).toContainText(STUDENTS)
  await expect(orphans).toContainText(CLAIM)
  expect((await citationsOf(attest, sourceId))[0]?.anchorStatus).toBe('orphaned')

  // Mended: anchored to a passage the analyst selects.
  await app.selectInReader(TARGET)
  await orphans.getByRole('button', { name: 'Re-anchor to selection' }).click()
  await expect(orphans).toHaveCount(0)
  await expect(app.highlights).toHaveText([TARGET])
  expect((await citationsOf(attest, sourceId))[0]).toMatchObject({
    quote: TARGET,
    anchorStatus: 'exact'
  })
})

test('selections become exact offsets in Vietnamese (composed and decomposed), Japanese and emoji', async ({
  app,
  attest,
  page
}) => {
  test.setTimeout(60_000)
  const decomposed = 'Đại sứ Nhật Bản tiếp đoàn doanh nghiệp ở Thành phố Hồ Chí Minh.'.normalize(
    'NFD'
  )
  const content = [
    'Offsets across scripts',
    '',
    'Thủ tướng Phạm Minh Chính gặp các nhà đầu tư Nhật Bản tại Hà Nội.',
    decomposed,
    '日本とベトナムは、半導体の共同研究を二〇二五年十月に始めた。',
    'Flags 🇻🇳🤝🇯🇵 mark the 52nd year of relations.'
  ].join('\n')
  const source = await createSource(attest, content)
  await page.reload()
  await app.read('Offsets across scripts')

  const passages = [
    'Phạm Minh Chính',
    'Nhật Bản tiếp đoàn'.normalize('NFD'),
    '半導体の共同研究',
    '🤝🇯🇵 mark'
  ]
  for (const passage of passages) {
    await app.selectInReader(passage)
    await claimFromSelection(page)
    await expect(app.highlights.filter({ hasText: passage })).toHaveCount(1)
  }
  // Across a highlight's edge, and across paragraphs.
  await app.selectInReader('Minh Chính gặp')
  await claimFromSelection(page, 'Across a highlight edge')
  await app.selectInReader('Hồ Chí Minh.'.normalize('NFD'), '日本とベトナム')
  await claimFromSelection(page, 'Across paragraphs')

  const citations = await citationsOf(attest, source.id)
  const expected = [
    ...passages,
    'Minh Chính gặp',
    `${'Hồ Chí Minh.'.normalize('NFD')}\n日本とベトナム`
  ]
  expect(citations.map((c) => c.quote).sort()).toEqual([...expected].sort())
  for (const citation of citations) {
    expect(content.slice(citation.start, citation.end)).toBe(citation.quote)
    expect(citation.anchorStatus).toBe('exact')
  }
})

test('find in source is diacritic-insensitive and steps through the matches', async ({
  app,
  attest,
  page
}) => {
  await createSource(attest, ARTICLE)
  await page.reload()
  // From the Sources grid by keyboard: Enter on the row's Read cell opens the reader.
  await app.show('Sources')
  await app.cell('Sources', TITLE, 'title').click()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(
    page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: `Reader: ${TITLE}` })
  ).toHaveAttribute('aria-current', 'page')

  const find = page.getByRole('searchbox', { name: 'Find in source' })
  await find.fill('ha noi')
  await expect(page.getByText('1 of 2', { exact: true })).toBeVisible()
  await expect(app.reader.locator('.find-current')).toHaveText('Hà Nội')
  await find.press('Enter')
  await expect(page.getByText('2 of 2', { exact: true })).toBeVisible()
  await find.press('Enter')
  await expect(page.getByText('1 of 2', { exact: true })).toBeVisible()
  await find.press('Shift+Enter')
  await expect(page.getByText('2 of 2', { exact: true })).toBeVisible()
  await find.fill('zeppelin')
  await expect(page.getByText('No matches', { exact: true })).toBeVisible()
  await page.keyboard.press('ControlOrMeta+f')
  await expect(find).toBeFocused()
})

test('a passage cited for an existing claim shows in the claim’s details, and Show in source goes back to it', async ({
  app,
  attest,
  page
}) => {
  test.setTimeout(60_000)
  const source = await createSource(attest, ARTICLE, { reliability: 'B' })
  const claim = await attest.api<{ id: string }>('claims.create', {
    text: 'Japan received 63 Vietnamese doctoral students.',
    credibility: 2
  })
  await page.reload()
  await app.read(TITLE)

  await app.selectInReader(STUDENTS)
  await page.getByRole('button', { name: 'Cite for claim…' }).first().click()
  const dialog = app.dialog('Cite for claim')
  await dialog.getByRole('combobox', { name: 'Claim' }).fill('doctoral')
  await dialog.getByRole('option', { name: /Japan received 63/ }).click()
  await dialog.getByRole('radio', { name: 'Contradicts' }).check()
  await dialog.getByLabel(/Locator/).fill('¶ 4')
  await dialog.getByRole('button', { name: 'Cite', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(app.highlights).toHaveText([STUDENTS])
  await expect(app.highlights.first()).toHaveClass(/hl-contradicts/)

  // The claim's details list the citation with the Admiralty grade of source and claim.
  await app.show('Claims')
  await app.openDetails()
  await app.cell('Claims', 'Japan received 63', 'text').click()
  const details = app.details('Claim')
  const citations = details.getByRole('list', { name: 'Citations' })
  const item = citations.getByRole('listitem')
  await expect(item).toContainText(STUDENTS)
  await expect(item).toContainText('B2')
  await expect(item).toContainText(TITLE)
  await expect(item.getByLabel('Locator')).toHaveValue('¶ 4')
  await expect(item.getByRole('radio', { name: 'Contradicts' })).toBeChecked()
  await item.getByLabel('Note').fill('The German copy says 63; this one says more than 60.')
  await item.getByLabel('Locator').click()
  await expect
    .poll(async () => (await attest.api<Citation[]>('citations.list', { claimId: claim.id }))[0])
    .toMatchObject({ quote: STUDENTS })
  await expect
    .poll(
      async () =>
        (await attest.api<{ note: string | null }[]>('citations.list', { claimId: claim.id }))[0]
          ?.note
    )
    .toBe('The German copy says 63; this one says more than 60.')
  await expect(app.cell('Claims', 'Japan received 63', 'citationCount')).toHaveText('1')

  // The analyst's translation of the quote is kept beside it, for the briefing's readers.
  await item.getByLabel('Translation').fill('More than 60 doctoral students study in Japan.')
  await item.getByLabel('Locator').click()
  await expect
    .poll(
      async () =>
        (
          await attest.api<{ translation: string | null }[]>('citations.list', {
            claimId: claim.id
          })
        )[0]?.translation
    )
    .toBe('More than 60 doctoral students study in Japan.')

  // Show in source: the reader opens at the passage and flashes it.
  await item.getByRole('button', { name: 'Show in source' }).click()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(app.highlights.first()).toHaveClass(/flash/)
  await expect(app.highlights.first()).toBeInViewport()
  expect((await citationsOf(attest, source.id)).length).toBe(1)

  // Open claim, from the highlight's card: the claims view with that claim's details.
  await app.highlights.first().click()
  await page
    .getByRole('dialog', { name: 'Cited for claim' })
    .getByRole('button', { name: 'Open claim' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible()
  await expect(details.getByLabel('Claim', { exact: true })).toHaveValue(
    'Japan received 63 Vietnamese doctoral students.'
  )

  // In the details, the citation is deleted.
  await item.getByRole('button', { name: 'Delete citation' }).click()
  await expect(details.getByText('No citations yet', { exact: false })).toBeVisible()
  expect(await citationsOf(attest, source.id)).toEqual([])
})

test('a source link opens outside the app, in a new tab that cannot reach back into Attest', async ({
  app,
  attest,
  page
}) => {
  const url = 'https://news.example.vn/ties-52-years'
  const source = await createSource(attest, ARTICLE)
  expect(source.title).toBe(TITLE)
  // The machine is offline: the news site is a stub page served to the new tab.
  await page
    .context()
    .route('https://news.example.vn/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>News</title><p>Stub</p>' })
    )
  await app.read(TITLE)
  const appUrl = page.url()
  const link = app.reader.getByRole('link', { name: 'news.example.vn/ties-52-years' })
  await expect(link).toHaveAttribute('href', url)

  const popup = page.waitForEvent('popup')
  await link.click()
  const tab = await popup
  await tab.waitForLoadState()
  expect(tab.url()).toBe(url)
  // No opener (rel=noopener) and no referrer: the site learns nothing of the app's address.
  expect(await tab.evaluate(() => (globalThis as { opener?: unknown }).opener)).toBeNull()
  expect(
    await tab.evaluate(() => (globalThis as { document?: { referrer: string } }).document?.referrer)
  ).toBe('')
  // The app itself stayed where it was.
  expect(page.url()).toBe(appUrl)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await tab.close()
})
