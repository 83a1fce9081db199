import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type {
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
import { columnStateKey, loadColumnState, saveColumnState } from './columnState'
import { createDatasource, type PageRequest } from './datasource'

export type RecordGridProps<Row extends { id: string }, F extends string> = {
  /** Which grid this is; with the project path it keys the remembered column layout. */
  gridId: string
  projectPath: string
  label: string
  theme: Theme
  columnDefs: ColDef<Row>[]
  rowHeight: number
  fieldsByColumn: Readonly<Partial<Record<string, F>>>
  search: string
  fetchPage: (request: PageRequest<F>) => Promise<ListResult<Row>>
  /** Saves one edited cell and answers with the stored row. */
  saveEdit: (row: Row, field: string, value: unknown) => Promise<Row>
  onReady: (api: GridApi<Row>) => void
  onTotal: (total: number) => void
  onSelectionChanged: (rows: Row[]) => void
  onDeleteKey: () => void
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

const selectionColumnDef = { width: 44, minWidth: 44, maxWidth: 44, resizable: false }

/** An AG Grid infinite-row-model grid over one record list of the core. */
export function RecordGrid<Row extends { id: string }, F extends string>(
  props: RecordGridProps<Row, F>
) {
  const { gridId, projectPath, label, theme, columnDefs, rowHeight, fieldsByColumn, search } = props
  const { emptyText } = props
  const [api, setApi] = useState<GridApi<Row> | null>(null)
  const layoutKey = columnStateKey(gridId, projectPath)

  // Callbacks change identity with every render of the view; the grid must not see that.
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })

  const onGridReady = useCallback(
    (event: GridReadyEvent<Row>) => {
      const saved = loadColumnState(layoutKey)
      if (saved) event.api.applyColumnState({ state: saved, applyOrder: true })
      setApi(event.api)
      latest.current.onReady(event.api)
    },
    [layoutKey]
  )

  useEffect(() => {
    if (!api) return
    let current = true
    const datasource = createDatasource<Row, F>({
      fieldsByColumn,
      search,
      fetchPage: (request) => latest.current.fetchPage(request),
      onTotal: (count) => {
        if (current) latest.current.onTotal(count)
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
  }, [api, search, fieldsByColumn])

  // Saved at once, not debounced: a reload right after a sort must not lose it.
  const saveLayout = useCallback(() => {
    if (api && !api.isDestroyed()) saveColumnState(layoutKey, api.getColumnState())
  }, [api, layoutKey])
  const onColumnMoved = useCallback(
    (event: ColumnMovedEvent<Row>) => {
      if (event.finished) saveLayout()
    },
    [saveLayout]
  )
  const onColumnResized = useCallback(
    (event: ColumnResizedEvent<Row>) => {
      // Flex columns resize with the window; only the user's own resizing is a preference.
      if (event.finished && event.source === 'uiColumnResized') saveLayout()
    },
    [saveLayout]
  )

  const onCellValueChanged = useCallback((event: CellValueChangedEvent<Row>) => {
    const field = event.colDef.field
    const row = event.data
    if (!field || !row || event.oldValue === event.newValue) return
    latest.current.saveEdit(row, field, event.newValue).then(
      (saved) => event.node.setData(saved),
      (error: unknown) => {
        event.node.setData({ ...row, [field]: event.oldValue })
        latest.current.onError(error)
      }
    )
  }, [])

  const onCellKeyDown = useCallback((event: CellKeyDownEvent<Row>) => {
    const keyboard = event.event
    if (!(keyboard instanceof KeyboardEvent) || keyboard.key !== 'Delete') return
    if (event.api.getEditingCells().length > 0) return
    keyboard.preventDefault()
    latest.current.onDeleteKey()
  }, [])

  const onSelectionChanged = useCallback(() => {
    if (api) latest.current.onSelectionChanged(api.getSelectedRows())
  }, [api])

  const getRowId = useCallback((params: GetRowIdParams<Row>) => params.data.id, [])
  const overlayParams = useMemo(() => ({ noRows: { overlayText: emptyText } }), [emptyText])
  const gridStyle = useMemo(() => ({ height: '100%', width: '100%' }), [])

  return (
    <section className="grid-frame" aria-label={label}>
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
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          onGridReady={onGridReady}
          onCellValueChanged={onCellValueChanged}
          onCellKeyDown={onCellKeyDown}
          onSelectionChanged={onSelectionChanged}
          onSortChanged={saveLayout}
          onColumnMoved={onColumnMoved}
          onColumnResized={onColumnResized}
          onColumnVisible={saveLayout}
        />
      </div>
    </section>
  )
}
