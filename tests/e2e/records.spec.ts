import { expect, test } from './fixtures'

const COPPER = 'Chile shipped 96,000 tonnes of refined copper to India in 2024.'
const TARIFF = 'Brazil cut its import tariff on wind turbines to 5% in March.'
const RATE = 'The central bank held its policy rate at 4.5% for the third month.'
const VISIT = 'The Norwegian foreign minister visited Hanoi on 14 May.'
const PHAM = 'Phạm Minh Chính visited Gunma'
const NOTE = 'Decree 11.321 sets 5% only for turbines above 3 MW.'

test('an analyst codes claims with tags, filters, notes, relations and undo, and it all survives a restart', async ({
  app,
  attest,
  page
}) => {
  test.setTimeout(90_000)
  for (const text of [COPPER, TARIFF, RATE, VISIT]) await attest.api('claims.create', { text })
  await page.reload()
  await expect(app.count('4 claims')).toBeVisible()

  // A codebook with a sub-tag.
  await app.show('Tags')
  await expect(page.getByText('No tags yet', { exact: false })).toBeVisible()
  await app.createTag('Economy')
  await app.createTag('Trade', 'Economy')
  await expect(app.count('2 tags')).toBeVisible()

  // Three claims tagged at once from the bulk bar.
  await app.show('Claims')
  await app.selectRows('Claims', [COPPER, TARIFF, RATE])
  await expect(app.bulkBar.getByText('3 selected')).toBeVisible()
  await app.bulkBar.getByRole('button', { name: 'Tag…', exact: true }).click()
  await page.getByRole('option', { name: 'Economy / Trade', exact: true }).click()
  await expect(app.toast('Tagged 3 claims “Economy / Trade”')).toBeVisible()
  for (const text of [COPPER, TARIFF, RATE]) {
    await expect(app.cell('Claims', text, 'tags')).toHaveText('Trade')
  }
  await expect(app.cell('Claims', VISIT, 'tags')).toHaveText('')
  await app.bulkBar.getByRole('button', { name: 'Clear selection' }).click()
  await expect(app.bulkBar).toBeHidden()

  // A new tag typed straight into a Tags cell.
  await app.cell('Claims', VISIT, 'tags').dblclick()
  await page.getByRole('combobox', { name: 'Find or create a tag' }).fill('Diplomacy')
  await page.getByRole('option', { name: 'Create tag “Diplomacy”' }).click()
  await expect(page.getByRole('option', { name: 'Diplomacy', exact: true })).toHaveAttribute(
    'aria-selected',
    'true'
  )
  await page.getByRole('combobox', { name: 'Find or create a tag' }).press('Escape')
  await expect(app.cell('Claims', VISIT, 'tags')).toHaveText('Diplomacy')

  // Filtering by the parent tag finds what carries its sub-tag.
  await app.openColumnFilter('Claims', 'tags')
  await page.getByRole('checkbox', { name: 'Economy', exact: true }).check()
  await expect(app.count('3 claims')).toBeVisible()
  await expect(app.row('Claims', VISIT)).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(app.activeFilters).toContainText('Tags')
  await expect(app.activeFilters).toContainText('Economy')
  await app.activeFilters.getByRole('button', { name: 'Clear filters' }).click()
  await expect(app.count('4 claims')).toBeVisible()
  await expect(app.activeFilters).toBeHidden()

  // The search ignores diacritics, and keeps them too.
  await app.createClaim(PHAM)
  await expect(app.count('5 claims')).toBeVisible()
  await app.search.fill('Pham Minh Chinh')
  await expect(app.count('1 claim')).toBeVisible()
  await expect(app.row('Claims', PHAM)).toBeVisible()
  await app.search.fill('Phạm Minh Chính')
  await expect(app.count('1 claim')).toBeVisible()
  await app.search.press('Escape')
  await expect(app.count('5 claims')).toBeVisible()

  // A note and a relation from the detail panel.
  await app.openDetails()
  await app.cell('Claims', TARIFF, 'text').click()
  const details = app.details()
  await expect(details.getByLabel('Claim', { exact: true })).toHaveValue(TARIFF)
  await details.getByLabel('New note').fill(NOTE)
  await details.getByRole('button', { name: 'Add note' }).click()
  await expect(details.getByRole('region', { name: 'Notes' }).getByText(NOTE)).toBeVisible()

  await details.getByRole('button', { name: 'Add relation' }).click()
  await details.getByRole('combobox', { name: 'Relation' }).selectOption('contradicts')
  await details.getByRole('searchbox', { name: 'Find a claim' }).fill('copper')
  await details.getByRole('button', { name: COPPER }).click()
  const relations = details.getByRole('region', { name: 'Relations' })
  await expect(relations.getByRole('heading', { name: 'Contradicts →' })).toBeVisible()
  await expect(relations.getByText(COPPER)).toBeVisible()

  // Undo and redo, from the keyboard and from the toolbar.
  const undo = page.getByRole('button', { name: 'Undo', exact: true })
  const redo = page.getByRole('button', { name: 'Redo', exact: true })
  await expect(undo).toHaveAttribute('title', /^Undo Relate claims \(contradicts\)/)
  await app.cell('Claims', TARIFF, 'updatedAt').click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(app.toast('Undone: Relate claims (contradicts)')).toBeVisible()
  await expect(relations.getByText(COPPER)).toHaveCount(0)
  await expect(redo).toHaveAttribute('title', /^Redo Relate claims \(contradicts\)/)
  await redo.click()
  await expect(app.toast('Redone: Relate claims (contradicts)')).toBeVisible()
  await expect(relations.getByText(COPPER)).toBeVisible()

  await app.choose('Claims', RATE, 'status', 'Contested')
  await expect(undo).toHaveAttribute('title', /^Undo Edit claim/)
  await undo.click()
  await expect(app.toast('Undone: Edit claim')).toBeVisible()
  await expect(app.cell('Claims', RATE, 'status')).toHaveText('Unverified')
  await page.keyboard.press('ControlOrMeta+Shift+z')
  await expect(app.toast('Redone: Edit claim')).toBeVisible()
  await expect(app.cell('Claims', RATE, 'status')).toHaveText('Contested')

  // Deleted, then restored from the Trash.
  await app.selectRows('Claims', [VISIT])
  await app.bulkBar.getByRole('button', { name: 'Delete' }).click()
  await app.dialog('Delete 1 claim?').getByRole('button', { name: 'Delete' }).click()
  await expect(app.count('4 claims')).toBeVisible()
  await expect(undo).toHaveAttribute('title', /^Undo Delete a claim/)
  await app.show('Trash')
  await expect(app.row('Trashed claims', VISIT)).toBeVisible()
  await app.selectRows('Trashed claims', [VISIT], 'deletedAt')
  await app.button('Restore').click()
  await expect(app.toast('Restored 1 claim')).toBeVisible()
  await expect(app.grid('Trashed claims').getByText('No claims in the Trash')).toBeVisible()
  await app.show('Claims')
  await expect(app.count('5 claims')).toBeVisible()
  await expect(app.cell('Claims', VISIT, 'tags')).toHaveText('Diplomacy')

  // A restart: the project file has it all.
  await app.open(await attest.restart())
  await expect(app.count('5 claims')).toBeVisible()
  await expect(app.cell('Claims', COPPER, 'tags')).toHaveText('Trade')
  await expect(app.cell('Claims', RATE, 'status')).toHaveText('Contested')
  await app.openDetails()
  await app.cell('Claims', TARIFF, 'text').click()
  const reopened = app.details()
  await expect(reopened.getByLabel('Claim', { exact: true })).toHaveValue(TARIFF)
  await expect(reopened.getByRole('region', { name: 'Notes' }).getByText(NOTE)).toBeVisible()
  const reopenedRelations = reopened.getByRole('region', { name: 'Relations' })
  await expect(reopenedRelations.getByRole('heading', { name: 'Contradicts →' })).toBeVisible()
  await expect(reopenedRelations.getByText(COPPER)).toBeVisible()
  const history = reopened.getByRole('region', { name: 'History' })
  await expect(history.getByText('Tagged “Economy / Trade”')).toBeVisible()
  await expect(history.getByText('Relation added: contradicts →')).toHaveCount(2)
  await expect(history.getByText(/^Note added: “Decree 11.321/)).toBeVisible()

  await app.show('Tags')
  await expect(app.tagItem('Economy')).toBeVisible()
  await expect(app.tagItem('Economy / Trade')).toBeVisible()
  await expect(app.tagItem('Diplomacy')).toBeVisible()
})

