import fs from 'node:fs'
import path from 'node:path'
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'

const SHOTS = process.env.ATTEST_SHOTS

type Created = { id: string }

const names = (marks: Locator) =>
  marks.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')))

test('dated claims on the timeline, filtered by tag; a click selects the claim in Claims', async ({
  app,
  attest,
  page
}) => {
  // Claims written for this test; the dates are out of order on purpose.
  const text = 'Oslo, 2025-09-22. Port talks resumed on Monday after a pause of six months.'
  const source = await attest.api<Created>('sources.create', {
    title: 'Port talks resume',
    publishedAt: '2025-09-22',
    content: text
  })
  const ports = await attest.api<Created>('tags.create', {
    name: 'Ports',
    parentId: null,
    colour: null
  })
  const dated = [
    { text: 'Port talks resumed', eventDate: '2025-09-21' },
    { text: 'Talks paused for the summer', eventDate: '2025-03-14' },
    { text: 'A new quay was ordered', eventDate: '2025-11-02' }
  ]
  const ids: string[] = []
  for (const claim of dated) ids.push((await attest.api<Created>('claims.create', claim)).id)
  await attest.api('claims.create', { text: 'An undated remark' })
  const start = text.indexOf('Port talks resumed')
  await attest.api('citations.create', {
    claimId: ids[0],
    sourceId: source.id,
    start,
    end: start + 18
  })
  await attest.api('claims.tag', { ids: [ids[0], ids[2]], tagId: ports.id, tagged: true })
  await page.reload()

  await app.show('Timeline')
  await expect(app.count('3 dated claims')).toBeVisible()
  const plot = page.getByRole('group', { name: 'Timeline of dated claims' })
  const marks = plot.getByRole('button')
  await expect(marks).toHaveCount(3)
  await expect
    .poll(() => names(marks))
    .toEqual([
      '2025-03-14: Talks paused for the summer',
      '2025-09-21: Port talks resumed',
      '2025-11-02: A new quay was ordered'
    ])

  // The keyboard walks the claims in date order; the strip below says what is chosen.
  await marks.first().focus()
  await page.keyboard.press('ArrowRight')
  await expect(marks.nth(1)).toBeFocused()
  await expect(page.getByText('reported 2025-09-22')).toBeVisible()
  await page.keyboard.press('+')
  await expect(app.button('Fit')).toBeEnabled()
  await page.keyboard.press('0')
  await expect(app.button('Fit')).toBeDisabled()

  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.waitForTimeout(150)
      await page.screenshot({ path: path.join(SHOTS, `timeline-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }

  // Filter by tag with the codebook's picker.
  await app.button('Filter by tag').click()
  await page.getByRole('combobox', { name: 'Find a tag' }).fill('Ports')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(app.count('2 dated claims')).toBeVisible()
  await expect
    .poll(() => names(marks))
    .toEqual(['2025-09-21: Port talks resumed', '2025-11-02: A new quay was ordered'])

  await marks.last().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible()
  const row = app.row('Claims', 'A new quay was ordered')
  await expect(row).toHaveClass(/ag-row-selected/)
  await expect(app.row('Claims', 'Talks paused for the summer')).toHaveCount(0)
})
