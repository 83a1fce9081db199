import { useCallback, useState } from 'react'
import type { ColDef, GridApi, Theme } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { CLAIM_SORT_FIELDS, SOURCE_SORT_FIELDS } from '../../../../shared/contract'
import type { Claim, Source } from '../../../../shared/types'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/Dialog'
import { RestoreIcon, TrashIcon } from '../../components/Icons'
import { useToasts } from '../../components/Toasts'
import { ClampedTextCell, TagsCell } from '../../grid/cells'
import {
  toListFilter,
  type ClaimListFilter,
  type FilterMapper,
  type PageRequest,
  type SourceListFilter
} from '../../grid/datasource'
import { RecordGrid } from '../../grid/RecordGrid'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import {
  countLabel,
  formatRelative,
  formatTimestamp,
  totalLabel,
  type GridTotal
} from '../../lib/format'
import { useWorkspace } from '../../workspace'
import { StatusCell } from '../claims/cells'
import { UndoRedo } from '../history/UndoRedo'
import { Toolbar } from '../records/Toolbar'
import { KindCell, PlainCell } from '../sources/cells'

type Tab = 'claims' | 'sources'
type ClaimSortField = (typeof CLAIM_SORT_FIELDS)[number]
type SourceSortField = (typeof SOURCE_SORT_FIELDS)[number]

function DeletedCell({ value }: CustomCellRendererProps<unknown, string | null>) {
  if (!value) return null
  return (
    <time className="cell-muted" dateTime={value} title={formatTimestamp(value)}>
      {formatRelative(value)}
    </time>
  )
}

const deletedColumn = {
  colId: 'deletedAt',
  field: 'deletedAt',
  headerName: 'Deleted',
  width: 130,
  sort: 'desc',
  cellRenderer: DeletedCell
} as const

const claimColumns: ColDef<Claim>[] = [
  {
    colId: 'text',
    field: 'text',
    headerName: 'Claim',
    flex: 3,
    minWidth: 260,
    cellClass: 'cell-multiline',
    cellRenderer: ClampedTextCell
  },
  { colId: 'status', field: 'status', headerName: 'Status', width: 136, cellRenderer: StatusCell },
  {
    colId: 'tags',
    field: 'tags',
    headerName: 'Tags',
    flex: 1,
    minWidth: 120,
    sortable: false,
    cellRenderer: TagsCell
  },
  deletedColumn
]

const sourceColumns: ColDef<Source>[] = [
  {
    colId: 'title',
    field: 'title',
    headerName: 'Title',
    flex: 2,
    minWidth: 220,
    cellRenderer: PlainCell
  },
  {
    colId: 'publisher',
    field: 'publisher',
    headerName: 'Publisher',
    flex: 1,
    minWidth: 120,
    cellRenderer: PlainCell
  },
  { colId: 'kind', field: 'kind', headerName: 'Kind', width: 110, cellRenderer: KindCell },
  deletedColumn
]

const claimSort = { text: 'text', status: 'status', deletedAt: 'deletedAt' } as const
const sourceSort = {
  title: 'title',
  publisher: 'publisher',
  kind: 'kind',
  deletedAt: 'deletedAt'
} as const

const trashedClaims: FilterMapper<ClaimListFilter> = (_model, search) => ({
  trashed: true,
  ...toListFilter(search)
})
const trashedSources: FilterMapper<SourceListFilter> = (_model, search) => ({
  trashed: true,
  ...toListFilter(search)
})

const claimFetch = (request: PageRequest<ClaimSortField, ClaimListFilter>) =>
  call('claims.list', request)
const claimCount = async (filter: ClaimListFilter | undefined) =>
  (await call('claims.count', filter ? { filter } : {})).total
const sourceFetch = (request: PageRequest<SourceSortField, SourceListFilter>) =>
  call('sources.list', request)

type Selection = { tab: Tab; ids: string[] }

