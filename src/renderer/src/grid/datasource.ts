import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community'
import type { ListResult } from '../../../shared/types'

export type SortDirection = 'asc' | 'desc'
export type ContractSort<F extends string> = { field: F; direction: SortDirection }[]

/** What `claims.list` / `sources.list` take, for one block of rows. */
export type PageRequest<F extends string> = {
  offset: number
  limit: number
  sort?: ContractSort<F>
  filter?: { query: string }
}

/** The contract caps sorts at five keys, pages at 1000 rows and the search at 500 characters. */
const MAX_SORT_KEYS = 5
const MAX_PAGE = 1000
const MAX_QUERY = 500

/**
 * AG Grid's sort model (column ids, in the order the user shift-clicked them) as the
 * contract's sort list. Columns without a sort field are left out; no sort at all means
 * the server's default order (newest first).
 */
export function toContractSort<F extends string>(
  sortModel: ReadonlyArray<Pick<SortModelItem, 'colId' | 'sort'>>,
  fieldsByColumn: Readonly<Partial<Record<string, F>>>
): ContractSort<F> | undefined {
  const sort: ContractSort<F> = []
  for (const item of sortModel) {
    const field = fieldsByColumn[item.colId]
    if (!field || sort.some((entry) => entry.field === field)) continue
    sort.push({ field, direction: item.sort === 'desc' ? 'desc' : 'asc' })
  }
  return sort.length ? sort.slice(0, MAX_SORT_KEYS) : undefined
}

/** The quick search box as a list filter: full-text search happens in the core. */
export function toListFilter(search: string): { query: string } | undefined {
  const query = search.trim().slice(0, MAX_QUERY)
  return query ? { query } : undefined
}

export function toPageRequest<F extends string>(
  block: Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel'>,
  fieldsByColumn: Readonly<Partial<Record<string, F>>>,
  search: string
): PageRequest<F> {
  const request: PageRequest<F> = {
    offset: Math.max(0, block.startRow),
    limit: Math.min(MAX_PAGE, Math.max(1, block.endRow - block.startRow))
  }
  const sort = toContractSort(block.sortModel, fieldsByColumn)
  if (sort) request.sort = sort
  const filter = toListFilter(search)
  if (filter) request.filter = filter
  return request
}

export type DatasourceOptions<Row, F extends string> = {
  fieldsByColumn: Readonly<Partial<Record<string, F>>>
  search: string
  fetchPage: (request: PageRequest<F>) => Promise<ListResult<Row>>
  /** Every answered block reports the total, so counts follow edits made elsewhere. */
  onTotal: (total: number) => void
  onError: (error: unknown) => void
}

/** An infinite-row-model datasource for one search; a new search makes a new datasource. */
export function createDatasource<Row, F extends string>(
  options: DatasourceOptions<Row, F>
): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const request = toPageRequest(params, options.fieldsByColumn, options.search)
      options.fetchPage(request).then(
        (page) => {
          params.successCallback(page.rows, page.total)
          options.onTotal(page.total)
        },
        (error: unknown) => {
          params.failCallback()
          options.onError(error)
        }
      )
    }
  }
}
