import type { ColDef, GridApi } from 'ag-grid-community'
import type { Tag } from '../../../../shared/types'
import { CloseIcon, FilterIcon } from '../../components/Icons'
import { readDateRange, readSetFilter, readTextFilter, type FilterModel } from '../datasource'
import type { ChecklistFilterParams } from './ChecklistFilter'
import { TagFilter } from './TagFilter'

export type FilterChip = { colId: string; field: string; value: string }

const anyValue = (value: unknown): value is string | number | null =>
  value === null || typeof value === 'string' || typeof value === 'number'

function listOf(values: string[]): string {
  return values.length > 3
    ? `${values.slice(0, 2).join(', ')} +${values.length - 2}`
    : values.join(', ')
}

/** What one column's filter says, in words: "Status: Contested, Refuted". */
export function describeFilter(
  colDef: ColDef,
  model: FilterModel,
  tagsById: ReadonlyMap<string, Tag>
): FilterChip | null {
  const colId = colDef.colId
  if (!colId) return null
  const field = colDef.headerName ?? colId
  const text = readTextFilter(model, colId)
  if (text) return { colId, field, value: `contains “${text}”` }
  const range = readDateRange(model, colId)
  if (range.from || range.to) {
    const value =
      range.from && range.to
        ? range.from === range.to
          ? range.from
          : `${range.from} – ${range.to}`
        : range.from
          ? `from ${range.from}`
          : `until ${range.to}`
    return { colId, field, value }
  }
  const values = readSetFilter(model, colId, anyValue)
  if (!values) return null
  if (colDef.filter === TagFilter) {
    return {
      colId,
      field,
      value: listOf(values.map((id) => tagsById.get(String(id))?.path ?? 'Deleted tag'))
    }
  }
  const params = colDef.filterParams as Partial<ChecklistFilterParams> | undefined
  const labels = values.map(
    (value) => params?.options?.find((option) => option.value === value)?.label ?? String(value)
  )
  return { colId, field, value: listOf(labels) }
}

type FilterBarProps<Row> = {
  api: GridApi<Row> | null
  chips: FilterChip[]
}

/** The filters in force, as chips to reopen or remove, and one action to clear them all. */
export function FilterBar<Row>({ api, chips }: FilterBarProps<Row>) {
  if (!chips.length) return null
  const remove = (colId: string) => {
    if (!api) return
    void api.setColumnFilterModel(colId, null).then(() => api.onFilterChanged())
  }
  return (
    <div className="filter-bar" role="region" aria-label="Active filters">
      <span className="filter-bar-caption">
        <FilterIcon />
        Filtered by
      </span>
      <ul className="filter-chips">
        {chips.map((chip) => (
          <li key={chip.colId} className="filter-chip">
            <button
              type="button"
              className="filter-chip-body"
              title={`Change the ${chip.field} filter`}
              onClick={() => api?.showColumnFilter(chip.colId)}
            >
              <span className="filter-chip-field">{chip.field}</span>
              <span className="filter-chip-value">{chip.value}</span>
            </button>
            <button
              type="button"
              className="filter-chip-remove"
              aria-label={`Remove the ${chip.field} filter`}
              onClick={() => remove(chip.colId)}
            >
              <CloseIcon />
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-small button-quiet"
        onClick={() => api?.setFilterModel(null)}
      >
        Clear filters
      </button>
    </div>
  )
}
