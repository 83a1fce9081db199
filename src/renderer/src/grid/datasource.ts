import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community'
import type { RequestInput } from '../../../shared/contract'
import {
  CLAIM_STATUSES,
  CREDIBILITY_GRADES,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  type ClaimStatus,
  type Credibility,
  type Reliability,
  type SourceKind
} from '../../../shared/domain'
import type { ListResult } from '../../../shared/types'

/*
 * The bridge between AG Grid's infinite row model and the list requests of the core: sort
 * model, filter model and quick search become the contract's `sort` and `filter`, and the
 * core turns those into parameterised SQL. Pure functions only (no DOM, no React), so this
 * file is compiled and unit-tested under Node too.
 */

export type SortDirection = 'asc' | 'desc'
export type ContractSort<F extends string> = { field: F; direction: SortDirection }[]

/** The filter the quick search alone produces. */
export type SearchFilter = { query: string }

/** What `claims.list` / `sources.list` take, for one block of rows. */
export type PageRequest<F extends string, Q = SearchFilter> = {
  offset: number
  limit: number
  sort?: ContractSort<F>
  filter?: Q
}

/** AG Grid's filter model: column id → that column's filter model. */
export type FilterModel = Readonly<Record<string, unknown>>

/** The models of Attest's column filters (grid/filters), one shape per kind of filter. */
export type TextFilterModel = { filterType: 'text'; type: 'contains'; filter: string }
export type SetValue = string | number | null
export type SetFilterModel = { filterType: 'set'; values: SetValue[] }
export type DateRangeFilterModel = {
  filterType: 'dateRange'
  from: string | null
  to: string | null
}
export type ColumnFilterModel = TextFilterModel | SetFilterModel | DateRangeFilterModel

/** Turns the grid's filter model and the quick search into the contract's list filter. */
export type FilterMapper<Q> = (filterModel: FilterModel, search: string) => Q | undefined

export type ClaimListFilter = NonNullable<RequestInput<'claims.list'>['filter']>
export type SourceListFilter = NonNullable<RequestInput<'sources.list'>['filter']>

/** The contract caps sorts at five keys, pages at 1000 rows and the search at 500 characters. */
const MAX_SORT_KEYS = 5
const MAX_PAGE = 1000
const MAX_QUERY = 500
const MAX_TEXT = 500
const MAX_TAGS = 200

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
export function toListFilter(search: string): SearchFilter | undefined {
  const query = search.trim().slice(0, MAX_QUERY)
  return query ? { query } : undefined
}

// ---------- Reading one column's filter model ----------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** The words of a "contains" filter, or undefined when it is not set. */
export function readTextFilter(model: FilterModel, colId: string): string | undefined {
  const entry = model[colId]
  if (!isObject(entry) || entry.filterType !== 'text' || typeof entry.filter !== 'string') {
    return undefined
  }
  const text = entry.filter.trim().slice(0, MAX_TEXT)
  return text || undefined
}

/**
 * The checked values of a checklist filter that the contract accepts, without repeats;
 * undefined when nothing usable is checked (an empty checklist means "no filter").
 */
export function readSetFilter<T extends SetValue>(
  model: FilterModel,
  colId: string,
  accepts: (value: unknown) => value is T
): T[] | undefined {
  const entry = model[colId]
  if (!isObject(entry) || entry.filterType !== 'set' || !Array.isArray(entry.values)) {
    return undefined
  }
  const values: T[] = []
  for (const value of entry.values as unknown[]) {
    if (accepts(value) && !values.includes(value)) values.push(value)
  }
  return values.length ? values : undefined
}

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/

/** A date as analysts write it (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
export function normaliseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return PARTIAL_DATE.test(trimmed) ? trimmed : null
}

/** Both ends of a date range filter; an end that is not a date is left open. */
export function readDateRange(
  model: FilterModel,
  colId: string
): { from: string | null; to: string | null } {
  const entry = model[colId]
  if (!isObject(entry) || entry.filterType !== 'dateRange') return { from: null, to: null }
  return { from: normaliseDate(entry.from), to: normaliseDate(entry.to) }
}

