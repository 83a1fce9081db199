import { useId, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { Note } from '../../../../shared/types'
import { call, errorMessage } from '../../api'
import { PencilIcon, TrashIcon } from '../../components/Icons'
import { useToasts } from '../../components/Toasts'
import { useRemote } from '../../hooks/useRemote'
import { formatRelative, formatTimestamp } from '../../lib/format'
import { Section } from './Section'

type NotesSectionProps = {
  targetKind: 'claim' | 'source'
  targetId: string
  reloadKey: string
  onChanged: () => void
}

const submitKeys = (event: KeyboardEvent, submit: () => void, cancel?: () => void) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault()
    submit()
  } else if (event.key === 'Escape' && cancel) {
    event.preventDefault()
    event.stopPropagation()
    cancel()
  }
}

/** The analyst's notes on a record, oldest first: add, edit in place, delete (undoable). */
export function NotesSection({ targetKind, targetId, reloadKey, onChanged }: NotesSectionProps) {
  const toasts = useToasts()
  const newId = useId()
  const { data: notes } = useRemote(
    `${targetId}:${reloadKey}`,
    () => call('notes.list', { targetId }),
    toasts.error
  )
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const add = async () => {
    if (!draft.trim() || busy) return
    setBusy(true)
    try {
      await call('notes.create', { targetKind, targetId, body: draft })
      setDraft('')
      setError(null)
      onChanged()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title="Notes" count={notes?.length}>
      {notes?.length ? (
        <ul className="notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} onChanged={onChanged} />
          ))}
        </ul>
      ) : null}
      <div className="note-composer">
        <label className="visually-hidden" htmlFor={newId}>
          New note
        </label>
        <textarea
          id={newId}
          className="detail-input note-input"
          rows={2}
          placeholder="Add a note…"
          value={draft}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => submitKeys(event, () => void add())}
        />
        {error ? (
          <p className="field-error-text" role="alert">
            {error}
          </p>
        ) : null}
        {draft.trim() ? (
          <div className="note-actions">
            <span className="detail-hint">Ctrl+Enter</span>
            <button
              type="button"
              className="button button-small button-primary"
              disabled={busy}
              onClick={() => void add()}
            >
              Add note
            </button>
          </div>
        ) : null}
      </div>
    </Section>
  )
}

function NoteItem({ note, onChanged }: { note: Note; onChanged: () => void }) {
  const toasts = useToasts()
  const editId = useId()
  const [editing, setEditing] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const save = async () => {
    if (editing === null) return
    if (editing === note.body) {
      setEditing(null)
      return
    }
    try {
      await call('notes.update', { id: note.id, body: editing })
      setEditing(null)
      setError(null)
      onChanged()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  const remove = () => {
    call('notes.delete', { id: note.id }).then(() => {
      toasts.info('Note deleted')
      onChanged()
    }, toasts.error)
  }

  const edited = note.updatedAt !== note.createdAt
  return (
    <li className="note">
      {editing === null ? (
        <p className="note-body">{note.body}</p>
      ) : (
        <>
          <label className="visually-hidden" htmlFor={editId}>
            Edit note
          </label>
          <textarea
            id={editId}
            className="detail-input note-input"
            rows={3}
            autoFocus
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
            onKeyDown={(event) =>
              submitKeys(
                event,
                () => void save(),
                () => setEditing(null)
              )
            }
          />
          {error ? (
            <p className="field-error-text" role="alert">
              {error}
            </p>
          ) : null}
        </>
      )}
      <div className="note-meta">
        <time dateTime={note.createdAt} title={formatTimestamp(note.createdAt)}>
          {formatRelative(note.createdAt)}
        </time>
        {edited ? <span title={`Edited ${formatTimestamp(note.updatedAt)}`}>· edited</span> : null}
        <span className="note-meta-spacer" />
        {editing === null ? (
          <>
            <button
              type="button"
              className="icon-button"
              aria-label="Edit note"
              title="Edit note"
              onClick={() => setEditing(note.body)}
            >
              <PencilIcon />
            </button>
            <button
              type="button"
              className="icon-button icon-button-danger"
              aria-label="Delete note"
              title="Delete note"
              onClick={remove}
            >
              <TrashIcon />
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button-small" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => void save()}
            >
              Save
            </button>
          </>
        )}
      </div>
    </li>
  )
}
