import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type {
  CellFocusedEvent,
  CellKeyDownEvent,
  CellValueChangedEvent,
  ColDef,
  ColumnMovedEvent,
  ColumnResizedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowSelectionOptions,
  Theme
} from 'ag-grid-community'
import type { ListResult } from '../../../shared/types'
import { loadColumnState, saveColumnState, type StoredColumn } from './columnState'
import {
  createDatasource,
  type FilterMapper,
  type FilterModel,
  type PageRequest
} from './datasource'

export type RecordGridProps<Row extends { id: string }, F extends string, Q> = {
  /** Which grid this is; it keys the column layout remembered in the project. */
  gridId: string
  label: string
  theme: Theme
  columnDefs: ColDef<Row>[]
  rowHeight: number
  fieldsByColumn: Readonly<Partial<Record<string, F>>>
  search: string
  /** Column filters and search as the contract's list filter. */
  filterOf: FilterMapper<Q>
  fetchPage: (request: PageRequest<F, Q>) => Promise<ListResult<Row>>
  /** The exact count when a page only knows "at least" (see createDatasource). */
  countRows?: (filter: Q | undefined) => Promise<number>
  /** Saves one edited cell and answers with the stored row. */
  saveEdit?: (row: Row, field: string, value: unknown) => Promise<Row>
  /** Goes up when rows may have changed elsewhere (undo, redo, a tag renamed): reload them. */
  revision: number
  onReady: (api: GridApi<Row>) => void
  /** `atLeast`: the list goes on past this many; the exact count follows. */
  onTotal: (total: number, atLeast: boolean) => void
  onSelectionChanged: (rows: Row[]) => void
  /** The row with the keyboard focus (the one the detail panel shows). */
  onFocusRow?: (row: Row) => void
  onFilterModel?: (model: FilterModel) => void
  onRowSaved?: (row: Row) => void
  onDeleteKey?: () => void
  onError: (error: unknown) => void
  /** Shown in the grid when there are no rows to show. */
  emptyText: string
}

const BLOCK_SIZE = 200

const rowSelection: RowSelectionOptions = {
  mode: 'multiRow',
  checkboxes: true,
  // Select-all over an infinite model would need every id from the core.
  headerCheckbox: false,
  enableClickSelection: true
}

const defaultColDef: ColDef = {
  sortable: true,
  resizable: true,
  editable: false,
  // The contract knows the types; no guessing from the first row.
  cellDataType: false,
  suppressHeaderMenuButton: true
}

const selectionColumnDef: ColDef = {
  width: 44,
  minWidth: 44,
  maxWidth: 44,
  resizable: false,
  pinned: 'left',
  lockPinned: true
}

