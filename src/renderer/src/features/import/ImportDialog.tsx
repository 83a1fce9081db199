import { useId, useRef, useState } from 'react'
import type { SourceWithContent } from '../../../../shared/types'
import { Dialog } from '../../components/Dialog'
import { countLabel } from '../../lib/format'
import { FileIcon, ImportIcon, WarningIcon } from '../reader/icons'
import { DraftEditor } from './DraftEditor'
import { ACCEPT_ATTRIBUTE } from './readFile'
import { isImportable, type ImportItem, type ImportQueue } from './useImportQueue'
import '../citations/citations.css'
import './import.css'

type Props = {
  queue: ImportQueue
  /** Files are being dragged over the window. */
  dragging: boolean
  onClose: () => void
  /** `done`: nothing is left that the analyst still has to decide or correct. */
  onImported: (sources: SourceWithContent[], done: boolean) => void
  /** "Open existing" on a duplicate: `key` is the document that is then left out. */
  onOpenSource: (sourceId: string, key: string) => void
}

const ADD = 'add'

function itemState(item: ImportItem): { text: string; tone: 'ok' | 'warn' | 'error' | 'busy' } {
  if (item.status === 'reading') return { text: 'Reading…', tone: 'busy' }
  if (item.status === 'saving') return { text: 'Importing…', tone: 'busy' }
  if (item.status === 'failed') return { text: 'Cannot be imported', tone: 'error' }
  if (item.saveError) return { text: 'Needs a correction', tone: 'error' }
  if (item.duplicate && item.decision === 'ask')
    return { text: 'Already in the project', tone: 'warn' }
  if (!isImportable(item)) return { text: 'Needs a correction', tone: 'error' }
  return { text: item.fields.publishedAt || item.draft?.format || 'Ready', tone: 'ok' }
}

/** Where new documents come from: files (chosen or dropped) or pasted text. */
function AddPanel({
  queue,
  dragging,
  onAdded,
  compact
}: {
  queue: ImportQueue
  dragging: boolean
  onAdded: (key: string | undefined) => void
  compact: boolean
}) {
  const fileRef = useRef<HTMLInputElement>(null)
  const [pasted, setPasted] = useState('')
  const pasteId = useId()

  return (
    <div className={compact ? 'import-add import-add-compact' : 'import-add'}>
      <div className="import-drop" data-dragging={dragging ? 'true' : undefined}>
        <ImportIcon />
        <p className="import-drop-title">
          {dragging ? 'Drop the files to read them' : 'Drop files anywhere in the window'}
        </p>
        <p className="import-drop-text">
          Plain text, Markdown, HTML, PDF, Word (.docx) or references (.ris, .bib, CSL-JSON) — up to
          20 MB each.
        </p>
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          Choose files…
        </button>
        <input
          ref={fileRef}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          className="visually-hidden-file"
          aria-label="Choose files"
          tabIndex={-1}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])]
            event.target.value = ''
            if (files.length) onAdded(queue.addFiles(files)[0])
          }}
        />
      </div>
      <div className="import-paste">
        <label className="import-field-label" htmlFor={pasteId}>
          Paste text
        </label>
        <textarea
          id={pasteId}
          className="field-input field-textarea import-paste-area"
          placeholder="Paste an article’s text here — its first line becomes the title."
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && pasted.trim()) {
              event.preventDefault()
              event.stopPropagation()
              onAdded(queue.addText(pasted))
              setPasted('')
            }
          }}
        />
        <button
          type="button"
          className="button"
          disabled={pasted.trim() === ''}
          onClick={() => {
            onAdded(queue.addText(pasted))
            setPasted('')
          }}
        >
          Read pasted text
        </button>
      </div>
    </div>
  )
}

/**
 * Importing documents: each is read by the core (title, URL, date, language, clutter) and
 * shown for the analyst to confirm or correct; nothing is stored before Import.
 */
