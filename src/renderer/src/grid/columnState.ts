import type { ColumnState } from 'ag-grid-community'
import { call } from '../api'

/**
 * Column order, widths, visibility and sort, remembered in the project file (`settings`), so
 * the layout travels with the project to another machine.
 */
export function columnStateKey(grid: string): string {
  return `grid.${grid}.columns`
}

export type StoredColumn = Pick<
  ColumnState,
  'colId' | 'width' | 'flex' | 'hide' | 'sort' | 'sortIndex'
>

function isStoredColumn(value: unknown): value is StoredColumn {
  return (
    typeof value === 'object' &&
    value !== null &&
    'colId' in value &&
    typeof value.colId === 'string'
  )
}

export function parseColumnState(raw: string | null): StoredColumn[] | null {
  if (!raw) return null
  try {
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed) && parsed.every(isStoredColumn) ? parsed : null
  } catch {
    // Unreadable: the grid starts with its default columns.
    return null
  }
}

export async function loadColumnState(grid: string): Promise<StoredColumn[] | null> {
  const { value } = await call('settings.get', { key: columnStateKey(grid) })
  return parseColumnState(value)
}

export function toStoredColumns(state: readonly ColumnState[]): StoredColumn[] {
  return state.map(({ colId, width, flex, hide, sort, sortIndex }) => ({
    colId,
    width,
    flex,
    hide,
    sort,
    sortIndex
  }))
}

export async function saveColumnState(grid: string, state: readonly ColumnState[]): Promise<void> {
  await call('settings.set', {
    key: columnStateKey(grid),
    value: JSON.stringify(toStoredColumns(state))
  })
}
