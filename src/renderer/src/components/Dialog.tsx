import { useEffect, useId, useRef } from 'react'
import type { ReactNode } from 'react'

type DialogProps = {
  title: string
  description?: ReactNode
  /** Escape, Cancel and the close request of the platform all end here. */
  onClose: () => void
  children: ReactNode
  role?: 'dialog' | 'alertdialog'
  width?: number
}

/**
 * A modal built on <dialog>: the browser traps focus, makes the rest of the page inert and
 * handles Escape. Mount it to open it, unmount it to close it; focus goes back to where it was.
 */
export function Dialog({ title, description, onClose, children, role, width }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    const returnFocusTo =
      document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
      if (returnFocusTo?.isConnected) returnFocusTo.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className="dialog"
      role={role}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      style={width ? { width } : undefined}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description ? (
        <div id={descriptionId} className="dialog-description">
          {description}
        </div>
      ) : null}
      {children}
    </dialog>
  )
}

type ConfirmDialogProps = {
  title: string
  description: ReactNode
  confirmLabel: string
  busy?: boolean
  destructive?: boolean
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, description, confirmLabel, busy, destructive, onConfirm, onCancel } = props
  return (
    <Dialog title={title} description={description} onClose={onCancel} width={420}>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className={destructive ? 'button button-danger' : 'button button-primary'}
          onClick={onConfirm}
          disabled={busy}
          autoFocus
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
