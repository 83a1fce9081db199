import { useEffect, useRef, useState } from 'react'
import type { CustomCellEditorProps } from 'ag-grid-react'
import { CalendarIcon } from '../components/Icons'

/** A whole, real day: what an <input type="date"> accepts. */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/**
 * Dates as analysts write them: YYYY-MM-DD, or just YYYY-MM or YYYY when that is all that is
 * known. The calendar button offers the browser's date picker; the core checks the result.
 */
export function DateEditor({
  value,
  onValueChange,
  eventKey,
  colDef
}: CustomCellEditorProps<unknown, string | null>) {
  const [text, setText] = useState(() =>
    eventKey && eventKey.length === 1 && /\d/.test(eventKey) ? eventKey : (value ?? '')
  )
  const inputRef = useRef<HTMLInputElement>(null)
  const pickerRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const input = inputRef.current
    if (!input) return
    input.focus()
    if (input.value.length > 1) input.select()
  }, [])

  const update = (next: string) => {
    setText(next)
    onValueChange(next.trim() === '' ? null : next.trim())
  }

  return (
    <div className="date-editor">
      <input
        ref={inputRef}
        className="date-editor-input"
        value={text}
        placeholder="YYYY-MM-DD"
        aria-label={colDef.headerName}
        spellCheck={false}
        inputMode="numeric"
        onChange={(event) => update(event.target.value)}
      />
      <button
        type="button"
        className="icon-button"
        aria-label="Choose a date"
        tabIndex={-1}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => pickerRef.current?.showPicker()}
      >
        <CalendarIcon />
      </button>
      <input
        ref={pickerRef}
        className="date-editor-picker"
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        value={isCalendarDay(text) ? text : ''}
        onChange={(event) => {
          update(event.target.value)
          inputRef.current?.focus()
        }}
      />
    </div>
  )
}
