import path from 'node:path'
import { expect, test } from './fixtures'

const SHOTS = process.env.ATTEST_SHOTS

// Two reports written for this test: one a translation of the other.
const ORIGINAL = [
  'Harbour works in Tromsø',
  '',
  'The council said the new quay in Tromsø will cost about 40 million NOK and open in May 2026.'
].join('\n')
const TRANSLATION = [
  'Hafenarbeiten in Tromsø',
  '',
  'Der neue Kai in Tromsø kostet nach Angaben des Rates rund 40 Millionen NOK und soll im Juni 2026 eröffnet werden.'
].join('\n')

test('an analyst marks a source as a translation of another, sees agreement drop, and undoes it', async ({
  app,
  attest,
  page
}) => {
  const original = await attest.api<{ id: string }>('sources.create', {
    title: 'Harbour works',
    language: 'en',
    publishedAt: '2025-10-02',
    content: ORIGINAL
  })
  const translation = await attest.api<{ id: string }>('sources.create', {
    title: 'Hafenarbeiten',
    language: 'de',
    publishedAt: '2025-10-03',
    content: TRANSLATION
  })
  const consistent = async (): Promise<number> =>
    (
      await attest.api<{ pairs: Array<{ outcome: string }> }>('facts.pairs', {
        outcomes: ['consistent']
      })
    ).pairs.length
  expect(await consistent()).toBe(1)

  await page.reload()
  await app.show('Sources')
  await app.cell('Sources', 'Hafenarbeiten', 'title').click()
  await app.openDetails()
  const details = app.details('Source')
  const origin = details.getByLabel('Same origin as', { exact: true })
  await expect(origin).toHaveValue('0')
  await origin.selectOption({ label: 'Harbour works (2025-10-02)' })
  await expect
    .poll(
      async () =>
        (await attest.api<{ originId: string | null }>('sources.get', { id: translation.id }))
          .originId
    )
    .toBe(original.id)
  // The translation agreeing with its original is no corroboration.
  expect(await consistent()).toBe(0)
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `facts-same-origin-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }

  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect
    .poll(
      async () =>
        (await attest.api<{ originId: string | null }>('sources.get', { id: translation.id }))
          .originId
    )
    .toBeNull()
  await expect(origin).toHaveValue('0')
  expect(await consistent()).toBe(1)
})

test('the claim panel shows the credibility the evidence suggests beside the analyst grade', async ({
  app,
  attest,
  page
}) => {
  const ids: string[] = []
  for (const [title, language, content] of [
    ['Harbour works', 'en', ORIGINAL],
    ['Hafenarbeiten', 'de', TRANSLATION]
  ] as const) {
    ids.push(
      (
        await attest.api<{ id: string }>('sources.create', {
          title,
          language,
          publishedAt: '2025-10-02',
          content
        })
      ).id
    )
  }
  const claim = await attest.api<{ id: string }>('claims.create', {
    text: 'The quay in Tromsø costs 40 million NOK.'
  })
  for (const [sourceId, text, part] of [
    [ids[0]!, ORIGINAL, 'about 40 million NOK'],
    [ids[1]!, TRANSLATION, 'rund 40 Millionen NOK']
  ] as const) {
    const start = text.indexOf(part)
    await attest.api('citations.create', {
      claimId: claim.id,
      sourceId,
      start,
      end: start + part.length
    })
  }
  await page.reload()
  await app.cell('Claims', 'The quay in Tromsø costs 40 million NOK.', 'text').click()
  await app.openDetails()
  const suggested = app.details().getByLabel('Suggested credibility')
  await expect(suggested).toContainText('Suggested: 2 — probably true')
  await expect(suggested).toContainText('2 independent sources support it')
  await expect(app.details().getByLabel('Credibility', { exact: true })).toHaveValue('0')
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `facts-suggested-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  // Marked as a translation, the German report no longer counts as a second source.
  await attest.api('sources.update', { id: ids[1], changes: { originId: ids[0] } })
  await page.reload()
  await app.cell('Claims', 'The quay in Tromsø costs 40 million NOK.', 'text').click()
  await expect(app.details().getByLabel('Suggested credibility')).toContainText(
    'Suggested: 3 — possibly true'
  )
  // A citation's stance changed in the panel: the suggestion follows without a reload.
  const contradicts = app.details().getByRole('radio', { name: 'Contradicts' }).last()
  await contradicts.click()
  await expect(contradicts).toBeChecked()
  await expect(app.details().getByLabel('Suggested credibility')).toContainText(
    'citation contradicts it'
  )
})

