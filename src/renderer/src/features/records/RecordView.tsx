import { useCallback, useEffect, useRef, useState } from 'react'
import type { ComponentType } from 'react'
import type { ColDef, GridApi, Theme } from 'ag-grid-community'
import type { Deleted, ListResult } from '../../../../shared/types'
import { ConfirmDialog } from '../../components/Dialog'
import { useToasts } from '../../components/Toasts'
import type { PageRequest } from '../../grid/datasource'
import { RecordGrid } from '../../grid/RecordGrid'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { countLabel } from '../../lib/format'
import { Toolbar } from './Toolbar'

export type Noun = { one: string; many: string }

export type RecordKind<Row extends { id: string }, F extends string> = {
  gridId: string
  /** The column that names a record: focused when one is created. */
  primaryColumn: string
  title: string
  noun: Noun
  newLabel: string
  searchPlaceholder: string
  emptyText: string
  columnDefs: ColDef<Row>[]
  rowHeight: number
  fieldsByColumn: Readonly<Partial<Record<string, F>>>
  list: (request: PageRequest<F>) => Promise<ListResult<Row>>
  saveEdit: (row: Row, field: string, value: unknown) => Promise<Row>
  remove: (ids: string[]) => Promise<Deleted>
}

type RecordViewProps<Row extends { id: string }, F extends string> = {
  kind: RecordKind<Row, F>
  projectPath: string
  theme: Theme
  /** Called after rows were created or deleted, so counts elsewhere can follow. */
  onChanged: () => void
  NewDialog: ComponentType<{ onClose: () => void; onCreated: (row: Row) => void }>
}

const SEARCH_DELAY_MS = 200
const NEW_ROW_WAIT_MS = 5_000

/** Rows to delete: the selection, or else the row with the keyboard focus. */
function deleteTargets<Row extends { id: string }>(api: GridApi<Row>): Row[] {
  const selected = api.getSelectedRows()
  if (selected.length) return selected
  const focused = api.getFocusedCell()
  const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined
  return row ? [row] : []
}

/** A toolbar and an infinite grid over one kind of record: search, edit, create, delete. */
export function RecordView<Row extends { id: string }, F extends string>({
  kind,
  projectPath,
  theme,
  onChanged,
  NewDialog
}: RecordViewProps<Row, F>) {
  const toasts = useToasts()
  const apiRef = useRef<GridApi<Row> | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const [search, setSearch] = useState('')
  const settledSearch = useDebouncedValue(search, SEARCH_DELAY_MS)
  const [total, setTotal] = useState<number | null>(null)
  const [selected, setSelected] = useState<Row[]>([])
  const [pendingDelete, setPendingDelete] = useState<Row[] | null>(null)
  const [deleting, setDeleting] = useState(false)
  const [creating, setCreating] = useState(false)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const askToDelete = useCallback(() => {
    const api = apiRef.current
    if (!api) return
    const targets = deleteTargets(api)
    if (targets.length) setPendingDelete(targets)
  }, [])

  const confirmDelete = async () => {
    if (!pendingDelete) return
    setDeleting(true)
    try {
      const { deleted } = await kind.remove(pendingDelete.map((row) => row.id))
      apiRef.current?.deselectAll()
      apiRef.current?.refreshInfiniteCache()
      toasts.info(`Deleted ${countLabel(deleted, kind.noun.one, kind.noun.many)}`)
      onChanged()
      setPendingDelete(null)
    } catch (error) {
      toasts.error(error)
    } finally {
      setDeleting(false)
    }
  }

  const onCreated = (row: Row) => {
    setCreating(false)
    onChanged()
    const api = apiRef.current
    if (!api) return
    // Once its block has loaded, the new row takes the keyboard focus: Enter edits it.
    const focusNewRow = () => {
      const index = api.getRowNode(row.id)?.rowIndex
      if (index === null || index === undefined) return false
      api.ensureIndexVisible(index)
      api.setFocusedCell(index, kind.primaryColumn)
      return true
    }
    const stop = () => {
      window.clearTimeout(timer)
      if (!api.isDestroyed()) api.removeEventListener('modelUpdated', onModelUpdated)
    }
    const onModelUpdated = () => {
      if (focusNewRow()) stop()
    }
    // A search may hide the new row; stop waiting for it after a while.
    const timer = window.setTimeout(stop, NEW_ROW_WAIT_MS)
    api.addEventListener('modelUpdated', onModelUpdated)
    api.refreshInfiniteCache()
  }

  const searching = settledSearch.trim() !== ''
  const countText = total === null ? 'Loading…' : countLabel(total, kind.noun.one, kind.noun.many)
  const pendingCount = pendingDelete?.length ?? 0

  return (
    <div className="view">
      <Toolbar
        title={kind.title}
        countText={countText}
        selected={selected.length}
        search={search}
        searchPlaceholder={kind.searchPlaceholder}
        searchRef={searchRef}
        newLabel={kind.newLabel}
        canDelete={selected.length > 0}
        onSearch={setSearch}
        onNew={() => setCreating(true)}
        onDelete={askToDelete}
      />
      <RecordGrid<Row, F>
        gridId={kind.gridId}
        projectPath={projectPath}
        label={kind.title}
        theme={theme}
        columnDefs={kind.columnDefs}
        rowHeight={kind.rowHeight}
        fieldsByColumn={kind.fieldsByColumn}
        search={settledSearch}
        fetchPage={kind.list}
        saveEdit={kind.saveEdit}
        onReady={(api) => {
          apiRef.current = api
        }}
        onTotal={setTotal}
        onSelectionChanged={setSelected}
        onDeleteKey={askToDelete}
        onError={toasts.error}
        emptyText={
          searching ? `No ${kind.noun.many} match “${settledSearch.trim()}”` : kind.emptyText
        }
      />
      {pendingDelete ? (
        <ConfirmDialog
          title={`Delete ${countLabel(pendingCount, kind.noun.one, kind.noun.many)}?`}
          description={
            pendingCount === 1
              ? `The ${kind.noun.one} moves to the project’s Trash.`
              : `The ${kind.noun.many} move to the project’s Trash.`
          }
          confirmLabel="Delete"
          destructive
          busy={deleting}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setPendingDelete(null)}
        />
      ) : null}
      {creating ? <NewDialog onClose={() => setCreating(false)} onCreated={onCreated} /> : null}
    </div>
  )
}
