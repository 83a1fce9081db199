import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'
import type { AppPage } from './pages/AppPage'

/*
 * Screenshots for looking at the app, not assertions about it: run with
 * ATTEST_SHOTS=/tmp/attest-shots npx playwright test look
 */
const SHOTS = process.env.ATTEST_SHOTS

type Tag = { id: string; path: string }
type Claim = { id: string; text: string }

const CLAIMS: Array<[string, string, number | null, number | null, string | null, string[]]> = [
  [
    'Chile shipped 96,000 tonnes of refined copper to India in 2024.',
    'corroborated',
    2,
    80,
    '2024-12-31',
    ['Economy / Trade']
  ],
  [
    'Phạm Minh Chính visited Gunma prefecture to meet Vietnamese workers.',
    'unverified',
    null,
    null,
    '2023-05',
    ['Politics']
  ],
  [
    'Brazil cut its import tariff on wind turbines to 5% in March.',
    'contested',
    3,
    55,
    '2024-03',
    ['Economy / Trade', 'Energy']
  ],
  [
    'The Norwegian foreign minister visited Hanoi on 14 May.',
    'corroborated',
    1,
    95,
    '2024-05-14',
    ['Politics']
  ],
  [
    'Exports of refined copper to India doubled in 2024, according to the ministry.',
    'refuted',
    5,
    20,
    '2024',
    ['Economy / Trade']
  ],
  [
    'Vietnam’s electricity imports from Laos rose 40% in the first half.',
    'unverified',
    4,
    35,
    '2024-06',
    ['Energy']
  ],
  [
    'The central bank held its policy rate at 4.5% for the third month.',
    'corroborated',
    2,
    75,
    '2024-07-02',
    ['Economy']
  ],
  [
    'A second LNG terminal will open in Thi Vai before the end of the year.',
    'contested',
    3,
    null,
    null,
    ['Energy', 'Economy']
  ],
  [
    'The ministry retracted its March estimate of rice exports.',
    'retracted',
    6,
    null,
    '2024-04',
    ['Economy / Trade']
  ],
  ['Garment exporters report orders down 12% year on year.', 'unverified', null, 40, '2024-02', []]
]

async function seed(api: <T>(name: string, input: unknown) => Promise<T>) {
  const economy = await api<Tag>('tags.create', {
    name: 'Economy',
    colour: '#3e63dd',
    description: 'Macro figures, prices, budgets'
  })
  await api<Tag>('tags.create', {
    name: 'Trade',
    parentId: economy.id,
    colour: '#3e63dd',
    description: 'Imports, exports, tariffs'
  })
  await api<Tag>('tags.create', { name: 'Energy', colour: '#f76b15' })
  await api<Tag>('tags.create', {
    name: 'Politics',
    colour: '#8e4ec6',
    description: 'Visits, statements, elections'
  })
  const tags = await api<Array<Tag>>('tags.list', {})
  const byPath = new Map(tags.map((tag) => [tag.path, tag.id]))
  const claims: Claim[] = []
  for (const [text, status, credibility, confidence, eventDate, tagPaths] of CLAIMS) {
    claims.push(
      await api<Claim>('claims.create', {
        text,
        status,
        credibility,
        confidence,
        eventDate,
        tagIds: tagPaths.map((p) => byPath.get(p))
      })
    )
  }
  for (const [title, publisher, kind, reliability] of [
    ['Customs bulletin: copper exports, 2024', 'National Customs Service', 'report', 'A'],
    ['Minister meets workers in Gunma', 'VnExpress', 'article', 'B'],
    ['Interview with a port official', 'Reuters', 'interview', 'C']
  ] as const) {
    await api('sources.create', {
      title,
      publisher,
      kind,
      reliability,
      url: 'https://example.org/' + kind
    })
  }
  return { claims, byPath }
}

