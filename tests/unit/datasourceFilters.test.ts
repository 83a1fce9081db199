import { expect, test } from 'vitest'
import {
  activeFilterCount,
  claimListFilter,
  createDatasource,
  normaliseDate,
  readDateRange,
  readSetFilter,
  readTextFilter,
  sourceListFilter,
  toPageRequest,
  type ClaimListFilter,
  type PageRequest
} from '../../src/renderer/src/grid/datasource'

// The column filters an analyst sets in the grid, as the list filter the core runs as SQL.

const TAG_A = '6f1c0c1e-8a43-4a8e-9d3b-0f4f4f0b7c11'
const TAG_B = '0b7d3a2e-1c9f-4e57-8f7a-8d1b2c3d4e5f'

const isString = (value: unknown): value is string => typeof value === 'string'

test('text filter: trimmed words, blank or malformed means no filter', () => {
  expect(
    readTextFilter({ text: { filterType: 'text', type: 'contains', filter: ' copper ' } }, 'text')
  ).toBe('copper')
  expect(
    readTextFilter({ text: { filterType: 'text', type: 'contains', filter: '  ' } }, 'text')
  ).toBeUndefined()
  expect(readTextFilter({ text: { filterType: 'set', values: ['x'] } }, 'text')).toBeUndefined()
  expect(readTextFilter({ text: null }, 'text')).toBeUndefined()
  expect(readTextFilter({}, 'text')).toBeUndefined()
  expect(
    readTextFilter(
      { text: { filterType: 'text', type: 'contains', filter: 'y'.repeat(900) } },
      'text'
    )
  ).toHaveLength(500)
})

test('checklist filter: only values the contract accepts, once each; empty means no filter', () => {
  const model = { tags: { filterType: 'set', values: [TAG_A, 7, TAG_A, TAG_B] } }
  expect(readSetFilter(model, 'tags', isString)).toEqual([TAG_A, TAG_B])
  expect(
    readSetFilter({ tags: { filterType: 'set', values: [] } }, 'tags', isString)
  ).toBeUndefined()
  expect(
    readSetFilter({ tags: { filterType: 'set', values: 'oops' } }, 'tags', isString)
  ).toBeUndefined()
})

test('date range: partial dates are kept, anything else leaves that end open', () => {
  expect(normaliseDate(' 2024 ')).toBe('2024')
  expect(normaliseDate('2024-05')).toBe('2024-05')
  expect(normaliseDate('2024-05-14')).toBe('2024-05-14')
  expect(normaliseDate('2024-13')).toBeNull()
  expect(normaliseDate('14/05/2024')).toBeNull()
  expect(normaliseDate(20240514)).toBeNull()
  expect(
    readDateRange(
      { eventDate: { filterType: 'dateRange', from: '2024-01', to: 'soon' } },
      'eventDate'
    )
  ).toEqual({ from: '2024-01', to: null })
  expect(readDateRange({}, 'eventDate')).toEqual({ from: null, to: null })
})

test('claims: every column filter and the quick search in one contract filter', () => {
  const model = {
    text: { filterType: 'text', type: 'contains', filter: 'tariff' },
    status: { filterType: 'set', values: ['contested', 'refuted', 'bogus'] },
    credibility: { filterType: 'set', values: [2, null, 9, '3'] },
    tags: { filterType: 'set', values: [TAG_A] },
    eventDate: { filterType: 'dateRange', from: '2024', to: '2024-06-30' }
  }
  expect(claimListFilter(model, '  Pham Minh Chinh ')).toEqual({
    text: 'tariff',
    status: ['contested', 'refuted'],
    credibility: [2, null],
    tagIds: [TAG_A],
    eventDateFrom: '2024',
    eventDateTo: '2024-06-30',
    query: 'Pham Minh Chinh'
  })
})

test('claims: nothing set means no filter at all (the core lists everything)', () => {
  expect(claimListFilter({}, '')).toBeUndefined()
  expect(claimListFilter({ status: { filterType: 'set', values: [] } }, '   ')).toBeUndefined()
  expect(
    claimListFilter({ unknownColumn: { filterType: 'text', filter: 'x' } }, '')
  ).toBeUndefined()
})

test('sources: title contains, kind, reliability (with "not graded"), tags, published range', () => {
  const model = {
    title: { filterType: 'text', type: 'contains', filter: 'customs' },
    kind: { filterType: 'set', values: ['report', 'article', 'poem'] },
    reliability: { filterType: 'set', values: ['A', null, 'Z'] },
    tags: { filterType: 'set', values: [TAG_B] },
    publishedAt: { filterType: 'dateRange', from: null, to: '2023-12' }
  }
  expect(sourceListFilter(model, 'bulletin')).toEqual({
    text: 'customs',
    kind: ['report', 'article'],
    reliability: ['A', null],
    tagIds: [TAG_B],
    publishedTo: '2023-12',
    query: 'bulletin'
  })
})

test('active filters are counted per column that really filters', () => {
  const model = {
    status: { filterType: 'set', values: ['contested'] },
    credibility: { filterType: 'set', values: [] },
    eventDate: { filterType: 'dateRange', from: '2024', to: null }
  }
  expect(activeFilterCount(model, claimListFilter)).toBe(2)
  expect(activeFilterCount({}, claimListFilter)).toBe(0)
})

test('block request: the filter model travels with the sort and the page', () => {
  const fields = { text: 'text', status: 'status' } as const
  expect(
    toPageRequest(
      {
        startRow: 200,
        endRow: 400,
        sortModel: [{ colId: 'status', sort: 'asc' }],
        filterModel: { tags: { filterType: 'set', values: [TAG_A, TAG_B] } }
      },
      fields,
      'copper',
      claimListFilter
    )
  ).toEqual({
    offset: 200,
    limit: 200,
    sort: [{ field: 'status', direction: 'asc' }],
    filter: { tagIds: [TAG_A, TAG_B], query: 'copper' }
  })
  expect(
    toPageRequest(
      { startRow: 0, endRow: 200, sortModel: [], filterModel: null },
      fields,
      '',
      claimListFilter
    )
  ).toEqual({ offset: 0, limit: 200 })
})

test('datasource: each block is fetched with the filters AG Grid passes it', async () => {
  const requests: unknown[] = []
  const datasource = createDatasource({
    fieldsByColumn: { text: 'text' },
    search: '',
    filterOf: claimListFilter,
    fetchPage: async (request: PageRequest<'text', ClaimListFilter>) => {
      requests.push(request)
      return { rows: [], total: 0 }
    },
    onTotal: () => undefined,
    onError: () => undefined
  })
  type Params = Parameters<typeof datasource.getRows>[0]
  await new Promise<void>((done) =>
    datasource.getRows({
      startRow: 0,
      endRow: 200,
      sortModel: [],
      filterModel: { status: { filterType: 'set', values: ['refuted'] } },
      successCallback: () => done(),
      failCallback: () => done(),
      context: undefined
    } as unknown as Params)
  )
  expect(requests).toEqual([{ offset: 0, limit: 200, filter: { status: ['refuted'] } }])
})