test('bulk edits set status and credibility, and one undo takes them back', async ({
  app,
  attest,
  page
}) => {
  for (const text of [COPPER, TARIFF, RATE]) await attest.api('claims.create', { text })
  await page.reload()
  await expect(app.count('3 claims')).toBeVisible()

  await app.selectRows('Claims', [COPPER, RATE])
  await app.bulkBar.getByRole('button', { name: 'Status' }).click()
  await page.getByRole('menuitem', { name: 'Refuted' }).click()
  await expect(app.toast('Status of 2 claims: Refuted')).toBeVisible()
  await expect(app.cell('Claims', COPPER, 'status')).toHaveText('Refuted')
  await expect(app.cell('Claims', RATE, 'status')).toHaveText('Refuted')
  await expect(app.cell('Claims', TARIFF, 'status')).toHaveText('Unverified')

  await app.bulkBar.getByRole('button', { name: 'Credibility' }).click()
  await page.getByRole('menuitem', { name: '5 Improbable' }).click()
  await expect(app.cell('Claims', COPPER, 'credibility')).toHaveText(/Improbable/)

  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(app.toast('Undone: Set credibility of 2 claims')).toBeVisible()
  await expect(app.cell('Claims', COPPER, 'credibility')).toHaveText('Not graded')
  await expect(app.cell('Claims', COPPER, 'status')).toHaveText('Refuted')
})

