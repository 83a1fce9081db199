import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type AttestServer } from './fixtures'

const RICE_UP = 'Rice shipments to Japan doubled in the first quarter.'
const RICE_DOWN = 'Rice exports to Japan fell in March, a trader says.'
const EARTHS = 'Germany and Viet Nam plan to triple rare-earth deliveries by 2026.'
const BOTTOM_LINE = 'Rice trade with Japan is growing, though one trader disputes it.'
const FIRST = 'Rice exports will stay high through the summer.'
const SECOND = 'Rare-earth deliveries will triple by 2026.'
const SHOTS = process.env.ATTEST_SHOTS

// The briefing preview is a script-less sandboxed frame; trace snapshots would log errors in it.
test.use({ trace: 'off' })

async function seed(attest: AttestServer): Promise<void> {
  for (const text of [RICE_UP, RICE_DOWN, EARTHS]) await attest.api('claims.create', { text })
}

async function openBriefing(page: Page) {
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('tab', { name: 'Briefing (PDF, Word)' }).click()
  return dialog
}

test('keeps a briefing in the project, opens it again, and deletes it undoably', async ({
  app,
  attest,
  page
}) => {
  await seed(attest)
  await page.reload()
  await expect(app.count('3 claims')).toBeVisible()

  const dialog = await openBriefing(page)
  const picker = dialog.getByLabel('Stored briefing')
  await expect(picker).toHaveValue('')
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeDisabled()
  await dialog.getByLabel('Title').fill('Rice and rare earths')
  await dialog.getByLabel(/Bottom line/).fill(BOTTOM_LINE)
  await dialog.getByRole('button', { name: 'Add a key judgement' }).click()
  await dialog.getByLabel('Judgement 1', { exact: true }).fill(FIRST)
  await dialog.getByRole('button', { name: 'Add a key judgement' }).click()
  await dialog.getByLabel('Confidence of judgement 2').selectOption('unlikely')
  await dialog.getByLabel('Judgement 2', { exact: true }).fill(SECOND)
  await dialog.getByRole('radio', { name: 'All claims' }).check()
  await dialog.getByRole('button', { name: 'Save briefing' }).click()
  await expect(dialog.getByRole('status')).toHaveText(
    '“Rice and rare earths” is saved in the project'
  )
  await expect(picker.locator('option:checked')).toHaveText('Rice and rare earths')

  // Stored, with its scope: the core has it as the form had it.
  const [stored] = await attest.api<
    Array<{ title: string; bottomLine: string; scope: unknown; judgements: unknown[] }>
  >('briefings.list', {})
  expect(stored).toMatchObject({
    title: 'Rice and rare earths',
    bottomLine: BOTTOM_LINE,
    scope: { type: 'all' },
    judgements: [
      { text: FIRST, confidence: 'likely', claimIds: [] },
      { text: SECOND, confidence: 'unlikely', claimIds: [] }
    ]
  })

  // Reopened, the dialog shows the briefing last used.
  await dialog.getByRole('button', { name: 'Close' }).click()
  let again = await openBriefing(page)
  await expect(again.getByLabel('Stored briefing').locator('option:checked')).toHaveText(
    'Rice and rare earths'
  )
  await expect(again.getByLabel(/Bottom line/)).toHaveValue(BOTTOM_LINE)

  // A new briefing empties the form; picking the stored one brings everything back.
  await again.getByLabel('Stored briefing').selectOption({ label: 'New briefing' })
  await expect(again.getByLabel(/Bottom line/)).toHaveValue('')
  await expect(again.getByLabel('Judgement 1', { exact: true })).toHaveCount(0)
  await again.getByRole('button', { name: 'Close' }).click()
  again = await openBriefing(page)
  const pickerAgain = again.getByLabel('Stored briefing')
  await expect(pickerAgain).toHaveValue('')
  await pickerAgain.selectOption({ label: 'Rice and rare earths' })
  await expect(again.getByLabel('Title')).toHaveValue('Rice and rare earths')
  await expect(again.getByLabel(/Bottom line/)).toHaveValue(BOTTOM_LINE)
  await expect(again.getByLabel('Judgement 1', { exact: true })).toHaveValue(FIRST)
  await expect(again.getByLabel('Judgement 2', { exact: true })).toHaveValue(SECOND)
  await expect(again.getByLabel('Confidence of judgement 2')).toHaveValue('unlikely')
  await expect(again.getByRole('radio', { name: 'All claims' })).toBeChecked()

  // Renamed: Save changes updates the one stored briefing.
  await again.getByLabel('Title').fill('Rice, rare earths')
  await again.getByRole('button', { name: 'Save changes' }).click()
  await expect(again.getByRole('status')).toHaveText('“Rice, rare earths” is saved in the project')
  await expect(pickerAgain.locator('option')).toHaveText(['New briefing', 'Rice, rare earths'])

  // Deleted, then back with Undo.
  await again.getByRole('button', { name: 'Delete' }).click()
  await expect(again.getByRole('status')).toContainText('Deleted “Rice, rare earths”')
  await expect(pickerAgain.locator('option')).toHaveText(['New briefing'])
  await expect(again.getByLabel(/Bottom line/)).toHaveValue('')
  expect(await attest.api<unknown[]>('briefings.list', {})).toHaveLength(0)
  await again.getByRole('button', { name: 'Undo' }).click()
  await expect(pickerAgain.locator('option:checked')).toHaveText('Rice, rare earths')
  await expect(again.getByLabel(/Bottom line/)).toHaveValue(BOTTOM_LINE)
  expect(await attest.api<unknown[]>('briefings.list', {})).toHaveLength(1)

  // Deleted for good: the dialog reopens on a new briefing.
  await again.getByRole('button', { name: 'Delete' }).click()
  await expect(pickerAgain.locator('option')).toHaveText(['New briefing'])
  await again.getByRole('button', { name: 'Close' }).click()
  const last = await openBriefing(page)
  await expect(last.getByLabel('Stored briefing')).toHaveValue('')
  await expect(last.getByLabel(/Bottom line/)).toHaveValue('')
})

