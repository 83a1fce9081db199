import { ExportIcon } from '../../components/Icons'
import { useState } from 'react'
import { toContractSort } from '../../grid/datasource'
import { ExportDialog } from './ExportDialog'
import type { GridName, GridView } from './scopes'

type SortState = { colId: string; sort?: 'asc' | 'desc' | null; sortIndex?: number | null }

type ExportButtonProps = {
  grid: GridName
  /** The grid's API, for its sort order (null until the grid is ready). */
  api: { getColumnState(): SortState[] } | null
  fieldsByColumn: Readonly<Partial<Record<string, string>>>
  /** The grid's list filter: quick search and column filters, as it lists its rows. */
  filter: unknown
  selectedIds: readonly string[]
  total: number | null
}

/** The sort the grid shows, in the order its columns were clicked. */
function sortOf(
  api: ExportButtonProps['api'],
  fieldsByColumn: ExportButtonProps['fieldsByColumn']
) {
  if (!api) return undefined
  const model = api
    .getColumnState()
    .flatMap((column) =>
      column.sort === 'asc' || column.sort === 'desc'
        ? [{ colId: column.colId, sort: column.sort, index: column.sortIndex ?? 0 }]
        : []
    )
    .sort((a, b) => a.index - b.index)
  return toContractSort(model, fieldsByColumn)
}

/** "Export…" in a grid's toolbar: what the grid shows is what gets exported. */
export function ExportButton(props: ExportButtonProps) {
  const [open, setOpen] = useState(false)
  // The dialog is modal, so the grid's filter, sort and selection hold while it is open; its
  // count may still arrive.
  const view: GridView = {
    grid: props.grid,
    filter: props.filter,
    sort: open ? sortOf(props.api, props.fieldsByColumn) : undefined,
    selectedIds: props.selectedIds,
    total: props.total
  }
  return (
    <>
      <button
        type="button"
        className="button"
        title="Export the records as CSV, or claims as a PDF briefing"
        onClick={() => setOpen(true)}
      >
        <ExportIcon />
        Export…
      </button>
      {open ? <ExportDialog view={view} onClose={() => setOpen(false)} /> : null}
    </>
  )
}
