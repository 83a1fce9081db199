import { expect, test } from './fixtures'

test('the column layout and sort are remembered for the project', async ({ app, attest, page }) => {
  for (const [text, status] of [
    ['Refined copper exports doubled.', 'refuted'],
    ['The minister visited Hanoi.', 'corroborated'],
    ['Steel tariffs were cut.', 'contested']
  ] as const) {
    await attest.api('claims.create', { text, status })
  }
  await page.reload()
  await expect(app.count('3 claims')).toBeVisible()

  const status = app.columnHeader('Claims', 'Status')
  await status.click()
  await expect(status).toHaveAttribute('aria-sort', 'ascending')
  await expect
    .poll(() => app.columnTexts('Claims', 'status'))
    .toEqual(['Contested', 'Corroborated', 'Refuted'])

  await page.reload()
  await expect(app.count('3 claims')).toBeVisible()
  await expect(app.columnHeader('Claims', 'Status')).toHaveAttribute('aria-sort', 'ascending')
  await expect
    .poll(() => app.columnTexts('Claims', 'status'))
    .toEqual(['Contested', 'Corroborated', 'Refuted'])
})

test('the appearance follows the system until the analyst picks one', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')

  await page.getByRole('radio', { name: 'Dark' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.reload()
  await expect(app.nav('Claims')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()
})