test('the detail panel edits fields and shows the core’s reasons inline', async ({
  app,
  attest,
  page
}) => {
  await attest.api('claims.create', { text: TARIFF })
  await page.reload()
  await app.openDetails()
  await app.cell('Claims', TARIFF, 'text').click()
  const details = app.details()

  const confidence = details.getByLabel('Confidence')
  await confidence.fill('150')
  await confidence.press('Enter')
  await expect(details.getByRole('alert')).toHaveText('Confidence is a number from 0 to 100')
  await expect(confidence).toHaveValue('150')
  await confidence.fill('60')
  await confidence.press('Enter')
  await expect(details.getByRole('alert')).toHaveCount(0)
  await expect(app.cell('Claims', TARIFF, 'confidence')).toHaveText('60')

  await details.getByLabel('Status').selectOption({ label: 'Corroborated' })
  await expect(app.cell('Claims', TARIFF, 'status')).toHaveText('Corroborated')
  await expect(
    details.getByRole('region', { name: 'History' }).getByText('Status: unverified → corroborated')
  ).toBeVisible()
})

test('tags are renamed, merged and deleted in the codebook', async ({ app, attest, page }) => {
  const trade = await attest.api<{ id: string }>('tags.create', { name: 'Trade' })
  const commerce = await attest.api<{ id: string }>('tags.create', { name: 'Commerce' })
  const claim = await attest.api<{ id: string }>('claims.create', { text: COPPER })
  await attest.api('claims.tag', { ids: [claim.id], tagId: commerce.id, tagged: true })
  await page.reload()
  await app.show('Tags')

  await app.tagItem('Trade').click()
  const inspector = page.getByRole('region', { name: 'Tag Trade' })
  await inspector.getByLabel('Name').fill('Trade policy')
  await inspector.getByLabel('Name').press('Enter')
  await expect(app.tagItem('Trade policy')).toBeVisible()

  await page
    .getByRole('region', { name: 'Tag Trade policy' })
    .getByRole('button', { name: 'Merge…' })
    .click()
  const merge = app.dialog('Merge “Trade policy” with another tag')
  await merge.getByLabel('Other tag', { exact: true }).selectOption({ label: 'Commerce' })
  await merge.getByRole('button', { name: 'Merge tags' }).click()
  await expect(merge).toBeHidden()
  await expect(app.tagItem('Commerce')).toHaveCount(0)
  expect(trade.id).toBeTruthy()

  await page
    .getByRole('region', { name: 'Tag Trade policy' })
    .getByRole('button', { name: 'Show claims →' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible()
  await expect(app.activeFilters).toContainText('Trade policy')
  await expect(app.count('1 claim')).toBeVisible()
  await expect(app.cell('Claims', COPPER, 'tags')).toHaveText('Trade policy')

  await app.show('Tags')
  await page
    .getByRole('region', { name: 'Tag Trade policy' })
    .getByRole('button', { name: 'Delete…' })
    .click()
  const confirm = app.dialog('Delete tag “Trade policy”?')
  await expect(confirm).toContainText('1 claim loses it.')
  await confirm.getByRole('button', { name: 'Delete tag' }).click()
  await expect(app.tagItem('Trade policy')).toHaveCount(0)
  await app.show('Claims')
  await expect(app.cell('Claims', COPPER, 'tags')).toHaveText('')
})

test('hidden columns stay hidden after a reload', async ({ app, attest, page }) => {
  await attest.api('claims.create', { text: COPPER })
  await page.reload()
  await expect(app.columnHeader('Claims', 'Confidence')).toBeVisible()
  await page.getByRole('button', { name: 'Columns' }).click()
  await page.getByRole('menuitemcheckbox', { name: 'Confidence' }).click()
  await page.keyboard.press('Escape')
  await expect(app.columnHeader('Claims', 'Confidence')).toHaveCount(0)
  await page.reload()
  await expect(app.count('1 claim')).toBeVisible()
  await expect(app.columnHeader('Claims', 'Event date')).toBeVisible()
  await expect(app.columnHeader('Claims', 'Confidence')).toHaveCount(0)
})

test('a quick search with more hits than a page counts them all and scrolls to the oldest', async ({
  app,
  attest,
  page
}) => {
  test.setTimeout(90_000)
  const figure = (n: number): string => `Trade figure ${String(n).padStart(3, '0')} for the quarter`
  for (let n = 1; n <= 230; n++) await attest.api('claims.create', { text: figure(n) })
  await attest.api('claims.create', { text: 'A delegation visited Gunma prefecture' })
  await page.reload()
  await expect(app.count('231 claims')).toBeVisible()

  // The first page of hits is newest first; the count that follows is exact.
  await app.search.fill('trade quarter')
  await expect(app.count('230 claims')).toBeVisible()
  await expect(app.rows('Claims').first()).toContainText(figure(230))
  // Scrolled to the end, as with the scroll bar: the oldest hit is there, the rest are not.
  await app.grid('Claims').evaluate((grid) => {
    for (const element of grid.querySelectorAll('*')) {
      if (element.scrollHeight > element.clientHeight) element.scrollTo(0, element.scrollHeight)
    }
  })
  await expect(app.row('Claims', figure(1))).toBeVisible()
  await expect(app.row('Claims', 'Gunma')).toHaveCount(0)

  // One row selected, then every hit — including rows never loaded — and tagged at once.
  await app.check('Claims', figure(1))
  await expect(app.bulkBar.getByText('1 selected')).toBeVisible()
  await app.bulkBar.getByRole('button', { name: 'Select all 230 claims' }).click()
  await expect(app.bulkBar.getByText('All 230 selected')).toBeVisible()
  await app.bulkBar.getByRole('button', { name: 'Tag…', exact: true }).click()
  await page.getByRole('combobox', { name: 'Find or create a tag' }).fill('Quarterly')
  await page.keyboard.press('Enter')
  await expect(app.toast('Tagged 230 claims “Quarterly”')).toBeVisible()
  const tags = await attest.api<Array<{ id: string; name: string }>>('tags.list', {})
  const quarterly = tags.find((tag) => tag.name === 'Quarterly')
  expect(quarterly).toBeDefined()
  const tagged = (query?: string): Promise<{ total: number }> =>
    attest.api('claims.count', { filter: { tagIds: [quarterly?.id], query } })
  expect(await tagged()).toEqual({ total: 230 })
  // Exactly the hits: every trade figure, and not the claim the search left out.
  expect(await tagged('trade figure quarter')).toEqual({ total: 230 })
  expect(await tagged('gunma')).toEqual({ total: 0 })

  // Changing the selection leaves "all"; one undo takes the whole bulk tag back.
  await app.check('Claims', figure(2))
  await expect(app.bulkBar.getByText(/^\d+ selected$/)).toBeVisible()
  await expect(app.bulkBar.getByText(/^All \d+ selected$/)).toHaveCount(0)
  await app.bulkBar.getByRole('button', { name: 'Clear selection' }).click()
  await app.button('Undo').click()
  await expect.poll(tagged).toEqual({ total: 0 })
  await app.settle()
})
