import { useState } from 'react'
import type { FormEvent, KeyboardEvent, ReactNode } from 'react'
import { errorMessage } from '../../api'
import { Dialog } from '../../components/Dialog'

type FormDialogProps = {
  title: string
  submitLabel: string
  canSubmit: boolean
  onSubmit: () => Promise<void>
  onClose: () => void
  children: ReactNode
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/** A small modal form: Ctrl/Cmd+Enter submits from any field; errors stay in the dialog. */
export function FormDialog(props: FormDialogProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    if (busy || !props.canSubmit) return
    setBusy(true)
    setError(null)
    try {
      await props.onSubmit()
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    }
  }

  return (
    <Dialog title={props.title} onClose={props.onClose} width={520}>
      <form className="form" onSubmit={onFormSubmit} onKeyDown={onKeyDown} noValidate>
        {props.children}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <span className="dialog-hint">{isMac ? '⌘' : 'Ctrl'}+Enter to save</span>
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !props.canSubmit}
          >
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
