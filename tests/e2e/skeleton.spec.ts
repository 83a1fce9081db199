import { expect, test } from './fixtures'

const COPPER = 'Chile shipped 96,000 tonnes of refined copper to India in 2024.'
const VISIT = 'The Norwegian foreign minister visited Hanoi on 14 May.'
const TARIFF = 'Brazil cut its import tariff on wind turbines to 5% in March.'
const TARIFF_EDITED = 'Brazil cut its import tariff on wind turbines to 7.5% in March.'

test('an analyst creates, edits, sorts and deletes, and it all survives a restart', async ({
  app,
  attest
}) => {
  await expect(
    app.grid('Claims').getByText('No claims yet — create one with New claim')
  ).toBeVisible()

  await app.createClaim(COPPER)
  await app.createClaim(VISIT)
  await app.createClaim(TARIFF)
  await expect(app.count('3 claims')).toBeVisible()
  // Newest first until the analyst sorts.
  expect(await app.columnTexts('Claims', 'text')).toEqual([TARIFF, VISIT, COPPER])

  await app.editText('Claims', TARIFF, 'text', TARIFF_EDITED)
  await expect(app.cell('Claims', TARIFF_EDITED, 'text')).toBeVisible()
  await app.choose('Claims', VISIT, 'status', 'Corroborated')
  await expect(app.cell('Claims', VISIT, 'status')).toHaveText('Corroborated')

  await app.columnHeader('Claims', 'Claim').click()
  await expect.poll(() => app.columnTexts('Claims', 'text')).toEqual([TARIFF_EDITED, COPPER, VISIT])
  await app.columnHeader('Claims', 'Claim').click()
  await expect.poll(() => app.columnTexts('Claims', 'text')).toEqual([VISIT, COPPER, TARIFF_EDITED])

  await app.selectRows('Claims', [COPPER])
  await app.button('Delete').click()
  const confirm = app.dialog('Delete 1 claim?')
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(confirm).toBeHidden()
  await expect(app.count('2 claims')).toBeVisible()
  await expect(app.row('Claims', COPPER)).toHaveCount(0)

  await app.show('Sources')
  await app.createSource(
    'Customs bulletin: copper exports, 2024',
    'https://customs.example.org/2024'
  )
  await app.editText('Sources', 'Customs bulletin', 'publisher', 'National Customs Service')
  await expect(app.cell('Sources', 'Customs bulletin', 'publisher')).toHaveText(
    'National Customs Service'
  )
  await expect(app.nav('Sources')).toContainText('1')

  await app.open(await attest.restart())

  await expect(app.count('2 claims')).toBeVisible()
  await expect(app.cell('Claims', TARIFF_EDITED, 'text')).toBeVisible()
  await expect(app.cell('Claims', VISIT, 'status')).toHaveText('Corroborated')
  await expect(app.row('Claims', COPPER)).toHaveCount(0)
  await expect(app.row('Claims', TARIFF)).toHaveCount(0)
  await app.show('Sources')
  await expect(app.cell('Sources', 'Customs bulletin', 'publisher')).toHaveText(
    'National Customs Service'
  )
  await expect(app.cell('Sources', 'Customs bulletin', 'url')).toHaveText(
    'customs.example.org/2024'
  )
})

test('the Delete key asks first, and Cancel keeps the claims', async ({ app, page }) => {
  await app.createClaim(COPPER)
  await app.createClaim(VISIT)
  await app.selectRows('Claims', [VISIT])
  await app.check('Claims', COPPER)
  await expect(page.getByText('2 selected', { exact: true })).toBeVisible()
  await page.keyboard.press('Delete')
  const confirm = app.dialog('Delete 2 claims?')
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(app.count('2 claims')).toBeVisible()

  await page.keyboard.press('Delete')
  await app.dialog('Delete 2 claims?').getByRole('button', { name: 'Delete' }).click()
  await expect(app.count('0 claims')).toBeVisible()
  await expect(
    app.grid('Claims').getByText('No claims yet — create one with New claim', { exact: true })
  ).toBeVisible()
})

test('the core refuses a bad edit: the cell goes back and the reason is shown', async ({ app }) => {
  await app.createClaim(VISIT)
  await app.editText('Claims', VISIT, 'confidence', '150')
  await expect(app.alerts.filter({ hasText: 'Confidence is a number from 0 to 100' })).toBeVisible()
  await expect(app.cell('Claims', VISIT, 'confidence')).toHaveText('—')

  await app.editText('Claims', VISIT, 'confidence', '70')
  await expect(app.cell('Claims', VISIT, 'confidence')).toHaveText('70')
})

test('the quick search finds claims by their words', async ({ app, attest }) => {
  for (const text of [COPPER, VISIT, TARIFF]) await attest.api('claims.create', { text })
  await app.page.reload()
  await expect(app.count('3 claims')).toBeVisible()

  await app.search.fill('copper')
  await expect(app.count('1 claim')).toBeVisible()
  await expect(app.row('Claims', COPPER)).toBeVisible()
  await expect(app.rows('Claims')).toHaveCount(1)

  await app.search.fill('zeppelin')
  await expect(app.grid('Claims').getByText('No claims match “zeppelin”')).toBeVisible()

  await app.search.press('Escape')
  await expect(app.count('3 claims')).toBeVisible()
})

test('the API refuses requests without the access token', async ({ request, attest }) => {
  const anonymous = await request.post(`${attest.origin}/api/claims.list`, { data: {} })
  expect(anonymous.status()).toBe(401)
  expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })

  const forged = await request.post(`${attest.origin}/api/claims.list`, {
    data: {},
    headers: { Authorization: 'Bearer not-the-token' }
  })
  expect(forged.status()).toBe(401)

  const allowed = await request.post(`${attest.origin}/api/claims.list`, {
    data: {},
    headers: { Authorization: `Bearer ${attest.token}` }
  })
  expect(allowed.status()).toBe(200)
  expect(await allowed.json()).toMatchObject({ ok: true, value: { total: 0 } })
})