// ---------- Value guards ----------

const isString = (value: unknown): value is string => typeof value === 'string'
const isClaimStatus = (value: unknown): value is ClaimStatus =>
  CLAIM_STATUSES.some((status) => status === value)
const isCredibility = (value: unknown): value is Credibility | null =>
  value === null || CREDIBILITY_GRADES.some((grade) => grade === value)
const isSourceKind = (value: unknown): value is SourceKind =>
  SOURCE_KINDS.some((kind) => kind === value)
const isReliability = (value: unknown): value is Reliability | null =>
  value === null || RELIABILITY_GRADES.some((grade) => grade === value)

// ---------- Per record kind ----------

/**
 * The claims grid's filters: Claim text contains, Status / Credibility / Tags checklists and
 * the Event date range; plus the quick search. Undefined when nothing filters.
 */
export const claimListFilter: FilterMapper<ClaimListFilter> = (model, search) => {
  const filter: ClaimListFilter = {}
  const text = readTextFilter(model, 'text')
  if (text) filter.text = text
  const status = readSetFilter(model, 'status', isClaimStatus)
  if (status) filter.status = status
  const credibility = readSetFilter(model, 'credibility', isCredibility)
  if (credibility) filter.credibility = credibility
  const tagIds = readSetFilter(model, 'tags', isString)
  if (tagIds) filter.tagIds = tagIds.slice(0, MAX_TAGS)
  const eventDate = readDateRange(model, 'eventDate')
  if (eventDate.from) filter.eventDateFrom = eventDate.from
  if (eventDate.to) filter.eventDateTo = eventDate.to
  const query = toListFilter(search)
  if (query) filter.query = query.query
  return Object.keys(filter).length ? filter : undefined
}

/** The sources grid's filters: Title contains, Kind / Reliability / Tags, Published range. */
export const sourceListFilter: FilterMapper<SourceListFilter> = (model, search) => {
  const filter: SourceListFilter = {}
  const text = readTextFilter(model, 'title')
  if (text) filter.text = text
  const kind = readSetFilter(model, 'kind', isSourceKind)
  if (kind) filter.kind = kind
  const reliability = readSetFilter(model, 'reliability', isReliability)
  if (reliability) filter.reliability = reliability
  const tagIds = readSetFilter(model, 'tags', isString)
  if (tagIds) filter.tagIds = tagIds.slice(0, MAX_TAGS)
  const published = readDateRange(model, 'publishedAt')
  if (published.from) filter.publishedFrom = published.from
  if (published.to) filter.publishedTo = published.to
  const query = toListFilter(search)
  if (query) filter.query = query.query
  return Object.keys(filter).length ? filter : undefined
}

/** How many columns of the filter model actually filter (for "3 filters" and Clear). */
export function activeFilterCount<Q extends object>(
  model: FilterModel,
  mapper: FilterMapper<Q>
): number {
  let count = 0
  for (const colId of Object.keys(model)) {
    if (mapper({ [colId]: model[colId] }, '') !== undefined) count += 1
  }
  return count
}

// ---------- Block requests ----------

type Block = Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel'> & { filterModel?: unknown }

function filterModelOf(block: Block): FilterModel {
  return isObject(block.filterModel) ? block.filterModel : {}
}

const searchOnly: FilterMapper<SearchFilter> = (_model, search) => toListFilter(search)

