import type { RequestInput } from '../../../../shared/contract'
import type { ExportKind } from '../../../../shared/contractExports'

/**
 * What the open grid shows, as the export requests take it. Pure functions: the dialog's
 * wording and the scope it sends are decided here, away from React.
 */

export type GridName = 'claims' | 'sources'

export type GridView = {
  grid: GridName
  /** The grid's list filter (quick search and column filters), exactly as it lists rows. */
  filter: unknown
  sort: ReadonlyArray<{ field: string; direction: 'asc' | 'desc' }> | undefined
  selectedIds: readonly string[]
  /** Rows the grid counts for its filter; null while it loads. */
  total: number | null
}

export type ScopeChoice = 'view' | 'selected' | 'all' | 'tag'
export type ExportScopeInput = NonNullable<RequestInput<'export.start'>['scope']>

/** The scope to send. The grid's filter goes back to the core, which parses it again. */
export function scopeOf(
  view: GridView,
  choice: ScopeChoice,
  tagId: string | null
): ExportScopeInput {
  switch (choice) {
    case 'all':
      return { type: 'all' }
    case 'tag':
      return tagId ? { type: 'tag', tagId } : { type: 'all' }
    case 'selected':
      return { type: view.grid, filter: { ids: [...view.selectedIds] } }
    case 'view': {
      const scope: Record<string, unknown> = { type: view.grid }
      if (view.filter !== undefined) scope.filter = view.filter
      if (view.sort?.length) scope.sort = view.sort
      return scope as ExportScopeInput
    }
  }
}

const NOUN: Record<ExportKind, [string, string]> = {
  claims: ['claim', 'claims'],
  sources: ['source', 'sources'],
  citations: ['citation', 'citations'],
  tags: ['tag', 'tags']
}

export function countOf(count: number, kind: ExportKind): string {
  const [one, many] = NOUN[kind]
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}

export type ScopeOption = { choice: ScopeChoice; label: string; detail: string; disabled: boolean }

/** The radio options for exporting `what` from this grid, in words that say what you get. */
export function scopeOptions(what: ExportKind, view: GridView): ScopeOption[] {
  const gridNoun = view.grid === 'claims' ? 'claims' : 'sources'
  const selected = view.selectedIds.length
  const inView = view.total === null ? gridNoun : countOf(view.total, view.grid)
  const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
  const viewDetail: Record<ExportKind, string> = {
    claims:
      view.grid === 'claims'
        ? `${capital(inView)} as filtered and sorted in the grid`
        : `Claims citing the ${inView} in the grid`,
    sources:
      view.grid === 'sources'
        ? `${capital(inView)} as filtered and sorted in the grid`
        : `Sources cited by the ${inView} in the grid`,
    citations: `Citations of the ${inView} in the grid`,
    tags: `Tags used by the ${inView} in the grid`
  }
  const selectedDetail =
    selected === 0
      ? `Select ${gridNoun} in the grid first`
      : what === view.grid
        ? `${countOf(selected, view.grid)} selected`
        : `Linked to the ${countOf(selected, view.grid)} selected`
  const allDetail: Record<ExportKind, string> = {
    claims: 'Every claim in the project, Trash excluded',
    sources: 'Every source in the project, Trash excluded',
    citations: 'Every citation of a claim and source not in the Trash',
    tags: 'The whole codebook'
  }
  return [
    { choice: 'view', label: 'Current view', detail: viewDetail[what], disabled: false },
    {
      choice: 'selected',
      label: 'Selected rows',
      detail: selectedDetail,
      disabled: selected === 0
    },
    { choice: 'all', label: 'Everything', detail: allDetail[what], disabled: false }
  ]
}

export const DELIMITERS = [
  { value: ',', label: 'Comma', detail: 'Most programs' },
  { value: ';', label: 'Semicolon', detail: 'Excel where the decimal mark is a comma' },
  { value: '\t', label: 'Tab', detail: 'Pasting into spreadsheets' }
] as const
export type Delimiter = (typeof DELIMITERS)[number]['value']
