import type { ColDef } from 'ag-grid-community'
import type { CLAIM_SORT_FIELDS, RequestInput } from '../../../../shared/contract'
import {
  CLAIM_STATUSES,
  CREDIBILITY_GRADES,
  type Credibility,
  isOneOf
} from '../../../../shared/domain'
import type { Claim } from '../../../../shared/types'
import { ClampedTextCell, ConfidenceCell, DateCell, TagsCell, UpdatedCell } from '../../grid/cells'
import { DateEditor } from '../../grid/DateEditor'
import { OptionsEditor } from '../../grid/OptionsEditor'
import { call } from '../../api'
import { ChecklistFilter, type ChecklistFilterParams } from '../../grid/filters/ChecklistFilter'
import { DateRangeFilter } from '../../grid/filters/DateRangeFilter'
import { TagFilter } from '../../grid/filters/TagFilter'
import { TextFilter } from '../../grid/filters/TextFilter'
import {
  TagsCellEditor,
  suppressTagEditorKeys,
  type TagsCellEditorParams
} from '../tags/TagsCellEditor'
import { citationCountColumn, claimSourcesColumn } from '../citations/claimColumns'
import { CredibilityCell, FlagCell, StatusCell, credibilityOptions, statusOptions } from './cells'

type ClaimSortField = (typeof CLAIM_SORT_FIELDS)[number]
type ClaimChanges = RequestInput<'claims.update'>['changes']

/** Grid column id → the contract's sort field. Tags are not sortable. */
export const CLAIM_SORT_BY_COLUMN: Readonly<Partial<Record<string, ClaimSortField>>> = {
  text: 'text',
  citationCount: 'citationCount',
  status: 'status',
  credibility: 'credibility',
  confidence: 'confidence',
  eventDate: 'eventDate',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt'
}

export const CLAIM_ROW_HEIGHT = 54

function toCredibility(value: unknown): Credibility | null {
  return CREDIBILITY_GRADES.find((grade) => grade === value) ?? null
}

/** One edited cell as a `claims.update` change; the core validates and explains. */
export function claimChange(field: string, value: unknown): ClaimChanges | null {
  switch (field) {
    case 'text':
      return { text: typeof value === 'string' ? value : '' }
    case 'status':
      return isOneOf(CLAIM_STATUSES, value) ? { status: value } : null
    case 'credibility':
      return { credibility: toCredibility(value) }
    case 'confidence':
      return {
        confidence: value === null || value === undefined || value === '' ? null : Number(value)
      }
    case 'eventDate':
      return { eventDate: typeof value === 'string' ? value : null }
    default:
      return null
  }
}

const statusFilter: ChecklistFilterParams = { options: statusOptions }
const credibilityFilter: ChecklistFilterParams = { options: credibilityOptions }
const tagsEditor: TagsCellEditorParams = {
  tagRecords: (ids, tagId, tagged) => call('claims.tag', { ids, tagId, tagged })
}

/** The claim text takes what the fixed-width columns leave. */
export const claimColumns: ColDef<Claim>[] = [
  {
    colId: 'text',
    field: 'text',
    headerName: 'Claim',
    // Frozen at the left, like a spreadsheet's first column: the other columns scroll past it.
    pinned: 'left',
    lockPinned: true,
    width: 320,
    minWidth: 220,
    editable: true,
    cellClass: 'cell-multiline',
    cellRenderer: ClampedTextCell,
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength: 20_000, rows: 8, cols: 72 },
    filter: TextFilter
  },
  {
    // Kept on the claim when its citations change: the grid reads a column, computes nothing.
    colId: 'flag',
    field: 'flag',
    headerName: '',
    headerTooltip: 'Disputed: a citation contradicts it or figures in its citations disagree',
    width: 44,
    minWidth: 44,
    maxWidth: 44,
    resizable: false,
    sortable: false,
    cellRenderer: FlagCell
  },
  {
    colId: 'status',
    field: 'status',
    headerName: 'Status',
    width: 136,
    editable: true,
    cellRenderer: StatusCell,
    cellEditor: OptionsEditor,
    cellEditorPopup: true,
    cellEditorPopupPosition: 'under',
    cellEditorParams: { options: statusOptions },
    filter: ChecklistFilter,
    filterParams: statusFilter
  },
  {
    colId: 'credibility',
    field: 'credibility',
    headerName: 'Credibility',
    width: 164,
    editable: true,
    cellRenderer: CredibilityCell,
    cellEditor: OptionsEditor,
    cellEditorPopup: true,
    cellEditorPopupPosition: 'under',
    cellEditorParams: { options: credibilityOptions },
    filter: ChecklistFilter,
    filterParams: credibilityFilter
  },
  {
    colId: 'tags',
    field: 'tags',
    headerName: 'Tags',
    flex: 1.2,
    minWidth: 170,
    sortable: false,
    editable: true,
    cellRenderer: TagsCell,
    cellEditor: TagsCellEditor,
    cellEditorPopup: true,
    cellEditorPopupPosition: 'under',
    cellEditorParams: tagsEditor,
    suppressKeyboardEvent: suppressTagEditorKeys,
    filter: TagFilter
  },
  {
    colId: 'confidence',
    field: 'confidence',
    headerName: 'Confidence',
    width: 112,
    editable: true,
    cellRenderer: ConfidenceCell,
    cellEditor: 'agNumberCellEditor',
    // The core explains out-of-range values; the editor would silently clear them.
    cellEditorParams: { precision: 0, step: 5 }
  },
  {
    colId: 'eventDate',
    field: 'eventDate',
    headerName: 'Event date',
    width: 122,
    editable: true,
    cellRenderer: DateCell,
    cellEditor: DateEditor,
    filter: DateRangeFilter
  },
  citationCountColumn,
  claimSourcesColumn,
  {
    colId: 'updatedAt',
    field: 'updatedAt',
    headerName: 'Updated',
    width: 116,
    cellRenderer: UpdatedCell
  }
]
