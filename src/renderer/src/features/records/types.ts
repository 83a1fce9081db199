import type { ComponentType, ReactNode } from 'react'
import type { ColDef } from 'ag-grid-community'
import type { Deleted, ListResult, TagRef } from '../../../../shared/types'
import type { FilterMapper, PageRequest } from '../../grid/datasource'
import type { TagRecords } from '../tags/TagsCellEditor'

export type Noun = { one: string; many: string }

/** One choice of a bulk action ("Status → Contested"), applied to the selected rows. */
export type BulkChoice = {
  label: string
  content?: ReactNode
  apply: (ids: string[]) => Promise<number>
}

export type BulkField = { label: string; icon?: ReactNode; choices: BulkChoice[] }

export type FieldsProps<Row> = {
  row: Row
  /** Saves changes to the record; throws the core's refusal for the field to show. */
  onSaved: (row: Row) => void
}

export type TaggedRow = {
  id: string
  tags: TagRef[]
  createdAt: string
  deletedAt: string | null
}

/** Everything RecordView needs to know about one kind of record. */
export type RecordKind<Row extends TaggedRow, F extends string, Q> = {
  kind: 'claim' | 'source'
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
  filterOf: FilterMapper<Q>
  list: (request: PageRequest<F, Q>) => Promise<ListResult<Row>>
  /** The exact count, for lists whose pages may only know "at least" (quick search). */
  count?: (filter: Q | undefined) => Promise<number>
  /** Every id the list matches: "Select all" for bulk actions. */
  ids: (filter: Q | undefined) => Promise<string[]>
  get: (id: string) => Promise<Row>
  saveEdit: (row: Row, field: string, value: unknown) => Promise<Row>
  remove: (ids: string[]) => Promise<Deleted>
  tag: TagRecords
  bulkFields: BulkField[]
  /** The record's own fields, editable, in the detail panel. */
  Fields: ComponentType<FieldsProps<Row>>
}
