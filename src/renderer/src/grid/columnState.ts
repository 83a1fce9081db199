import type { ColumnState } from 'ag-grid-community'

/**
 * Column order, widths, visibility and sort, remembered per project and grid. Kept in
 * localStorage for now; it is meant to move into the project file.
 */
const PREFIX = 'attest.columns.v1'

export function columnStateKey(grid: string, projectPath: string): string {
  return `${PREFIX}:${grid}:${projectPath}`
}

type StoredColumn = Pick<ColumnState, 'colId' | 'width' | 'flex' | 'hide' | 'sort' | 'sortIndex'>

function isStoredColumn(value: unknown): value is StoredColumn {
  return (
    typeof value === 'object' &&
    value !== null &&
    'colId' in value &&
    typeof value.colId === 'string'
  )
}

export function loadColumnState(key: string): StoredColumn[] | null {
  try {
    const raw = localStorage.getItem(key)
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed) && parsed.every(isStoredColumn) ? parsed : null
  } catch {
    // Unreadable or unavailable storage: the grid starts with its default columns.
    return null
  }
}

export function saveColumnState(key: string, state: readonly ColumnState[]): void {
  const stored: StoredColumn[] = state.map(({ colId, width, flex, hide, sort, sortIndex }) => ({
    colId,
    width,
    flex,
    hide,
    sort,
    sortIndex
  }))
  try {
    localStorage.setItem(key, JSON.stringify(stored))
  } catch {
    // Storage full or disabled: the layout is simply not remembered.
  }
}
