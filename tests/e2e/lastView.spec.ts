import { expect, test } from './fixtures'

test('the open view is shown again after a restart', async ({ app, page }) => {
  await app.show('Sources')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible()
  await app.show('Claims')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible()
})
