import { expect, test } from './fixtures'

test('Import is on the claims toolbar, and Import and Export look different', async ({
  app,
  page
}) => {
  await app.show('Claims')
  const importButton = page.getByRole('button', { name: 'Import…' })
  const exportButton = page.getByRole('button', { name: 'Export…' })
  await expect(importButton).toBeVisible()
  await expect(exportButton).toBeVisible()
  const importIcon = await importButton.locator('svg').innerHTML()
  const exportIcon = await exportButton.locator('svg').innerHTML()
  expect(importIcon).not.toBe(exportIcon)

  await importButton.click()
  await expect(page.getByRole('dialog', { name: 'Import documents' })).toBeVisible()
  await page.keyboard.press('Escape')

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: `/work/coord/shots/sample-claims-toolbar-${scheme}.png` })
  }
})
