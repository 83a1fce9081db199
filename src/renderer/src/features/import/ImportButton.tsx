import { ImportIcon } from '../reader/icons'
import { useImport } from './ImportHost'

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/** "Import…" for a toolbar: opens the import dialog (files, pasted text, or drop). */
export function ImportButton({ className = 'button' }: { className?: string }) {
  const { openImport } = useImport()
  return (
    <button
      type="button"
      className={className}
      title={`Import articles and reports from files or pasted text (${isMac ? '⌘I' : 'Ctrl+I'})`}
      onClick={() => openImport()}
    >
      <ImportIcon />
      Import…
    </button>
  )
}
