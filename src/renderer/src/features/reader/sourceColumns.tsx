import type { ColDef } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { Source } from '../../../../shared/types'
import { BookIcon } from './icons'
import { requestOpenSource } from './readerNavigation'

/** The Sources grid's way into the reader: a Read button, Enter on it, or a double-click. */
function ReadCell({ data }: CustomCellRendererProps<Source>) {
  if (!data) return null
  return (
    <button
      type="button"
      className="read-cell-button"
      aria-label={`Read ${data.title}`}
      title="Read (Enter)"
      tabIndex={-1}
      onClick={(event) => {
        event.stopPropagation()
        requestOpenSource(data.id)
      }}
    >
      <BookIcon />
    </button>
  )
}

function ClaimCountCell({ value }: CustomCellRendererProps<Source, number>) {
  if (!value) return <span className="cell-empty">—</span>
  return <span className="cell-count">{value.toLocaleString()}</span>
}

const openOnEnter = ({ event, data }: { event: KeyboardEvent; data?: Source }): boolean => {
  if (event.key !== 'Enter' || event.type !== 'keydown' || !data) return false
  event.preventDefault()
  requestOpenSource(data.id)
  return true
}

export const readSourceColumn: ColDef<Source> = {
  colId: 'read',
  headerName: '',
  headerTooltip: 'Read the source',
  width: 44,
  minWidth: 44,
  maxWidth: 44,
  sortable: false,
  resizable: false,
  suppressMovable: true,
  cellClass: 'read-cell',
  cellRenderer: ReadCell,
  suppressKeyboardEvent: openOnEnter,
  onCellDoubleClicked: ({ data }) => {
    if (data) requestOpenSource(data.id)
  }
}

export const claimCountColumn: ColDef<Source> = {
  colId: 'claimCount',
  field: 'claimCount',
  headerName: 'Claims',
  headerTooltip: 'Claims citing this source',
  width: 88,
  type: 'rightAligned',
  cellRenderer: ClaimCountCell,
  onCellDoubleClicked: ({ data }) => {
    if (data) requestOpenSource(data.id)
  }
}