export function toPageRequest<F extends string>(
  block: Block,
  fieldsByColumn: Readonly<Partial<Record<string, F>>>,
  search: string
): PageRequest<F, SearchFilter>
export function toPageRequest<F extends string, Q>(
  block: Block,
  fieldsByColumn: Readonly<Partial<Record<string, F>>>,
  search: string,
  filterOf: FilterMapper<Q>
): PageRequest<F, Q>
export function toPageRequest<F extends string>(
  block: Block,
  fieldsByColumn: Readonly<Partial<Record<string, F>>>,
  search: string,
  filterOf: FilterMapper<unknown> = searchOnly
): PageRequest<F, unknown> {
  const request: PageRequest<F, unknown> = {
    offset: Math.max(0, block.startRow),
    limit: Math.min(MAX_PAGE, Math.max(1, block.endRow - block.startRow))
  }
  const sort = toContractSort(block.sortModel, fieldsByColumn)
  if (sort) request.sort = sort
  const filter = filterOf(filterModelOf(block), search)
  if (filter !== undefined) request.filter = filter
  return request
}

export type DatasourceOptions<Row, F extends string, Q = SearchFilter> = {
  fieldsByColumn: Readonly<Partial<Record<string, F>>>
  search: string
  /** Column filters and search as the contract's filter; without it, only the search. */
  filterOf?: FilterMapper<Q>
  fetchPage: (request: PageRequest<F, Q>) => Promise<ListResult<Row>>
  /**
   * The exact count for a filter, asked when a page only knows "at least" (one count at a
   * time per filter; a count for a filter no longer shown is dropped). Without it the grid
   * grows as the user scrolls.
   */
  countRows?: (filter: Q | undefined) => Promise<number>
  /**
   * Every answered block reports the total, so counts follow edits made elsewhere.
   * `atLeast`: more rows may follow; the exact count is on its way.
   */
  onTotal: (total: number, atLeast: boolean) => void
  /** The exact count arrived after the rows: the grid's row count is set to it. */
  onCounted?: (total: number) => void
  /**
   * How long a filter must stay before it is counted (default 300 ms): while the user types,
   * each word's count would hold the next word's page up behind it in the core.
   */
  countDelayMs?: number
  onError: (error: unknown) => void
}

/**
 * An infinite-row-model datasource for one search; a new search makes a new datasource.
 * AG Grid passes the current filter model with every block, and purges its cache when the
 * filters change.
 */
export function createDatasource<Row, F extends string, Q = SearchFilter>(
  options:
    | (DatasourceOptions<Row, F, SearchFilter> & { filterOf?: undefined })
    | (DatasourceOptions<Row, F, Q> & { filterOf: FilterMapper<Q> })
): IDatasource {
  return options.filterOf
    ? datasourceFor(options, options.filterOf)
    : datasourceFor(options, searchOnly)
}

function datasourceFor<Row, F extends string, Q>(
  options: DatasourceOptions<Row, F, Q>,
  filterOf: FilterMapper<Q>
): IDatasource {
  // The filter of the latest block asked for, and the one whose count is on its way: a
  // column filter changed meanwhile keeps this datasource, so an old count must not land.
  let latest = ''
  let counting: string | null = null
  return {
    getRows(params: IGetRowsParams) {
      const request = toPageRequest(params, options.fieldsByColumn, options.search, filterOf)
      const key = JSON.stringify(request.filter ?? null)
      latest = key
      options.fetchPage(request).then(
        (page) => {
          if (!page.totalAtLeast) {
            params.successCallback(page.rows, page.total)
            options.onTotal(page.total, false)
            return
          }
          // A short page is the end of the list; otherwise the grid may scroll on.
          const ended = page.rows.length < request.limit
          params.successCallback(page.rows, ended ? request.offset + page.rows.length : -1)
          options.onTotal(ended ? request.offset + page.rows.length : page.total, !ended)
          const countRows = options.countRows
          if (ended || !countRows || counting === key) return
          counting = key
          const settle = (): void => {
            if (counting === key) counting = null
          }
          setTimeout(() => {
            if (key !== latest) return settle()
            countRows(request.filter).then(
              (total) => {
                settle()
                if (key === latest) options.onCounted?.(total)
              },
              (error: unknown) => {
                settle()
                options.onError(error)
              }
            )
          }, options.countDelayMs ?? 300)
        },
        (error: unknown) => {
          params.failCallback()
          options.onError(error)
        }
      )
    }
  }
}
