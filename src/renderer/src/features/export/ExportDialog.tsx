import { useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { Dialog } from '../../components/Dialog'
import { BriefingPanel } from './BriefingPanel'
import { CsvPanel } from './CsvPanel'
import type { GridView } from './scopes'
import './export.css'

type Tab = 'csv' | 'briefing'
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'csv', label: 'CSV' },
  { id: 'briefing', label: 'Briefing (PDF, Word)' }
]

type ExportDialogProps = { view: GridView; onClose: () => void }

/** "Export": a CSV of records, or a PDF briefing of claims, from what the grid shows. */
export function ExportDialog({ view, onClose }: ExportDialogProps) {
  const [tab, setTab] = useState<Tab>('csv')
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ csv: null, briefing: null })
  const baseId = useId()

  // Arrow keys move between tabs, as in every tab list.
  const onTabKey = (event: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return
    event.preventDefault()
    const index = TABS.findIndex((entry) => entry.id === tab)
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? TABS.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length
    const target = TABS[next]
    if (!target) return
    setTab(target.id)
    tabRefs.current[target.id]?.focus()
  }

  return (
    <Dialog title="Export" onClose={onClose} width={tab === 'briefing' ? 980 : 560}>
      <div
        className="segmented segmented-labels export-tabs"
        role="tablist"
        aria-label="Export as"
        onKeyDown={onTabKey}
      >
        {TABS.map((entry) => (
          <button
            key={entry.id}
            ref={(element) => {
              tabRefs.current[entry.id] = element
            }}
            type="button"
            role="tab"
            id={`${baseId}-${entry.id}-tab`}
            aria-selected={tab === entry.id}
            aria-controls={`${baseId}-${entry.id}-panel`}
            tabIndex={tab === entry.id ? 0 : -1}
            className="segmented-option"
            onClick={() => setTab(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-${tab}-panel`}
        aria-labelledby={`${baseId}-${tab}-tab`}
        className="export-panel"
      >
        {tab === 'csv' ? (
          <CsvPanel view={view} onClose={onClose} />
        ) : (
          <BriefingPanel view={view} onClose={onClose} />
        )}
      </div>
    </Dialog>
  )
}
