import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { errorMessage } from '../../api'
import { useToasts } from '../../components/Toasts'

/**
 * Fields of the detail panel. Each keeps a draft while the analyst types and saves it on
 * Enter (Ctrl+Enter in long text) or when focus leaves; the core validates, and its sentence
 * shows under the field with the draft kept, so nothing typed is lost. Escape goes back to
 * the stored value.
 */

type Commit<V> = (value: V) => Promise<void>

function useDraft(stored: string) {
  const [draft, setDraft] = useState(stored)
  const [error, setError] = useState<string | null>(null)
  const [seen, setSeen] = useState(stored)
  // The record changed elsewhere (undo, grid edit): show it, unless the field holds an error.
  if (stored !== seen) {
    setSeen(stored)
    setDraft(stored)
    setError(null)
  }
  return { draft, setDraft, error, setError }
}

type FieldShellProps = {
  label: string
  htmlFor: string
  error: string | null
  errorId: string
  hint?: ReactNode
  wide?: boolean
  children: ReactNode
}

function FieldShell({ label, htmlFor, error, errorId, hint, wide, children }: FieldShellProps) {
  return (
    <div className={`detail-field${wide ? ' detail-field-wide' : ''}`}>
      <div className="detail-label">
        <label htmlFor={htmlFor}>{label}</label>
        {hint ? <span className="detail-hint">{hint}</span> : null}
      </div>
      {children}
      {error ? (
        <p className="field-error-text" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

type TextFieldProps = {
  label: string
  value: string | null
  onCommit: Commit<string>
  placeholder?: string
  multiline?: boolean
  wide?: boolean
  hint?: ReactNode
  inputMode?: 'text' | 'numeric' | 'url'
  className?: string
}

export function TextField({
  label,
  value,
  onCommit,
  placeholder,
  multiline,
  wide,
  hint,
  inputMode,
  className
}: TextFieldProps) {
  const id = useId()
  const errorId = useId()
  const stored = value ?? ''
  const { draft, setDraft, error, setError } = useDraft(stored)
  const [saving, setSaving] = useState(false)
  const areaRef = useRef<HTMLTextAreaElement>(null)
  const toasts = useToasts()
  // Focus can leave for another record, which unmounts the field while its save is under
  // way: a refusal then goes to a toast, so the analyst still learns what was not saved.
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  useLayoutEffect(() => {
    const area = areaRef.current
    if (!area) return
    area.style.height = 'auto'
    area.style.height = `${area.scrollHeight + 2}px`
  }, [draft])

  const commit = async () => {
    if (draft === stored || saving) {
      if (draft === stored) setError(null)
      return
    }
    setSaving(true)
    try {
      await onCommit(draft)
      setError(null)
    } catch (caught) {
      if (mounted.current) setError(errorMessage(caught))
      else toasts.error(`${label} was not saved. ${errorMessage(caught)}`)
    } finally {
      setSaving(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && (draft !== stored || error)) {
      event.preventDefault()
      event.stopPropagation()
      setDraft(stored)
      setError(null)
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void commit()
    }
  }

  const common = {
    id,
    className: `detail-input${error ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`,
    value: draft,
    placeholder,
    spellCheck: multiline,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    onBlur: () => void commit(),
    onKeyDown
  }
  return (
    <FieldShell
      label={label}
      htmlFor={id}
      error={error}
      errorId={errorId}
      hint={hint}
      wide={wide || multiline}
    >
      {multiline ? (
        <textarea
          ref={areaRef}
          rows={1}
          {...common}
          onChange={(event) => setDraft(event.target.value)}
        />
      ) : (
        <input
          type="text"
          inputMode={inputMode}
          {...common}
          onChange={(event) => setDraft(event.target.value)}
        />
      )}
    </FieldShell>
  )
}

export type SelectOption<V> = { value: V; label: string }

type SelectFieldProps<V> = {
  label: string
  value: V
  options: readonly SelectOption<V>[]
  onCommit: Commit<V>
  wide?: boolean
}

/** A closed vocabulary: saved as soon as another value is chosen. */
export function SelectField<V>({ label, value, options, onCommit, wide }: SelectFieldProps<V>) {
  const id = useId()
  const errorId = useId()
  const [error, setError] = useState<string | null>(null)
  const index = options.findIndex((option) => option.value === value)
  return (
    <FieldShell label={label} htmlFor={id} error={error} errorId={errorId} wide={wide}>
      <select
        id={id}
        className={`detail-input detail-select${error ? ' is-invalid' : ''}`}
        value={String(Math.max(0, index))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          const option = options[Number(event.target.value)]
          if (!option) return
          onCommit(option.value).then(
            () => setError(null),
            (caught: unknown) => setError(errorMessage(caught))
          )
        }}
      >
        {options.map((option, position) => (
          <option key={option.label} value={String(position)}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}