test('a claim contradicted by a citation is flagged in the claims grid, with the reason', async ({
  app,
  attest,
  page
}) => {
  const source = await attest.api<{ id: string }>('sources.create', {
    title: 'Harbour works',
    language: 'en',
    publishedAt: '2025-10-02',
    content: ORIGINAL
  })
  const text = 'The quay in Tromsø opens in June 2026.'
  const claim = await attest.api<{ id: string }>('claims.create', { text })
  await attest.api('claims.create', { text: 'The ferry to Bodø runs twice a day.' })
  const part = 'open in May 2026'
  const start = ORIGINAL.indexOf(part)
  await attest.api('citations.create', {
    claimId: claim.id,
    sourceId: source.id,
    start,
    end: start + part.length,
    stance: 'contradicts'
  })
  await page.reload()
  await expect(app.count('2 claims')).toBeVisible()
  const flag = app.cell('Claims', text, 'flag').getByRole('img', {
    name: 'Disputed: A citation contradicts it.'
  })
  await expect(flag).toBeVisible()
  await expect(flag).toHaveAttribute('title', 'A citation contradicts it.')
  await expect(app.cell('Claims', 'The ferry to Bodø runs twice a day.', 'flag')).toBeEmpty()
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `facts-grid-flag-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
})

test('typing a new claim offers the claims that share its figures or names', async ({
  app,
  attest,
  page
}) => {
  const existing = 'Over 60 PhD students from Vietnam study in Tromsø.'
  await attest.api('claims.create', { text: existing })
  await attest.api('claims.create', { text: 'The ferry to Bodø runs twice a day.' })
  await page.reload()
  await app.button('New claim').click()
  const dialog = app.dialog('New claim')
  await dialog.getByLabel('Claim text').fill('More than 60 PhD students study in Tromsø')
  const similar = dialog.getByRole('region', { name: 'Similar claims exist' })
  await expect(similar.getByRole('button')).toHaveCount(1)
  await expect(similar.getByRole('button')).toContainText(existing)
  await expect(similar.getByRole('button')).toContainText(
    'Shares More than 60 PhD students, PhD, Tromsø'
  )
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `facts-similar-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await similar.getByRole('button').click()
  await expect(dialog).toBeHidden()
  await expect(app.row('Claims', existing)).toBeVisible()
})

test('a claim made from a passage offers the similar claims, and one opens in the grid', async ({
  app,
  attest,
  page
}) => {
  await attest.api('sources.create', {
    title: 'Harbour works',
    language: 'en',
    publishedAt: '2025-10-02',
    content: ORIGINAL
  })
  const existing = 'Tromsø will pay about 40 million NOK for its new quay.'
  await attest.api('claims.create', { text: existing })
  await page.reload()
  await app.read('Harbour works')
  await app.selectInReader('will cost about 40 million NOK')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'New claim from selection' })
    .click()
  const dialog = app.dialog('New claim from selection')
  await dialog.getByLabel(/Claim text/).fill('The quay in Tromsø costs about 40 million NOK.')
  const similar = dialog.getByRole('region', { name: 'Similar claims exist' })
  await expect(similar.getByRole('button')).toContainText(existing)
  await similar.getByRole('button').click()
  await expect(dialog).toBeHidden()
  await expect(app.row('Claims', existing)).toBeVisible()
})
