import type { Theme } from 'ag-grid-community'
import type { CLAIM_SORT_FIELDS } from '../../../../shared/contract'
import {
  CLAIM_STATUSES,
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  STATUS_LABELS
} from '../../../../shared/domain'
import type { Claim } from '../../../../shared/types'
import { ApiError, call } from '../../api'
import { GradeIcon, StatusIcon } from '../../components/Icons'
import { claimListFilter, type ClaimListFilter } from '../../grid/datasource'
import { GradeCell, Pill } from '../../grid/cells'
import { RecordView } from '../records/RecordView'
import type { RecordKind } from '../records/types'
import { ClaimFields } from './ClaimFields'
import { CLAIM_ROW_HEIGHT, CLAIM_SORT_BY_COLUMN, claimChange, claimColumns } from './columns'
import { NewClaimDialog } from './NewClaimDialog'

type ClaimSortField = (typeof CLAIM_SORT_FIELDS)[number]

const bulkUpdate = async (
  ids: string[],
  changes: { status?: Claim['status']; credibility?: Claim['credibility'] }
) => (await call('claims.bulkUpdate', { ids, changes })).changed

export const claimsKind: RecordKind<Claim, ClaimSortField, ClaimListFilter> = {
  kind: 'claim',
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
  filterOf: claimListFilter,
  list: (request) => call('claims.list', request),
  count: async (filter) => (await call('claims.count', filter ? { filter } : {})).total,
  ids: async (filter) => (await call('claims.ids', filter ? { filter } : {})).ids,
  get: (id) => call('claims.get', { id }),
  saveEdit: async (row, field, value) => {
    // The tag editor has already saved each pick: read back what the core stored.
    if (field === 'tags') return call('claims.get', { id: row.id })
    const changes = claimChange(field, value)
    if (!changes) throw new ApiError('invalid_input', `The ${field} column cannot be edited.`)
    return call('claims.update', { id: row.id, changes })
  },
  remove: (ids) => call('claims.delete', { ids }),
  tag: (ids, tagId, tagged) => call('claims.tag', { ids, tagId, tagged }),
  bulkFields: [
    {
      label: 'Status',
      icon: <StatusIcon />,
      choices: CLAIM_STATUSES.map((status) => ({
        label: STATUS_LABELS[status],
        content: <Pill tone={status} label={STATUS_LABELS[status]} />,
        apply: (ids) => bulkUpdate(ids, { status })
      }))
    },
    {
      label: 'Credibility',
      icon: <GradeIcon />,
      choices: [
        {
          label: 'Not graded',
          content: <span className="cell-empty">Not graded</span>,
          apply: (ids) => bulkUpdate(ids, { credibility: null })
        },
        ...CREDIBILITY_GRADES.map((grade) => ({
          label: `${grade} ${CREDIBILITY_LABELS[grade]}`,
          content: <GradeCell code={String(grade)} label={CREDIBILITY_LABELS[grade]} />,
          apply: (ids: string[]) => bulkUpdate(ids, { credibility: grade })
        }))
      ]
    }
  ],
  Fields: ClaimFields
}

type Props = { theme: Theme; active: boolean }

export function ClaimsView({ theme, active }: Props) {
  return <RecordView kind={claimsKind} theme={theme} active={active} NewDialog={NewClaimDialog} />
}
