import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createSeedSources, needsSeeds } from './seeds'
import type { AttestServer } from './fixtures'

needsSeeds()
const SHOTS = process.env.ATTEST_SHOTS

async function importSeeds(attest: AttestServer, page: Page): Promise<void> {
  await createSeedSources(attest)
  await page.reload()
}

const pairCard = (page: Page, a: string, b: string) =>
  page.getByRole('article', { name: new RegExp(`: ${a} / ${b}`) })

test('Compare lines up the seeds’ disagreements and turns one into claims, undoably', async ({
  app,
  attest,
  page
}) => {
  await importSeeds(attest, page)
  await app.show('Compare')
  await expect(page.getByRole('checkbox', { name: /Japansk ambassadør/ })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: /Partnerschaft/ })).toBeChecked()

  const phd = pairCard(
    page,
    'mer enn 60 vietnamesiske doktorgradsstudenter',
    '63 vietnamesische Doktoranden'
  )
  const start = pairCard(page, 'oktober i år', 'September 2025')
  const trade = pairCard(page, '50 milliarder dollar', '42,5 Milliarden US-Dollar')
  for (const [card, outcome, quotes] of [
    [
      phd,
      'More precise',
      ['mer enn 60 vietnamesiske doktorgradsstudenter', '63 vietnamesische Doktoranden']
    ],
    [start, 'Conflict', ['oktober i år', 'September 2025']],
    [trade, 'Not comparable', ['50 milliarder dollar', '42,5 Milliarden US-Dollar']]
  ] as const) {
    await expect(card).toBeVisible()
    await expect(card.locator('.outcome')).toContainText(outcome)
    // Both figures are marked in their sentences.
    await expect(card.locator('mark')).toHaveText([...quotes])
  }
  await expect(start).toContainText('starts 2025-10-01 vs 2025-09-01')
  // Agreeing figures are left out while "Disagreements only" is on.
  await expect(
    pairCard(page, 'rundt 20 milliarder USD', 'rund 20 Milliarden US-Dollar')
  ).toHaveCount(0)

  // Up and Down move between the rows.
  await phd.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('.pair-card:focus')).toHaveCount(1)

  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `compare-compare-${scheme}.png`) })
    }
    await page.setViewportSize({ width: 760, height: 800 })
    await page.screenshot({ path: path.join(SHOTS, 'compare-compare-narrow.png') })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.emulateMedia({ colorScheme: 'light' })
  }

  await start.getByRole('button', { name: /^Make claims of/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Make claims of this pair' })
  await expect(dialog.getByRole('radio', { name: 'contradict each other' })).toBeChecked()
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'compare-make-claims-light.png') })
  const first = dialog.getByRole('textbox', { name: /First claim/ })
  await first.fill('The joint programme started in October 2025.')
  await dialog.getByRole('button', { name: 'Make claims' }).click()
  await expect(dialog).toBeHidden()
  await expect(app.nav('Claims')).toContainText('2')

  const claims = await attest.api<{ rows: Array<{ id: string; text: string }> }>('claims.list', {})
  expect(claims.rows.map((claim) => claim.text)).toContain(
    'The joint programme started in October 2025.'
  )
  const made = claims.rows.find((claim) => claim.text.startsWith('The joint programme'))
  const relations = await attest.api<Array<{ kind: string }>>('relations.list', {
    claimId: made?.id
  })
  expect(relations.map((relation) => relation.kind)).toEqual(['contradicts'])
  const citations = await attest.api<Array<{ quote: string }>>('citations.list', {
    claimId: made?.id
  })
  expect(citations[0]?.quote).toContain('oktober i år')

  await page.getByRole('button', { name: 'Undo' }).first().click()
  await expect(page.getByText(/Undone: Claims from a disagreement/)).toBeVisible()
  await expect.poll(async () => (await attest.api<{ claims: number }>('stats', {})).claims).toBe(0)

  // Dismiss a pair, then undo the dismissal.
  await trade.getByRole('button', { name: /^Dismiss/ }).click()
  await expect(trade).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).first().click()
  await expect(trade).toBeVisible()
})

test('the Disagreements list filters by outcome and source and opens a pair', async ({
  app,
  attest,
  page
}) => {
  await importSeeds(attest, page)
  await app.show('Disagreements')
  const list = page.getByRole('list', { name: 'Pairs of figures' })
  const row = (a: string) => list.getByRole('listitem', { name: new RegExp(`: ${a} /`) })
  await expect(row('oktober i år').first()).toBeVisible()
  await expect(row('mer enn 60 vietnamesiske doktorgradsstudenter')).toBeVisible()
  await expect(row('rundt 20 milliarder USD')).toHaveCount(0)

  // Only conflicts.
  for (const name of [/More precise/, /Not comparable/]) {
    await page.getByRole('group', { name: 'Filter pairs' }).getByRole('button', { name }).click()
  }
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(row('oktober i år')).toContainText('September 2025')

  // Consistent ones, one source at a time.
  await page.getByRole('button', { name: /Consistent/ }).click()
  await expect(row('rundt 20 milliarder USD')).toBeVisible()
  await page
    .getByRole('combobox', { name: 'Source' })
    .selectOption({ label: 'Japansk ambassadør (VietnamPlus)' })
  await expect(row('rundt 20 milliarder USD')).toBeVisible()

  await row('oktober i år').click()
  const detail = page.getByRole('region', { name: 'The pair side by side' })
  await expect(detail.locator('mark')).toHaveText(['oktober i år', 'September 2025'])
  await expect(detail).toContainText('starts 2025-10-01 vs 2025-09-01')

  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `compare-disagreements-${scheme}.png`) })
    }
    await page.setViewportSize({ width: 760, height: 800 })
    await page.screenshot({ path: path.join(SHOTS, 'compare-disagreements-narrow.png') })
  }

  // Dismissed pairs come back with "Show dismissed".
  await detail.getByRole('button', { name: /^Dismiss/ }).click()
  await expect(row('oktober i år')).toHaveCount(0)
  await page.getByRole('checkbox', { name: /Show dismissed/ }).check()
  await expect(row('oktober i år')).toContainText('(dismissed)')
})