/** What was deleted: restore it, or delete it for good (still undoable). */
export function TrashView({ theme, active }: { theme: Theme; active: boolean }) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const [tab, setTab] = useState<Tab>('claims')
  const [search, setSearch] = useState('')
  const settledSearch = useDebouncedValue(search, 200)
  const [total, setTotal] = useState<GridTotal | null>(null)
  const [selection, setSelection] = useState<Selection>({ tab: 'claims', ids: [] })
  const [api, setApi] = useState<GridApi<Claim> | GridApi<Source> | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  const ids = selection.tab === tab ? selection.ids : []
  const noun =
    tab === 'claims' ? { one: 'claim', many: 'claims' } : { one: 'source', many: 'sources' }
  const stats = workspace.stats
  const counts = {
    claims: stats?.trashedClaims ?? 0,
    sources: stats?.trashedSources ?? 0
  }

  const onSelection = useCallback(
    (rows: { id: string }[]) => setSelection({ tab, ids: rows.map((row) => row.id) }),
    [tab]
  )

  const after = (message: string) => {
    toasts.info(message)
    setSelection({ tab, ids: [] })
    api?.deselectAll()
    api?.refreshInfiniteCache()
    // The restored records come back in their own views.
    workspace.changed({ records: true })
  }

  const restore = async () => {
    setBusy(true)
    try {
      const { changed } = await call(tab === 'claims' ? 'claims.restore' : 'sources.restore', {
        ids
      })
      after(`Restored ${countLabel(changed, noun.one, noun.many)}`)
    } catch (error) {
      toasts.error(error)
    } finally {
      setBusy(false)
    }
  }

  const purge = async () => {
    setBusy(true)
    try {
      const { deleted } = await call(tab === 'claims' ? 'claims.purge' : 'sources.purge', { ids })
      setConfirming(false)
      after(`Deleted ${countLabel(deleted, noun.one, noun.many)} for good`)
    } catch (error) {
      toasts.error(error)
    } finally {
      setBusy(false)
    }
  }

  const emptyText = settledSearch.trim()
    ? `No ${noun.many} in the Trash match “${settledSearch.trim()}”`
    : `No ${noun.many} in the Trash`

  const common = {
    theme,
    search: settledSearch,
    revision: workspace.revision,
    onTotal: (count: number, atLeast: boolean) => setTotal({ count, atLeast }),
    onSelectionChanged: onSelection,
    onError: toasts.error,
    emptyText
  }

  return (
    <div className="view" hidden={!active}>
      <Toolbar
        title="Trash"
        countText={total ? totalLabel(total, noun.one, noun.many) : ''}
        middle={
          <div className="segmented segmented-labels" role="tablist" aria-label="Kind of record">
            {(['claims', 'sources'] as const).map((option) => (
              <button
                key={option}
                type="button"
                role="tab"
                aria-selected={tab === option}
                className="segmented-option"
                onClick={() => {
                  setTab(option)
                  setTotal(null)
                }}
              >
                {option === 'claims' ? 'Claims' : 'Sources'}
                <span className="segmented-count">{counts[option].toLocaleString()}</span>
              </button>
            ))}
          </div>
        }
        search={{
          value: search,
          placeholder: `Search trashed ${noun.many}`,
          onChange: setSearch
        }}
      >
        {ids.length ? (
          <span className="toolbar-selection" aria-live="polite">
            {ids.length.toLocaleString()} selected
          </span>
        ) : null}
        <UndoRedo />
        <span className="toolbar-divider" aria-hidden="true" />
        <button
          type="button"
          className="button"
          disabled={!ids.length || busy}
          onClick={() => void restore()}
        >
          <RestoreIcon />
          Restore
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={!ids.length || busy}
          onClick={() => setConfirming(true)}
        >
          <TrashIcon />
          Delete for good
        </button>
      </Toolbar>
      <div className="view-body">
        <div className="grid-area">
          {tab === 'claims' ? (
            <RecordGrid<Claim, ClaimSortField, ClaimListFilter>
              key="claims"
              gridId="trash.claims"
              label="Trashed claims"
              columnDefs={claimColumns}
              rowHeight={54}
              fieldsByColumn={claimSort}
              filterOf={trashedClaims}
              fetchPage={claimFetch}
              countRows={claimCount}
              onReady={setApi}
              {...common}
            />
          ) : (
            <RecordGrid<Source, SourceSortField, SourceListFilter>
              key="sources"
              gridId="trash.sources"
              label="Trashed sources"
              columnDefs={sourceColumns}
              rowHeight={42}
              fieldsByColumn={sourceSort}
              filterOf={trashedSources}
              fetchPage={sourceFetch}
              onReady={setApi}
              {...common}
            />
          )}
        </div>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={`Delete ${countLabel(ids.length, noun.one, noun.many)} for good?`}
          description={
            tab === 'claims'
              ? 'Their notes, tags and relations go with them. Undo can still bring them back.'
              : 'Their notes and tags go with them. Undo can still bring them back.'
          }
          confirmLabel="Delete for good"
          destructive
          busy={busy}
          onConfirm={() => void purge()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  )
}
