import { expect, onTestFinished, test, vi } from 'vitest'
import {
  createDatasource,
  toContractSort,
  toListFilter,
  toPageRequest
} from '../../src/renderer/src/grid/datasource'

// Pure mapping from AG Grid's block requests to the list contract; no browser needed.

const fields = { text: 'text', status: 'status', updatedAt: 'updatedAt' } as const

test('sort model: column ids become contract fields, in click order', () => {
  expect(
    toContractSort(
      [
        { colId: 'status', sort: 'desc' },
        { colId: 'text', sort: 'asc' }
      ],
      fields
    )
  ).toEqual([
    { field: 'status', direction: 'desc' },
    { field: 'text', direction: 'asc' }
  ])
})

test('sort model: unsortable columns are dropped, no sort means the default order', () => {
  expect(toContractSort([{ colId: 'tags', sort: 'asc' }], fields)).toBeUndefined()
  expect(toContractSort([], fields)).toBeUndefined()
})

test('quick search: trimmed, empty means no filter, capped at 500 characters', () => {
  expect(toListFilter('  copper ')).toEqual({ query: 'copper' })
  expect(toListFilter('   ')).toBeUndefined()
  expect(toListFilter('x'.repeat(600))?.query).toHaveLength(500)
})

test('block request: offset and limit from the row range', () => {
  expect(
    toPageRequest(
      { startRow: 400, endRow: 600, sortModel: [{ colId: 'updatedAt', sort: 'desc' }] },
      fields,
      'visit'
    )
  ).toEqual({
    offset: 400,
    limit: 200,
    sort: [{ field: 'updatedAt', direction: 'desc' }],
    filter: { query: 'visit' }
  })
  expect(toPageRequest({ startRow: 0, endRow: 5000, sortModel: [] }, fields, '')).toEqual({
    offset: 0,
    limit: 1000
  })
})

test('datasource: rows and total go to AG Grid; failures are reported, not swallowed', async () => {
  const totals: number[] = []
  const errors: unknown[] = []
  const answered: Array<{ rows: unknown[]; total?: number } | 'failed'> = []
  const failure = new Error('offline')
  let fail = false
  const datasource = createDatasource({
    fieldsByColumn: fields,
    search: '',
    fetchPage: async (request) => {
      if (fail) throw failure
      return { rows: [{ id: String(request.offset) }], total: 1 }
    },
    onTotal: (total) => totals.push(total),
    onError: (error) => errors.push(error)
  })
  const block = (done: () => void) => ({
    startRow: 0,
    endRow: 200,
    sortModel: [],
    filterModel: {},
    successCallback: (rows: unknown[], total?: number) => {
      answered.push({ rows, total })
      done()
    },
    failCallback: () => {
      answered.push('failed')
      done()
    },
    context: undefined
  })
  type Params = Parameters<typeof datasource.getRows>[0]
  await new Promise<void>((done) => datasource.getRows(block(done) as unknown as Params))
  fail = true
  await new Promise<void>((done) => datasource.getRows(block(done) as unknown as Params))
  // onTotal/onError run after the callbacks; let them settle.
  await new Promise((resolve) => setTimeout(resolve, 0))

  expect(answered).toEqual([{ rows: [{ id: '0' }], total: 1 }, 'failed'])
  expect(totals).toEqual([1])
  expect(errors).toEqual([failure])
})

test('datasource: a page that knows only "at least" leaves the end open and asks the count once', async () => {
  const totals: Array<[number, boolean]> = []
  const counted: number[] = []
  const countRequests: unknown[] = []
  const answered: Array<number | undefined> = []
  let exact = false
  let releaseCount: (total: number) => void = () => undefined
  const datasource = createDatasource({
    fieldsByColumn: fields,
    search: 'trade',
    fetchPage: async (request) => {
      const rows = Array.from({ length: request.limit }, (_, i) => ({
        id: `${request.offset + i}`
      }))
      return exact
        ? { rows, total: 5_000 }
        : { rows, total: request.offset + 200, totalAtLeast: true }
    },
    countRows: (filter) => {
      countRequests.push(filter)
      return new Promise<number>((resolve) => {
        releaseCount = resolve
      })
    },
    onTotal: (total, atLeast) => totals.push([total, atLeast]),
    onCounted: (total) => counted.push(total),
    countDelayMs: 0,
    onError: (error) => {
      throw error
    }
  })
  type Params = Parameters<typeof datasource.getRows>[0]
  const getBlock = (startRow: number) =>
    new Promise<void>((done) =>
      datasource.getRows({
        startRow,
        endRow: startRow + 200,
        sortModel: [],
        filterModel: {},
        successCallback: (_rows: unknown[], lastRow?: number) => {
          answered.push(lastRow)
          done()
        },
        failCallback: () => done(),
        context: undefined
      } as unknown as Params)
    )
  await getBlock(0)
  await getBlock(200)
  await new Promise((resolve) => setTimeout(resolve, 0))
  // The end is unknown (-1) for AG Grid; one count is asked, with the page's filter.
  expect(answered).toEqual([-1, -1])
  expect(totals).toEqual([
    [200, true],
    [400, true]
  ])
  expect(countRequests).toEqual([{ query: 'trade' }])
  releaseCount(5_000)
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(counted).toEqual([5_000])
  // Once the core knows the count, pages carry it.
  exact = true
  await getBlock(400)
  expect(answered[2]).toBe(5_000)
  expect(countRequests).toHaveLength(1)
})

