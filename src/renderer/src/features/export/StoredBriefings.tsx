import { useId } from 'react'
import type { StoredBriefing } from '../../../../shared/briefingTypes'

export type StoredStatus =
  | { status: 'idle' | 'busy' }
  | { status: 'done'; message: string; undoable?: boolean }
  | { status: 'failed'; message: string }

type Props = {
  briefings: readonly StoredBriefing[]
  /** The stored briefing the form shows; null for a new one. */
  selectedId: string | null
  status: StoredStatus
  canSave: boolean
  onPick: (id: string | null) => void
  onSave: () => void
  onDelete: () => void
  onUndo: () => void
}

/** Briefings kept in the project: pick one to edit, save the form to it, or delete it. */
export function StoredBriefings({
  briefings,
  selectedId,
  status,
  canSave,
  onPick,
  onSave,
  onDelete,
  onUndo
}: Props) {
  const pickId = useId()
  const busy = status.status === 'busy'
  return (
    <div className="export-stored">
      <label className="field-label" htmlFor={pickId}>
        Stored briefing
      </label>
      <div className="export-stored-row">
        <select
          id={pickId}
          className="field-input export-select"
          value={selectedId ?? ''}
          disabled={busy}
          onChange={(event) => onPick(event.target.value || null)}
        >
          <option value="">New briefing</option>
          {briefings.map((briefing) => (
            <option key={briefing.id} value={briefing.id}>
              {briefing.title}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={busy || !canSave}
          onClick={onSave}
          title="Keep everything in this form in the project, scope included"
        >
          {selectedId ? 'Save changes' : 'Save briefing'}
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={busy || !selectedId}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
      {status.status === 'done' ? (
        <p className="export-outcome export-stored-outcome" role="status">
          {status.message}
          {status.undoable ? (
            <button type="button" className="button button-small" onClick={onUndo}>
              Undo
            </button>
          ) : null}
        </p>
      ) : status.status === 'failed' ? (
        <p className="form-error export-stored-outcome" role="alert">
          {status.message}
        </p>
      ) : null}
    </div>
  )
}