export function ImportDialog({ queue, dragging, onClose, onImported, onOpenSource }: Props) {
  const { items } = queue
  const [selectedKey, setSelectedKey] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const selected =
    selectedKey === ADD
      ? null
      : (items.find((item) => item.key === selectedKey) ?? items[0] ?? null)
  const importable = items.filter(isImportable)
  const undecided = items.filter((item) => item.duplicate && item.decision === 'ask').length
  const reading = items.some((item) => item.status === 'reading')

  const submit = async () => {
    if (busy || importable.length === 0) return
    setBusy(true)
    setError(null)
    // Documents that could not be read are done with; undecided or invalid ones are not.
    const waiting = items.filter((item) => !isImportable(item) && item.status !== 'failed').length
    const { created, failed } = await queue.importAll()
    setBusy(false)
    if (failed > 0) {
      setError(
        `${countLabel(failed, 'document was', 'documents were')} not imported; see the message${failed === 1 ? '' : 's'} in the list.`
      )
    }
    if (created.length > 0) onImported(created, failed === 0 && waiting === 0)
  }

  const hint = reading
    ? 'Reading…'
    : undecided > 0
      ? `Choose what to do with ${countLabel(undecided, 'duplicate', 'duplicates')}`
      : items.length > importable.length
        ? `${countLabel(items.length - importable.length, 'document', 'documents')} will not be imported`
        : 'Nothing is saved until you import'

  return (
    <Dialog
      title="Import documents"
      description="Articles and reports become sources. Check what was found in each before importing."
      onClose={onClose}
      width={items.length ? 980 : 720}
    >
      <div className="import-dialog" data-dragging={dragging ? 'true' : undefined}>
        {items.length === 0 ? (
          <AddPanel
            queue={queue}
            dragging={dragging}
            onAdded={(key) => setSelectedKey(key ?? null)}
            compact={false}
          />
        ) : (
          <div className="import-layout">
            <nav className="import-list" aria-label="Documents to import">
              <ul>
                {items.map((item) => {
                  const state = itemState(item)
                  return (
                    <li key={item.key}>
                      <button
                        type="button"
                        className="import-list-item"
                        aria-current={selected?.key === item.key ? 'true' : undefined}
                        onClick={() => setSelectedKey(item.key)}
                      >
                        {state.tone === 'error' || state.tone === 'warn' ? (
                          <span className={`import-list-icon tone-${state.tone}`}>
                            <WarningIcon />
                          </span>
                        ) : (
                          <span className="import-list-icon">
                            <FileIcon />
                          </span>
                        )}
                        <span className="import-list-text">
                          <span className="import-list-title">
                            {item.draft ? item.fields.title || item.label : item.label}
                          </span>
                          <span className={`import-list-state tone-${state.tone}`}>
                            {state.text}
                          </span>
                        </span>
                      </button>
                    </li>
                  )
                })}
              </ul>
              <button
                type="button"
                className="import-list-add"
                aria-current={selectedKey === ADD ? 'true' : undefined}
                onClick={() => setSelectedKey(ADD)}
              >
                + Add more documents
              </button>
            </nav>
            <section
              className="import-detail"
              aria-label={selected ? `Document: ${selected.label}` : 'Add documents'}
            >
              {selected ? (
                <DraftEditor
                  key={selected.key}
                  item={selected}
                  onFields={(change) => queue.setFields(selected.key, change)}
                  onDecide={(decision) => queue.decide(selected.key, decision)}
                  onRemove={() => {
                    queue.remove(selected.key)
                    setSelectedKey(null)
                  }}
                  onOpenExisting={(sourceId) => onOpenSource(sourceId, selected.key)}
                />
              ) : (
                <AddPanel
                  queue={queue}
                  dragging={dragging}
                  onAdded={(key) => setSelectedKey(key ?? null)}
                  compact
                />
              )}
            </section>
          </div>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <span className="dialog-hint">{items.length ? hint : ''}</span>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || importable.length === 0 || reading}
            onClick={() => void submit()}
          >
            {importable.length > 1 ? `Import ${importable.length} documents` : 'Import'}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
