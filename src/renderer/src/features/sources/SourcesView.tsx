import type { Theme } from 'ag-grid-community'
import type { SOURCE_SORT_FIELDS } from '../../../../shared/contract'
import { RELIABILITY_GRADES, RELIABILITY_LABELS, type Reliability } from '../../../../shared/domain'
import type { Source } from '../../../../shared/types'
import { ApiError, call } from '../../api'
import { GradeIcon } from '../../components/Icons'
import { GradeCell } from '../../grid/cells'
import { sourceListFilter, type SourceListFilter } from '../../grid/datasource'
import { RecordView } from '../records/RecordView'
import type { RecordKind } from '../records/types'
import { SOURCE_ROW_HEIGHT, SOURCE_SORT_BY_COLUMN, sourceChange, sourceColumns } from './columns'
import { NewSourceDialog } from './NewSourceDialog'
import { SourceFields } from './SourceFields'

type SourceSortField = (typeof SOURCE_SORT_FIELDS)[number]

/** One source without its (possibly very long) text: the list row. */
async function getSource(id: string): Promise<Source> {
  const { rows } = await call('sources.list', { limit: 1, filter: { ids: [id] } })
  const row =
    rows[0] ??
    (await call('sources.list', { limit: 1, filter: { ids: [id], trashed: true } })).rows[0]
  if (!row) throw new ApiError('not_found', 'That source no longer exists.')
  return row
}

/** Reliability for many sources, as one change (one undo step). */
async function setReliability(ids: string[], reliability: Reliability | null): Promise<number> {
  return (await call('sources.bulkUpdate', { ids, changes: { reliability } })).changed
}

export const sourcesKind: RecordKind<Source, SourceSortField, SourceListFilter> = {
  kind: 'source',
  gridId: 'sources',
  primaryColumn: 'title',
  title: 'Sources',
  noun: { one: 'source', many: 'sources' },
  newLabel: 'New source',
  searchPlaceholder: 'Search titles and text',
  emptyText: 'No sources yet — add one with New source',
  columnDefs: sourceColumns,
  rowHeight: SOURCE_ROW_HEIGHT,
  fieldsByColumn: SOURCE_SORT_BY_COLUMN,
  filterOf: sourceListFilter,
  list: (request) => call('sources.list', request),
  ids: async (filter) => (await call('sources.ids', filter ? { filter } : {})).ids,
  get: getSource,
  saveEdit: async (row, field, value) => {
    if (field === 'tags') return getSource(row.id)
    const changes = sourceChange(field, value)
    if (!changes) throw new ApiError('invalid_input', `The ${field} column cannot be edited.`)
    return call('sources.update', { id: row.id, changes })
  },
  remove: (ids) => call('sources.delete', { ids }),
  tag: (ids, tagId, tagged) => call('sources.tag', { ids, tagId, tagged }),
  bulkFields: [
    {
      label: 'Reliability',
      icon: <GradeIcon />,
      choices: [
        {
          label: 'Not graded',
          content: <span className="cell-empty">Not graded</span>,
          apply: (ids) => setReliability(ids, null)
        },
        ...RELIABILITY_GRADES.map((grade) => ({
          label: `${grade} ${RELIABILITY_LABELS[grade]}`,
          content: <GradeCell code={grade} label={RELIABILITY_LABELS[grade]} />,
          apply: (ids: string[]) => setReliability(ids, grade)
        }))
      ]
    }
  ],
  Fields: SourceFields
}

type Props = { theme: Theme; active: boolean }

export function SourcesView({ theme, active }: Props) {
  return <RecordView kind={sourcesKind} theme={theme} active={active} NewDialog={NewSourceDialog} />
}
