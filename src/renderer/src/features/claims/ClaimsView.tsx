import type { Theme } from 'ag-grid-community'
import type { CLAIM_SORT_FIELDS } from '../../../../shared/contract'
import type { Claim } from '../../../../shared/types'
import { ApiError, call } from '../../api'
import { RecordView, type RecordKind } from '../records/RecordView'
import { CLAIM_ROW_HEIGHT, CLAIM_SORT_BY_COLUMN, claimChange, claimColumns } from './columns'
import { NewClaimDialog } from './NewClaimDialog'

type ClaimSortField = (typeof CLAIM_SORT_FIELDS)[number]

const claims: RecordKind<Claim, ClaimSortField> = {
  gridId: 'claims',
  primaryColumn: 'text',
  title: 'Claims',
  noun: { one: 'claim', many: 'claims' },
  newLabel: 'New claim',
  searchPlaceholder: 'Search claims and notes',
  emptyText: 'No claims yet — create one with New claim',
  columnDefs: claimColumns,
  rowHeight: CLAIM_ROW_HEIGHT,
  fieldsByColumn: CLAIM_SORT_BY_COLUMN,
  list: (request) => call('claims.list', request),
  saveEdit: async (row, field, value) => {
    const changes = claimChange(field, value)
    if (!changes) throw new ApiError('invalid_input', `The ${field} column cannot be edited.`)
    return call('claims.update', { id: row.id, changes })
  },
  remove: (ids) => call('claims.delete', { ids })
}

type Props = { projectPath: string; theme: Theme; onChanged: () => void }

export function ClaimsView({ projectPath, theme, onChanged }: Props) {
  return (
    <RecordView
      kind={claims}
      projectPath={projectPath}
      theme={theme}
      onChanged={onChanged}
      NewDialog={NewClaimDialog}
    />
  )
}
