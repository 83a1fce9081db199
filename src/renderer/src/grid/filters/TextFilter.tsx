import { useCallback, useEffect, useRef, useState } from 'react'
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react'
import type { TextFilterModel } from '../datasource'

const APPLY_DELAY_MS = 250

/** "Contains" over one text column; applies once typing pauses. */
export function TextFilter({
  model,
  onModelChange,
  colDef
}: CustomFilterProps<unknown, unknown, TextFilterModel>) {
  const inputRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(model?.filter ?? '')
  // A model set from outside (Clear filters) replaces what is in the box.
  const [seen, setSeen] = useState(model)
  const [sent, setSent] = useState<TextFilterModel | null>(model)
  if (model !== seen) {
    setSeen(model)
    if (model !== sent) setText(model?.filter ?? '')
  }

  const afterGuiAttached = useCallback(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])
  useGridFilter({ doesFilterPass: () => true, afterGuiAttached })

  useEffect(() => {
    const words = text.trim()
    if (words === (model?.filter ?? '')) return
    const timer = window.setTimeout(() => {
      const next: TextFilterModel | null = words
        ? { filterType: 'text', type: 'contains', filter: words }
        : null
      setSent(next)
      onModelChange(next)
    }, APPLY_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [text, model, onModelChange])

  const title = (colDef.headerName ?? 'text').toLowerCase()
  return (
    <div className="filter-panel">
      <label className="filter-label" htmlFor={`filter-${colDef.colId ?? 'text'}`}>
        {colDef.headerName} contains
      </label>
      <input
        ref={inputRef}
        id={`filter-${colDef.colId ?? 'text'}`}
        type="text"
        className="filter-input"
        placeholder={`Words in the ${title}…`}
        value={text}
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="filter-footer">
        <span className="filter-hint">Letters as typed, any case</span>
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={!text}
          onClick={() => setText('')}
        >
          Clear
        </button>
      </div>
    </div>
  )
}
