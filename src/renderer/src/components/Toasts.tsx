import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { errorMessage } from '../api'
import { CloseIcon } from './Icons'

type ToastKind = 'error' | 'info'
type Toast = { id: number; kind: ToastKind; message: string }

type Toaster = {
  /** Shows what went wrong; takes an ApiError (its message is already a sentence) or text. */
  error(error: unknown): void
  info(message: string): void
}

const ToastContext = createContext<Toaster | null>(null)

const LIFETIME_MS: Record<ToastKind, number> = { error: 12_000, info: 4_000 }
const MAX_VISIBLE = 4

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id))
  }, [])

  const push = useCallback(
    (kind: ToastKind, message: string) => {
      const id = nextId.current++
      setToasts((current) => {
        // The same sentence twice in a row (e.g. a failing page fetched twice) is shown once.
        const others = current.filter((toast) => toast.message !== message)
        return [...others, { id, kind, message }].slice(-MAX_VISIBLE)
      })
      window.setTimeout(() => dismiss(id), LIFETIME_MS[kind])
    },
    [dismiss]
  )

  const toaster = useMemo<Toaster>(
    () => ({
      error: (error) => push('error', typeof error === 'string' ? error : errorMessage(error)),
      info: (message) => push('info', message)
    }),
    [push]
  )

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="toasts">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
          >
            <span className="toast-message">{toast.message}</span>
            <button
              type="button"
              className="icon-button toast-close"
              aria-label="Dismiss"
              onClick={() => dismiss(toast.id)}
            >
              <CloseIcon />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export function useToasts(): Toaster {
  const toaster = useContext(ToastContext)
  if (!toaster) throw new Error('useToasts() is used outside <ToastProvider>')
  return toaster
}