test('links a key judgement to the claims in scope that support it', async ({
  app,
  attest,
  page
}) => {
  await seed(attest)
  await page.reload()
  await expect(app.count('3 claims')).toBeVisible()

  const dialog = await openBriefing(page)
  await dialog.getByLabel('Title').fill('Rice')
  await dialog.getByLabel(/Bottom line/).fill(BOTTOM_LINE)
  await dialog.getByRole('radio', { name: 'All claims' }).check()
  await dialog.getByRole('button', { name: 'Add a key judgement' }).click()
  await dialog.getByLabel('Judgement 1', { exact: true }).fill(FIRST)
  const find = dialog.getByLabel('Find a claim supporting judgement 1')
  await find.fill('rice')
  const found = dialog.getByRole('list', { name: 'Claims matching “rice”' })
  await expect(found.getByRole('button')).toHaveText([RICE_UP, RICE_DOWN].sort())
  await found.getByRole('button', { name: RICE_UP }).click()
  await expect(find).toHaveValue('')
  // Enter takes the first claim offered; one already linked is not offered again.
  await find.fill('japan')
  await expect(found).toHaveCount(0)
  await expect(dialog.getByRole('list', { name: 'Claims matching “japan”' })).toHaveText(RICE_DOWN)
  await find.press('Enter')
  const chips = dialog.getByRole('list', { name: 'Claims supporting judgement 1' })
  await expect(chips.getByRole('listitem')).toHaveText([RICE_UP, RICE_DOWN])
  await find.fill('nothing like this')
  await expect(dialog.getByText('No claim in scope matches')).toBeVisible()
  await find.fill('')

  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true })
    await dialog.getByRole('button', { name: 'Save briefing' }).scrollIntoViewIfNeeded()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.waitForTimeout(400)
      await page.screenshot({ path: path.join(SHOTS, `saved-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }

  await dialog.getByRole('button', { name: 'Save briefing' }).click()
  await expect(dialog.getByRole('status')).toHaveText('“Rice” is saved in the project')
  const claims = await attest.api<{ rows: Array<{ id: string; text: string }> }>('claims.list', {})
  const idOf = (text: string) => claims.rows.find((claim) => claim.text === text)?.id
  const [stored] = await attest.api<Array<{ judgements: unknown[] }>>('briefings.list', {})
  expect(stored?.judgements).toEqual([
    { text: FIRST, confidence: 'likely', claimIds: [idOf(RICE_UP), idOf(RICE_DOWN)] }
  ])

  // Reopened, the chips name the claims again; one removed and saved is gone from the store.
  await dialog.getByRole('button', { name: 'Close' }).click()
  const again = await openBriefing(page)
  const chipsAgain = again.getByRole('list', { name: 'Claims supporting judgement 1' })
  await expect(chipsAgain.getByRole('listitem')).toHaveText([RICE_UP, RICE_DOWN])
  await again.getByRole('button', { name: `Remove “${RICE_UP}” from judgement 1` }).click()
  await expect(chipsAgain.getByRole('listitem')).toHaveText([RICE_DOWN])
  await again.getByRole('button', { name: 'Save changes' }).click()
  await expect(again.getByRole('status')).toHaveText('“Rice” is saved in the project')
  const [changed] = await attest.api<Array<{ judgements: unknown[] }>>('briefings.list', {})
  expect(changed?.judgements).toEqual([
    { text: FIRST, confidence: 'likely', claimIds: [idOf(RICE_DOWN)] }
  ])
})
