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
        <DownloadIcon />
        Export…
      </button>
      {open ? <ExportDialog view={view} onClose={() => setOpen(false)} /> : null}
    </>
  )
}

const DownloadIcon = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.5}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M8 2.5v7.5M5 7l3 3 3-3M3 11.5v1A1.5 1.5 0 0 0 4.5 14h7a1.5 1.5 0 0 0 1.5-1.5v-1" />
  </svg>
)
