import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import type { SourceWithContent } from '../../../../shared/types'
import { useToasts } from '../../components/Toasts'
import { countLabel } from '../../lib/format'
import { useWorkspace } from '../../workspace'
import { ImportIcon } from '../reader/icons'
import { ImportDialog } from './ImportDialog'
import { droppedFiles, isFileDrag } from './readFile'
import { useImportQueue } from './useImportQueue'
import './import.css'

type ImportControl = {
  /** Opens the import dialog, with these files already being read. */
  openImport: (files?: readonly File[]) => void
}

const ImportContext = createContext<ImportControl | null>(null)

/** For an "Import…" button anywhere in the app. */
export function useImport(): ImportControl {
  const control = useContext(ImportContext)
  if (!control) throw new Error('useImport() is used outside <ImportHost>')
  return control
}

type Props = {
  children: ReactNode
  /** After sources were created (counts and grids are refreshed through the workspace). */
  onImported?: (sources: SourceWithContent[]) => void
  /** "Open existing" on a duplicate, or the one document just imported. */
  onOpenSource: (sourceId: string) => void
}

/**
 * Owns importing for the whole window: the dialog, Ctrl/Cmd+I and the File ▸ Import menu
 * command, and dropping files anywhere on the window (a full-window overlay says where they
 * go). Dropping while the dialog is open adds to it.
 */
export function ImportHost({ children, onImported, onOpenSource }: Props) {
  const toasts = useToasts()
  const { changed } = useWorkspace()
  const queue = useImportQueue()
  const [open, setOpen] = useState(false)
  const [dragging, setDragging] = useState(false)
  const depth = useRef(0)

  const openImport = useCallback(
    (files?: readonly File[]) => {
      if (files?.length) queue.addFiles(files)
      setOpen(true)
    },
    [queue]
  )

  const close = useCallback(() => {
    setOpen(false)
    queue.clear()
  }, [queue])

  // Drag and drop: files only; anything else keeps the browser's behaviour.
  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (!isFileDrag(event)) return
      event.preventDefault()
      depth.current++
      setDragging(true)
    }
    const onOver = (event: DragEvent) => {
      if (!isFileDrag(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onLeave = (event: DragEvent) => {
      if (!isFileDrag(event)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setDragging(false)
    }
    const onDrop = (event: DragEvent) => {
      if (!isFileDrag(event)) return
      event.preventDefault()
      depth.current = 0
      setDragging(false)
      const files = droppedFiles(event.dataTransfer)
      // A dropped project (desktop app) is opened, not imported.
      const project = files.find((file) => file.name.toLowerCase().endsWith('.attest'))
      if (project && window.attest?.openDroppedProject?.(project)) return
      if (files.length) openImport(files)
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragover', onOver)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [openImport])

  // File ▸ Import Documents… (the app's menu) and Ctrl/Cmd+I (browser mode).
  useEffect(() => {
    const bridge = window.attest
    if (bridge) {
      return bridge.onCommand((command) => {
        if (command === 'import') openImport()
      })
    }
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return
      if (event.key.toLowerCase() !== 'i' || document.querySelector('dialog[open]')) return
      event.preventDefault()
      openImport()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openImport])

  const imported = (sources: SourceWithContent[], done: boolean) => {
    toasts.info(
      sources.length === 1
        ? `Imported “${sources[0]?.title ?? ''}”`
        : `Imported ${countLabel(sources.length, 'document', 'documents')}`
    )
    changed({ records: true })
    onImported?.(sources)
    if (done) {
      setOpen(false)
      queue.clear()
      const only = sources.length === 1 ? sources[0] : undefined
      if (only) onOpenSource(only.id)
    }
  }

  const control = useMemo(() => ({ openImport }), [openImport])

  return (
    <ImportContext.Provider value={control}>
      {children}
      {dragging && !open ? (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <ImportIcon />
            <p className="drop-overlay-title">Drop to import</p>
            <p className="drop-overlay-text">
              Text, Markdown, HTML, PDF and Word files become sources after you check them.
            </p>
          </div>
        </div>
      ) : null}
      {open ? (
        <ImportDialog
          queue={queue}
          dragging={dragging}
          onClose={close}
          onImported={imported}
          onOpenSource={(id, key) => {
            // The other documents wait: Import… shows them again; Cancel discards them.
            queue.remove(key)
            setOpen(false)
            if (queue.items.length > 1) {
              toasts.info('The other documents are still in Import… for when you come back.')
            }
            onOpenSource(id)
          }}
        />
      ) : null}
    </ImportContext.Provider>
  )
}
