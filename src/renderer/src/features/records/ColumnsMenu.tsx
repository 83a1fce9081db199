import { useState } from 'react'
import type { ColDef, GridApi } from 'ag-grid-community'
import { ColumnsIcon } from '../../components/Icons'
import { MenuButton, type MenuItem } from '../../components/Menu'

type ColumnsMenuProps<Row> = {
  api: GridApi<Row> | null
  columnDefs: ColDef<Row>[]
  /** This column names the record; it cannot be hidden. */
  primaryColumn: string
}

/** Show or hide columns; the grid remembers the choice in the project (RecordGrid). */
export function ColumnsMenu<Row>({ api, columnDefs, primaryColumn }: ColumnsMenuProps<Row>) {
  const [, setTick] = useState(0)
  const refresh = () => setTick((value) => value + 1)
  const items: MenuItem[] = [
    { kind: 'heading', label: 'Show columns' },
    ...columnDefs.flatMap((def): MenuItem[] => {
      const colId = def.colId
      // The record's name stays, and so do unnamed utility columns (the Read button).
      if (!colId || colId === primaryColumn || !def.headerName) return []
      const visible = api?.getColumn(colId)?.isVisible() ?? !def.hide
      return [
        {
          kind: 'checkbox',
          label: def.headerName ?? colId,
          checked: visible,
          onSelect: () => {
            api?.setColumnsVisible([colId], !visible)
            refresh()
          }
        }
      ]
    }),
    { kind: 'separator' },
    {
      label: 'Reset columns',
      onSelect: () => {
        api?.resetColumnState()
        refresh()
      }
    }
  ]
  return (
    <MenuButton
      label="Columns"
      icon={<ColumnsIcon />}
      className="button button-quiet button-icon-caret"
      placement="bottom-end"
      items={items}
      stayOpen
      disabled={!api}
      hideLabel
      title="Show or hide columns"
    />
  )
}
