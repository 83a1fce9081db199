import { expect, test } from 'vitest'
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
