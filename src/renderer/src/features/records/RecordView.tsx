import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ComponentType } from 'react'
import type { ColDef, GridApi, Theme } from 'ag-grid-community'
import type { Tag } from '../../../../shared/types'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/Dialog'
import { PanelRightIcon, PlusIcon } from '../../components/Icons'
import { useToasts } from '../../components/Toasts'
import { readSetFilter, type FilterModel } from '../../grid/datasource'
import { describeFilter, FilterBar, type FilterChip } from '../../grid/filters/FilterBar'
import { RecordGrid } from '../../grid/RecordGrid'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { MAX_BULK_IDS } from '../../../../shared/schemas'
import { countLabel, totalLabel, type GridTotal } from '../../lib/format'
import { useWorkspace } from '../../workspace'
import { DETAIL_MAX_WIDTH, DETAIL_MIN_WIDTH, DetailPanel } from '../details/DetailPanel'
import { ExportButton } from '../export/ExportButton'
import { UndoRedo } from '../history/UndoRedo'
import { ImportButton } from '../import/ImportButton'
import { useRecordFocusRequests } from '../reader/readerNavigation'
import { BulkBar } from './BulkBar'
import { ColumnsMenu } from './ColumnsMenu'
import { Toolbar } from './Toolbar'
import type { RecordKind, TaggedRow } from './types'

export type { Noun, RecordKind } from './types'

type RecordViewProps<Row extends TaggedRow, F extends string, Q> = {
  kind: RecordKind<Row, F, Q>
  theme: Theme
  /** Views stay mounted (keeping filters, scroll and selection); only the active one shows. */
  active: boolean
  NewDialog: ComponentType<{ onClose: () => void; onCreated: (row: Row) => void }>
}

const SEARCH_DELAY_MS = 200
const NEW_ROW_WAIT_MS = 5_000

type DetailsLayout = { open: boolean; width: number }
/** Beside the grid from the start only where the grid keeps room for its columns. */
const WIDE_WINDOW = 1500
const DEFAULT_DETAILS: DetailsLayout = { open: window.innerWidth >= WIDE_WINDOW, width: 360 }

function parseDetailsLayout(raw: string | null): DetailsLayout {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null
    if (typeof parsed === 'object' && parsed !== null && 'open' in parsed && 'width' in parsed) {
      const { open, width } = parsed
      if (typeof open === 'boolean' && typeof width === 'number') {
        return { open, width: Math.min(DETAIL_MAX_WIDTH, Math.max(DETAIL_MIN_WIDTH, width)) }
      }
    }
  } catch {
    // Unreadable: the default layout.
  }
  return DEFAULT_DETAILS
}

/** Rows to act on: the selection, or else the row with the keyboard focus. */
function targetsOf<Row extends { id: string }>(api: GridApi<Row>): Row[] {
  const selected = api.getSelectedRows()
  if (selected.length) return selected
  const focused = api.getFocusedCell()
  const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined
  return row ? [row] : []
}

/**
 * One kind of record: a toolbar, the active filters, an infinite grid with a bulk bar over
 * the selection, and the detail panel for the focused row.
 */