async function shoot(app: AppPage, name: string) {
  const page = app.page
  if (!SHOTS) return
  fs.mkdirSync(SHOTS, { recursive: true })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.waitForTimeout(150)
    await page.screenshot({ path: path.join(SHOTS, `${name}-${scheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  // A new theme re-creates the grids' filters, and AG Grid then reads the rows again.
  await app.settle(800)
}

test('look at it', async ({ app, attest, page }) => {
  test.skip(!SHOTS, 'Set ATTEST_SHOTS to a folder to take screenshots')
  test.setTimeout(120_000)
  const { claims } = await seed(attest.api)
  const [copper, pham, brazil, , refuted] = claims
  await attest.api('notes.create', {
    targetKind: 'claim',
    targetId: brazil!.id,
    body: 'Decree 11.321 sets 5% only for turbines above 3 MW; smaller ones stay at 11%.'
  })
  await attest.api('notes.create', {
    targetKind: 'claim',
    targetId: brazil!.id,
    body: 'Ask the trade attaché for the full tariff schedule.'
  })
  await attest.api('relations.create', {
    fromClaimId: brazil!.id,
    toClaimId: copper!.id,
    kind: 'corroborates'
  })
  await attest.api('relations.create', {
    fromClaimId: refuted!.id,
    toClaimId: brazil!.id,
    kind: 'contradicts'
  })
  await attest.api('claims.update', {
    id: brazil!.id,
    changes: { status: 'contested', confidence: 55 }
  })
  await attest.api('claims.delete', { ids: [pham!.id] })
  await page.reload()
  await expect(app.count('9 claims')).toBeVisible()

  // Filter by status through the column filter, select three rows.
  await app.openColumnFilter('Claims', 'status')
  await page.getByRole('checkbox', { name: 'Contested' }).check()
  await page.getByRole('checkbox', { name: 'Corroborated' }).check()
  await shoot(app, 'filter-status')
  await page.keyboard.press('Escape')
  await app.openColumnFilter('Claims', 'tags')
  await page.getByRole('checkbox', { name: 'Economy', exact: true }).check()
  await shoot(app, 'filter-tags')
  await page.keyboard.press('Escape')
  await expect(app.count('4 claims')).toBeVisible()
  await app.cell('Claims', 'Brazil cut', 'status').click()
  await app.cell('Claims', 'central bank', 'status').click({ modifiers: ['ControlOrMeta'] })
  await app.cell('Claims', 'Chile shipped', 'status').click({ modifiers: ['ControlOrMeta'] })
  await app.cell('Claims', 'Brazil cut', 'text').click({ modifiers: ['ControlOrMeta'] })
  await app.cell('Claims', 'Brazil cut', 'text').click({ modifiers: ['ControlOrMeta'] })
  await shoot(app, 'claims-grid')
  await app.bulkBar.getByRole('button', { name: 'Tag…', exact: true }).click()
  await page.keyboard.type('ener')
  await shoot(app, 'bulk-tag')
  await page.keyboard.press('Escape')
  await app.bulkBar.getByRole('button', { name: 'Status' }).click()
  await shoot(app, 'bulk-status')
  await page.keyboard.press('Escape')

  await app.openDetails()
  await app.cell('Claims', 'Brazil cut', 'text').click()
  await shoot(app, 'claims-detail')
  await app
    .details()
    .locator('.detail-body')
    .evaluate((el) => el.scrollTo(0, 10_000))
  await shoot(app, 'claims-detail-scrolled')

  await app.button('Clear filters').click()
  await app.cell('Claims', 'Garment', 'tags').dblclick()
  await page.keyboard.type('tra')
  await shoot(app, 'tag-editor')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Columns' }).click()
  await shoot(app, 'columns-menu')
  await page.keyboard.press('Escape')

  await app.show('Sources')
  await app.cell('Sources', 'Customs bulletin', 'title').click()
  await shoot(app, 'sources')
  await app.openDetails()
  await shoot(app, 'sources-detail')

  await app.show('Tags')
  await app.tagItem('Economy / Trade').click()
  await shoot(app, 'tags')
  await app.button('New tag').click()
  await shoot(app, 'tags-new')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Merge…' }).click()
  await app
    .dialog(/Merge/)
    .getByLabel('Other tag', { exact: true })
    .selectOption({ label: 'Energy' })
  await shoot(app, 'tags-merge')
  await page.keyboard.press('Escape')

  await app.show('Trash')
  await app.cell('Trashed claims', 'Phạm', 'deletedAt').click()
  await shoot(app, 'trash')
})