/** An AG Grid infinite-row-model grid over one record list of the core. */
export function RecordGrid<Row extends { id: string }, F extends string, Q>(
  props: RecordGridProps<Row, F, Q>
) {
  const { gridId, label, theme, columnDefs, rowHeight, fieldsByColumn, search, filterOf } = props
  const { countRows } = props
  const { emptyText, revision } = props
  const [api, setApi] = useState<GridApi<Row> | null>(null)
  // undefined while the remembered layout is read: the grid waits for it, so it never jumps.
  const [layout, setLayout] = useState<StoredColumn[] | null | undefined>(undefined)

  // Callbacks change identity with every render of the view; the grid must not see that.
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })

  useEffect(() => {
    let current = true
    loadColumnState(gridId).then(
      (saved) => {
        if (current) setLayout(saved)
      },
      (error: unknown) => {
        if (!current) return
        setLayout(null)
        latest.current.onError(error)
      }
    )
    return () => {
      current = false
    }
  }, [gridId])

  const onGridReady = useCallback(
    (event: GridReadyEvent<Row>) => {
      if (layout) event.api.applyColumnState({ state: layout, applyOrder: true })
      setApi(event.api)
      latest.current.onReady(event.api)
    },
    [layout]
  )

  useEffect(() => {
    if (!api) return
    let current = true
    const datasource = createDatasource<Row, F, Q>({
      fieldsByColumn,
      search,
      filterOf,
      fetchPage: (request) => latest.current.fetchPage(request),
      countRows,
      onTotal: (count, atLeast) => {
        if (current) latest.current.onTotal(count, atLeast)
      },
      onCounted: (count) => {
        if (!current || api.isDestroyed()) return
        api.setRowCount(count, true)
        latest.current.onTotal(count, false)
      },
      onError: (error) => {
        if (current) latest.current.onError(error)
      }
    })
    // Rows selected under another search may not be visible now: never act on unseen rows.
    api.deselectAll()
    api.setGridOption('datasource', datasource)
    return () => {
      current = false
    }
  }, [api, search, fieldsByColumn, filterOf, countRows])

  const shownRevision = useRef(revision)
  useEffect(() => {
    if (!api || shownRevision.current === revision) return
    shownRevision.current = revision
    api.refreshInfiniteCache()
  }, [api, revision])

  // Saved at once, not debounced (a reload right after a sort must not lose it), one at a time.
  const saving = useRef<Promise<void>>(Promise.resolve())
  const saveLayout = useCallback(() => {
    if (!api || api.isDestroyed()) return
    const state = api.getColumnState()
    saving.current = saving.current
      .then(() => saveColumnState(gridId, state))
      .catch((error: unknown) => latest.current.onError(error))
  }, [api, gridId])
  const onColumnMoved = useCallback(
    (event: ColumnMovedEvent<Row>) => {
      if (event.finished) saveLayout()
    },
    [saveLayout]
  )
  const onColumnResized = useCallback(
    (event: ColumnResizedEvent<Row>) => {
      // Flex columns resize with the window; only the user's own resizing (or Reset columns,
      // which the API does) is a preference.
      if (event.finished && (event.source === 'uiColumnResized' || event.source === 'api')) {
        saveLayout()
      }
    },
    [saveLayout]
  )

  const onCellValueChanged = useCallback((event: CellValueChangedEvent<Row>) => {
    const field = event.colDef.field
    const row = event.data
    const save = latest.current.saveEdit
    if (!field || !row || !save || event.oldValue === event.newValue) return
    save(row, field, event.newValue).then(
      (saved) => {
        event.node.setData(saved)
        latest.current.onRowSaved?.(saved)
      },
      (error: unknown) => {
        event.node.setData({ ...row, [field]: event.oldValue })
        latest.current.onError(error)
      }
    )
  }, [])

  const onCellKeyDown = useCallback((event: CellKeyDownEvent<Row>) => {
    const keyboard = event.event
    if (!(keyboard instanceof KeyboardEvent) || event.api.getEditingCells().length > 0) return
    if (keyboard.key === 'Escape' && event.api.getSelectedNodes().length > 0) {
      keyboard.preventDefault()
      event.api.deselectAll()
    } else if (keyboard.key === 'Delete' && latest.current.onDeleteKey) {
      keyboard.preventDefault()
      latest.current.onDeleteKey()
    }
  }, [])

  const onCellFocused = useCallback((event: CellFocusedEvent<Row>) => {
    if (event.rowIndex === null || event.rowPinned) return
    const row = event.api.getDisplayedRowAtIndex(event.rowIndex)?.data
    if (row) latest.current.onFocusRow?.(row)
  }, [])

  const onSelectionChanged = useCallback(() => {
    if (api) latest.current.onSelectionChanged(api.getSelectedRows())
  }, [api])

  // AG Grid also reports a filter change when nothing changed (a new theme re-creates the
  // filters): only a different model deselects rows and updates the filter bar.
  const shownFilter = useRef('{}')
  const onFilterChanged = useCallback(() => {
    if (!api) return
    const model = api.getFilterModel()
    const json = JSON.stringify(model)
    if (json === shownFilter.current) return
    shownFilter.current = json
    api.deselectAll()
    latest.current.onFilterModel?.(model)
  }, [api])

  const getRowId = useCallback((params: GetRowIdParams<Row>) => params.data.id, [])
  const overlayParams = useMemo(() => ({ noRows: { overlayText: emptyText } }), [emptyText])
  const gridStyle = useMemo(() => ({ height: '100%', width: '100%' }), [])

  return (
    <section className="grid-frame" aria-label={label}>
      {layout === undefined ? null : (
        <div style={gridStyle}>
          <AgGridReact<Row>
            theme={theme}
            rowModelType="infinite"
            cacheBlockSize={BLOCK_SIZE}
            maxConcurrentDatasourceRequests={2}
            columnDefs={columnDefs}
            defaultColDef={defaultColDef}
            rowHeight={rowHeight}
            getRowId={getRowId}
            overlayComponentParams={overlayParams}
            rowSelection={rowSelection}
            selectionColumnDef={selectionColumnDef}
            // A handful of columns: render them all, so every cell is there to find.
            suppressColumnVirtualisation
            stopEditingWhenCellsLoseFocus
            enterNavigatesVerticallyAfterEdit
            onGridReady={onGridReady}
            onCellValueChanged={onCellValueChanged}
            onCellKeyDown={onCellKeyDown}
            onCellFocused={onCellFocused}
            onSelectionChanged={onSelectionChanged}
            onFilterChanged={onFilterChanged}
            onSortChanged={saveLayout}
            onColumnMoved={onColumnMoved}
            onColumnResized={onColumnResized}
            onColumnVisible={saveLayout}
          />
        </div>
      )}
    </section>
  )
}