export function RecordView<Row extends TaggedRow, F extends string, Q>({
  kind,
  theme,
  active,
  NewDialog
}: RecordViewProps<Row, F, Q>) {
  const toasts = useToasts()
  const workspace = useWorkspace()
  const { changed, tagsById } = workspace
  const [api, setApi] = useState<GridApi<Row> | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const [search, setSearch] = useState('')
  const settledSearch = useDebouncedValue(search, SEARCH_DELAY_MS)
  // A long list shows its first rows before the core has counted them all.
  const [gridTotal, setGridTotal] = useState<GridTotal | null>(null)
  const total = gridTotal && !gridTotal.atLeast ? gridTotal.count : null
  const [selected, setSelected] = useState<Row[]>([])
  // "Select all N": the ids of every row the list matches, until the selection changes.
  const [allMatching, setEverything] = useState<{ ids: string[]; revision: number } | null>(null)
  // Undo, redo or a change elsewhere may change what matches: the ids are for one revision.
  const everything =
    allMatching && allMatching.revision === workspace.revision ? allMatching.ids : null
  const [selectingAll, setSelectingAll] = useState(false)
  // Goes up with every change of selection: ids that arrive after one are not applied.
  const selectionVersion = useRef(0)
  const [filterModel, setFilterModel] = useState<FilterModel>({})
  const [pendingDelete, setPendingDelete] = useState<string[] | null>(null)
  const [deleting, setDeleting] = useState(false)
  const [creating, setCreating] = useState(false)
  const [detailId, setDetailId] = useState<string | null>(null)
  const [detailReload, setDetailReload] = useState(0)
  const [details, setDetails] = useState<DetailsLayout>(DEFAULT_DETAILS)
  const detailsKey = `layout.${kind.gridId}.details`

  useEffect(() => {
    let current = true
    call('settings.get', { key: detailsKey }).then(
      ({ value }) => {
        if (current) setDetails(parseDetailsLayout(value))
      },
      () => undefined
    )
    return () => {
      current = false
    }
  }, [detailsKey])

  const saveDetails = useCallback(
    (next: DetailsLayout) => {
      setDetails(next)
      call('settings.set', { key: detailsKey, value: JSON.stringify(next) }).catch(toasts.error)
    },
    [detailsKey, toasts]
  )

  // "Open claim" from a highlight in the reader: that record's details, its row if loaded.
  // A claim chosen on the timeline: also its row selected, once a page has brought it.
  useRecordFocusRequests(kind.kind, (id, detail) => {
    setDetailId(id)
    if (!details.open) saveDetails({ ...details, open: true })
    if (!api) return
    const reveal = (): boolean => {
      const node = api.getRowNode(id)
      if (!node?.data || node.rowIndex === null) return false
      api.ensureIndexVisible(node.rowIndex)
      api.setFocusedCell(node.rowIndex, kind.primaryColumn)
      if (detail.select && !node.isSelected()) node.setSelected(true, true)
      return true
    }
    if (!detail.select) {
      reveal()
      return
    }
    // A filter just applied reloads the rows: keep looking as pages arrive, for a while.
    reveal()
    const onModel = () => {
      reveal()
    }
    api.addEventListener('modelUpdated', onModel)
    window.setTimeout(() => {
      if (!api.isDestroyed()) api.removeEventListener('modelUpdated', onModel)
    }, 3_000)
  })

  useEffect(() => {
    if (!active) return
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active])

  // Another view asked for this grid with given filters ("Show claims" on a tag).
  const { filterRequest } = workspace
  const appliedRequest = useRef(0)
  useEffect(() => {
    if (!api || !filterRequest || filterRequest.view !== kind.gridId) return
    if (appliedRequest.current === filterRequest.nonce) return
    appliedRequest.current = filterRequest.nonce
    api.setFilterModel(filterRequest.filterModel)
  }, [api, filterRequest, kind.gridId])

  // A tag that left the codebook (deleted, merged away) leaves the Tags filter too.
  const { tagsLoaded } = workspace
  useEffect(() => {
    if (!api || !tagsLoaded) return
    const values = readSetFilter(
      filterModel,
      'tags',
      (value): value is string => typeof value === 'string'
    )
    if (!values) return
    const kept = values.filter((id) => tagsById.has(id))
    if (kept.length === values.length) return
    void api
      .setColumnFilterModel('tags', kept.length ? { filterType: 'set', values: kept } : null)
      .then(() => api.onFilterChanged())
  }, [api, tagsLoaded, tagsById, filterModel])

  /** Rows changed in bulk: reload what is shown, and everything that counts them. */
  const reload = useCallback(() => {
    // "All N matching" was that list's ids: after a change they may no longer match.
    setEverything(null)
    api?.refreshInfiniteCache()
    setDetailReload((value) => value + 1)
    changed()
  }, [api, changed])

  const askToDelete = useCallback(() => {
    if (!api) return
    const targets = everything ?? targetsOf(api).map((row) => row.id)
    if (targets.length) setPendingDelete(targets)
  }, [api, everything])

  const selectedIds = useMemo(
    () => everything ?? selected.map((row) => row.id),
    [everything, selected]
  )

  const selectAll = async () => {
    const version = selectionVersion.current
    setSelectingAll(true)
    try {
      const revision = workspace.revision
      const ids = await kind.ids(kind.filterOf(filterModel, settledSearch))
      if (version === selectionVersion.current) setEverything({ ids, revision })
    } catch (error) {
      toasts.error(error)
    } finally {
      setSelectingAll(false)
    }
  }

  const confirmDelete = async () => {
    if (!pendingDelete) return
    setDeleting(true)
    try {
      const ids = pendingDelete
      const { deleted } = await kind.remove(ids)
      api?.deselectAll()
      api?.refreshInfiniteCache()
      toasts.info(`Deleted ${countLabel(deleted, kind.noun.one, kind.noun.many)}`)
      if (detailId && ids.includes(detailId)) setDetailId(null)
      changed()
      setPendingDelete(null)
    } catch (error) {
      toasts.error(error)
    } finally {
      setDeleting(false)
    }
  }

  const tagSelected = async (tag: Tag, tagged: boolean) => {
    const ids = selectedIds
    try {
      const { changed: count } = await kind.tag(ids, tag.id, tagged)
      const things = countLabel(ids.length, kind.noun.one, kind.noun.many)
      toasts.info(
        count === 0
          ? tagged
            ? `All ${ids.length === 1 ? '' : 'of them '}already tagged “${tag.path}”`
            : `None had “${tag.path}”`
          : `${tagged ? 'Tagged' : 'Untagged'} ${things} “${tag.path}”`
      )
      reload()
    } catch (error) {
      toasts.error(error)
    }
  }

  const onCreated = (row: Row) => {
    setCreating(false)
    changed()
    setDetailId(row.id)
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

  const onDetailSaved = useCallback(
    (row: Row) => {
      api?.getRowNode(row.id)?.setData(row)
    },
    [api]
  )

  const chips = useMemo(
    () =>
      kind.columnDefs
        .map((def: ColDef<Row>) => describeFilter(def, filterModel, tagsById))
        .filter((chip): chip is FilterChip => chip !== null),
    [kind.columnDefs, filterModel, tagsById]
  )

  const filtering = settledSearch.trim() !== '' || chips.length > 0
  const countText = gridTotal ? totalLabel(gridTotal, kind.noun.one, kind.noun.many) : 'Loading…'
  const pendingCount = pendingDelete?.length ?? 0

  return (
    <div className="view" hidden={!active}>
      <Toolbar
        title={kind.title}
        countText={countText}
        search={{
          value: search,
          placeholder: kind.searchPlaceholder,
          onChange: setSearch
        }}
        searchRef={searchRef}
      >
        <UndoRedo />
        <span className="toolbar-divider" aria-hidden="true" />
        <ColumnsMenu api={api} columnDefs={kind.columnDefs} primaryColumn={kind.primaryColumn} />
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="Details"
          aria-pressed={details.open}
          title={details.open ? 'Hide the details panel' : 'Show the details panel'}
          onClick={() => saveDetails({ ...details, open: !details.open })}
        >
          <PanelRightIcon />
        </button>
        <ImportButton />
        <ExportButton
          grid={kind.kind === 'claim' ? 'claims' : 'sources'}
          api={api}
          fieldsByColumn={kind.fieldsByColumn}
          filter={kind.filterOf(filterModel, settledSearch)}
          selectedIds={selectedIds}
          total={total}
        />
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          <PlusIcon />
          {kind.newLabel}
        </button>
      </Toolbar>
      <FilterBar api={api} chips={chips} />
      <div className="view-body">
        <div className="grid-area">
          <RecordGrid<Row, F, Q>
            gridId={kind.gridId}
            label={kind.title}
            theme={theme}
            columnDefs={kind.columnDefs}
            rowHeight={kind.rowHeight}
            fieldsByColumn={kind.fieldsByColumn}
            search={settledSearch}
            filterOf={kind.filterOf}
            fetchPage={kind.list}
            countRows={kind.count}
            saveEdit={kind.saveEdit}
            revision={workspace.revision}
            onReady={setApi}
            onTotal={(count, atLeast) => setGridTotal({ count, atLeast })}
            onSelectionChanged={(rows) => {
              selectionVersion.current += 1
              setSelected(rows)
              setEverything(null)
            }}
            onFocusRow={(row) => setDetailId(row.id)}
            onFilterModel={setFilterModel}
            onRowSaved={(row) => {
              if (row.id === detailId) setDetailReload((value) => value + 1)
              changed()
            }}
            onDeleteKey={askToDelete}
            onError={toasts.error}
            emptyText={
              filtering
                ? settledSearch.trim() && !chips.length
                  ? `No ${kind.noun.many} match “${settledSearch.trim()}”`
                  : `No ${kind.noun.many} match these filters`
                : kind.emptyText
            }
          />
          {selected.length ? (
            <BulkBar
              ids={selectedIds}
              rows={selected}
              all={everything !== null}
              selectAll={
                everything === null &&
                total !== null &&
                total > selected.length &&
                total <= MAX_BULK_IDS
                  ? { total, busy: selectingAll, onSelect: () => void selectAll() }
                  : undefined
              }
              noun={kind.noun}
              fields={kind.bulkFields}
              onTag={tagSelected}
              onApplied={reload}
              onDelete={askToDelete}
              onClear={() => api?.deselectAll()}
            />
          ) : null}
        </div>
        {details.open ? (
          <DetailPanel
            kind={kind}
            id={detailId}
            reloadKey={detailReload}
            width={details.width}
            onResize={(width, done) =>
              done ? saveDetails({ ...details, width }) : setDetails({ ...details, width })
            }
            onSaved={onDetailSaved}
            onOpen={setDetailId}
            onGone={() => setDetailId(null)}
            onClose={() => saveDetails({ ...details, open: false })}
          />
        ) : null}
      </div>
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
