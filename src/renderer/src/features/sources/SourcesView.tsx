import type { Theme } from 'ag-grid-community'
import type { SOURCE_SORT_FIELDS } from '../../../../shared/contract'
import type { Source } from '../../../../shared/types'
import { ApiError, call } from '../../api'
import { RecordView, type RecordKind } from '../records/RecordView'
import { SOURCE_ROW_HEIGHT, SOURCE_SORT_BY_COLUMN, sourceChange, sourceColumns } from './columns'
import { NewSourceDialog } from './NewSourceDialog'

type SourceSortField = (typeof SOURCE_SORT_FIELDS)[number]

const sources: RecordKind<Source, SourceSortField> = {
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
  list: (request) => call('sources.list', request),
  saveEdit: async (row, field, value) => {
    const changes = sourceChange(field, value)
    if (!changes) throw new ApiError('invalid_input', `The ${field} column cannot be edited.`)
    const saved = await call('sources.update', { id: row.id, changes })
    return saved
  },
  remove: (ids) => call('sources.delete', { ids })
}

type Props = { projectPath: string; theme: Theme; onChanged: () => void }

export function SourcesView({ projectPath, theme, onChanged }: Props) {
  return (
    <RecordView
      kind={sources}
      projectPath={projectPath}
      theme={theme}
      onChanged={onChanged}
      NewDialog={NewSourceDialog}
    />
  )
}
