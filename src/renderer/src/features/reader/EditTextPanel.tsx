import { useId, useState } from 'react'
import { errorMessage } from '../../api'

type Props = {
  initialText: string
  citationCount: number
  onSave: (text: string) => Promise<void>
  onCancel: () => void
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/** Correcting the source's text; citations are found again in the new text when it is saved. */
export function EditTextPanel({ initialText, citationCount, onSave, onCancel }: Props) {
  const [text, setText] = useState(initialText)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const changed = text !== initialText

  const save = async () => {
    if (busy || !changed) return
    setBusy(true)
    setError(null)
    try {
      await onSave(text)
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  return (
    <div className="edit-text">
      <div className="edit-text-bar">
        <label htmlFor={id} className="edit-text-label">
          Source text
        </label>
        <span className="edit-text-hint">
          {citationCount > 0
            ? `On saving, the ${citationCount === 1 ? 'citation is' : `${citationCount} citations are`} found again in the new text.`
            : 'Correct typos, restore missing passages or remove leftovers.'}
        </span>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void save()}
          disabled={busy || !changed}
          title={`Save the text (${isMac ? '⌘' : 'Ctrl'}+S)`}
        >
          Save text
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        className="edit-text-area"
        value={text}
        spellCheck={false}
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
            event.preventDefault()
            void save()
          } else if (event.key === 'Escape' && !changed) {
            event.preventDefault()
            onCancel()
          }
        }}
      />
    </div>
  )
}
