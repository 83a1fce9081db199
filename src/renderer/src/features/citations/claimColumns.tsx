import type { ColDef } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { Claim } from '../../../../shared/types'
import './citations.css'

function CitationCountCell({ value }: CustomCellRendererProps<Claim, number>) {
  if (!value) return <span className="cell-empty">—</span>
  return <span className="cell-count">{value.toLocaleString()}</span>
}

/** The titles of the sources a claim cites: as many as fit, all of them on hover. */
function SourcesCell({ value }: CustomCellRendererProps<Claim, string[]>) {
  if (!value?.length) return <span className="cell-empty">—</span>
  return (
    <span className="cell-sources" title={value.join('\n')}>
      {value.map((title, index) => (
        <span key={`${index}:${title}`} className="cell-source">
          {title}
        </span>
      ))}
    </span>
  )
}

export const citationCountColumn: ColDef<Claim> = {
  colId: 'citationCount',
  field: 'citationCount',
  headerName: 'Citations',
  headerTooltip: 'Passages cited for this claim',
  width: 96,
  type: 'rightAligned',
  cellRenderer: CitationCountCell
}

export const claimSourcesColumn: ColDef<Claim> = {
  colId: 'sources',
  field: 'sources',
  headerName: 'Sources',
  flex: 1,
  minWidth: 120,
  sortable: false,
  cellRenderer: SourcesCell
}
