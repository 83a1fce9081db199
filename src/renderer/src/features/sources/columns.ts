import type { ColDef } from 'ag-grid-community'
import type { RequestInput, SOURCE_SORT_FIELDS } from '../../../../shared/contract'
import {
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  type Reliability,
  isOneOf
} from '../../../../shared/domain'
import type { Source } from '../../../../shared/types'
import { DateCell, LinkCell, TagsCell, UpdatedCell } from '../../grid/cells'
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
import { claimCountColumn, readSourceColumn } from '../reader/sourceColumns'
import { KindCell, PlainCell, ReliabilityCell, kindOptions, reliabilityOptions } from './cells'

type SourceSortField = (typeof SOURCE_SORT_FIELDS)[number]
type SourceChanges = RequestInput<'sources.update'>['changes']

/** Grid column id → the contract's sort field. */
export const SOURCE_SORT_BY_COLUMN: Readonly<Partial<Record<string, SourceSortField>>> = {
  title: 'title',
  claimCount: 'claimCount',
  publisher: 'publisher',
  author: 'author',
  publishedAt: 'publishedAt',
  language: 'language',
  kind: 'kind',
  reliability: 'reliability',
  url: 'url',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt'
}

export const SOURCE_ROW_HEIGHT = 42

function toReliability(value: unknown): Reliability | null {
  return RELIABILITY_GRADES.find((grade) => grade === value) ?? null
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** One edited cell as a `sources.update` change; the core validates and explains. */
export function sourceChange(field: string, value: unknown): SourceChanges | null {
  switch (field) {
    case 'title':
      return { title: text(value) ?? '' }
    case 'publisher':
      return { publisher: text(value) }
    case 'author':
      return { author: text(value) }
    case 'url':
      return { url: text(value) }
    case 'language':
      return { language: text(value) }
    case 'publishedAt':
      return { publishedAt: text(value) }
    case 'kind':
      return isOneOf(SOURCE_KINDS, value) ? { kind: value } : null
    case 'reliability':
      return { reliability: toReliability(value) }
    default:
      return null
  }
}

const textEditor = (maxLength: number) => ({
  editable: true,
  cellEditor: 'agTextCellEditor',
  cellEditorParams: { maxLength }
})

const optionsEditor = {
  editable: true,
  cellEditor: OptionsEditor,
  cellEditorPopup: true,
  cellEditorPopupPosition: 'under' as const
}

const kindFilter: ChecklistFilterParams = { options: kindOptions }
const reliabilityFilter: ChecklistFilterParams = { options: reliabilityOptions }
const tagsEditor: TagsCellEditorParams = {
  tagRecords: (ids, tagId, tagged) => call('sources.tag', { ids, tagId, tagged })
}

/** Title, publisher, author and URL share what the fixed-width columns leave. */
export const sourceColumns: ColDef<Source>[] = [
  { ...readSourceColumn, pinned: 'left', lockPinned: true },
  {
    colId: 'title',
    field: 'title',
    headerName: 'Title',
    // Frozen at the left with the Read button: the other columns scroll past them.
    pinned: 'left',
    lockPinned: true,
    width: 300,
    minWidth: 180,
    cellRenderer: PlainCell,
    ...textEditor(1_000),
    filter: TextFilter
  },
  {
    colId: 'publisher',
    field: 'publisher',
    headerName: 'Publisher',
    flex: 1,
    minWidth: 100,
    cellRenderer: PlainCell,
    ...textEditor(500)
  },
  {
    colId: 'author',
    field: 'author',
    headerName: 'Author',
    // Shown from the Columns menu; most grids need the publisher, not the byline.
    hide: true,
    flex: 0.8,
    minWidth: 80,
    cellRenderer: PlainCell,
    ...textEditor(500)
  },
  {
    colId: 'publishedAt',
    field: 'publishedAt',
    headerName: 'Published',
    width: 106,
    editable: true,
    cellRenderer: DateCell,
    cellEditor: DateEditor,
    filter: DateRangeFilter
  },
  {
    colId: 'language',
    field: 'language',
    headerName: 'Language',
    hide: true,
    width: 90,
    cellRenderer: PlainCell,
    ...textEditor(20)
  },
  {
    colId: 'kind',
    field: 'kind',
    headerName: 'Kind',
    width: 96,
    cellRenderer: KindCell,
    ...optionsEditor,
    cellEditorParams: { options: kindOptions },
    filter: ChecklistFilter,
    filterParams: kindFilter
  },
  {
    colId: 'reliability',
    field: 'reliability',
    headerName: 'Reliability',
    width: 116,
    cellRenderer: ReliabilityCell,
    ...optionsEditor,
    cellEditorParams: { options: reliabilityOptions },
    filter: ChecklistFilter,
    filterParams: reliabilityFilter
  },
  claimCountColumn,
  {
    colId: 'tags',
    field: 'tags',
    headerName: 'Tags',
    flex: 1,
    minWidth: 130,
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
    colId: 'url',
    field: 'url',
    headerName: 'URL',
    flex: 1,
    minWidth: 100,
    cellRenderer: LinkCell,
    ...textEditor(2_048)
  },
  {
    colId: 'updatedAt',
    field: 'updatedAt',
    headerName: 'Updated',
    width: 112,
    cellRenderer: UpdatedCell
  }
]