test('datasource: a count for a filter no longer shown never reaches the grid; the new filter gets its own', async () => {
  const counted: number[] = []
  const pending: Array<{ filter: unknown; resolve: (total: number) => void }> = []
  const datasource = createDatasource({
    fieldsByColumn: fields,
    search: '',
    filterOf: (model) => ('status' in model ? { status: ['contested' as const] } : undefined),
    fetchPage: async (request: { limit: number }) => ({
      rows: Array.from({ length: request.limit }, (_, i) => ({ id: `${i}` })),
      total: request.limit,
      totalAtLeast: true as const
    }),
    countRows: (filter: unknown) =>
      new Promise<number>((resolve) => {
        pending.push({ filter, resolve })
      }),
    onTotal: () => undefined,
    onCounted: (total) => counted.push(total),
    countDelayMs: 0,
    onError: (error) => {
      throw error
    }
  })
  type Params = Parameters<typeof datasource.getRows>[0]
  const getBlock = (filterModel: Record<string, unknown>) =>
    new Promise<void>((done) =>
      datasource.getRows({
        startRow: 0,
        endRow: 200,
        sortModel: [],
        filterModel,
        successCallback: () => done(),
        failCallback: () => done(),
        context: undefined
      } as unknown as Params)
    )
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  await getBlock({})
  await settle()
  // The user adds a column filter while the first count runs (AG Grid keeps the datasource).
  await getBlock({ status: { filterType: 'set', values: ['contested'] } })
  await settle()
  expect(pending.map((count) => count.filter)).toEqual([undefined, { status: ['contested'] }])
  pending[0]?.resolve(900_000)
  await settle()
  expect(counted).toEqual([])
  pending[1]?.resolve(4_200)
  await settle()
  expect(counted).toEqual([4_200])
})

test('datasource: a filter replaced before the count delay is never counted', async () => {
  // The grid's own delay (300 ms), on a fake clock: no real waiting, no race with the machine.
  vi.useFakeTimers()
  onTestFinished(() => {
    vi.useRealTimers()
  })
  const countRequests: unknown[] = []
  const datasource = createDatasource({
    fieldsByColumn: fields,
    search: '',
    filterOf: (model) => ('status' in model ? { status: ['contested' as const] } : undefined),
    fetchPage: async (request: { limit: number }) => ({
      rows: Array.from({ length: request.limit }, (_, i) => ({ id: `${i}` })),
      total: request.limit,
      totalAtLeast: true as const
    }),
    countRows: async (filter: unknown) => {
      countRequests.push(filter)
      return 1
    },
    onTotal: () => undefined,
    onError: (error) => {
      throw error
    }
  })
  type Params = Parameters<typeof datasource.getRows>[0]
  const getBlock = (filterModel: Record<string, unknown>) =>
    new Promise<void>((done) =>
      datasource.getRows({
        startRow: 0,
        endRow: 200,
        sortModel: [],
        filterModel,
        successCallback: () => done(),
        failCallback: () => done(),
        context: undefined
      } as unknown as Params)
    )
  await getBlock({})
  await vi.advanceTimersByTimeAsync(150)
  await getBlock({ status: { filterType: 'set', values: ['contested'] } })
  await vi.advanceTimersByTimeAsync(299)
  // The first filter's delay has passed, but it was replaced: never counted.
  expect(countRequests).toEqual([])
  await vi.advanceTimersByTimeAsync(1)
  expect(countRequests).toEqual([{ status: ['contested'] }])
  await vi.advanceTimersByTimeAsync(10_000)
  expect(countRequests).toEqual([{ status: ['contested'] }])
})
