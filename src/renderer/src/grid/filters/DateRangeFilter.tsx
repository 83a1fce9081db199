import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react'
import { normaliseDate, type DateRangeFilterModel } from '../datasource'

const APPLY_DELAY_MS = 300

const isValid = (text: string) => text.trim() === '' || normaliseDate(text) !== null

/**
 * From / To over a date column, in the same partial dates analysts record: "2024" to
 * "2024-06" covers January to June 2024. Either end may stay open.
 */
export function DateRangeFilter({
  model,
  onModelChange,
  colDef
}: CustomFilterProps<unknown, unknown, DateRangeFilterModel>) {
  const fromId = useId()
  const toId = useId()
  const fromRef = useRef<HTMLInputElement>(null)
  const [from, setFrom] = useState(model?.from ?? '')
  const [to, setTo] = useState(model?.to ?? '')
  const [seen, setSeen] = useState(model)
  const [sent, setSent] = useState<DateRangeFilterModel | null>(model)
  if (model !== seen) {
    setSeen(model)
    if (model !== sent) {
      setFrom(model?.from ?? '')
      setTo(model?.to ?? '')
    }
  }

  const afterGuiAttached = useCallback(() => fromRef.current?.focus(), [])
  useGridFilter({ doesFilterPass: () => true, afterGuiAttached })

  const valid = isValid(from) && isValid(to)
  useEffect(() => {
    if (!valid) return
    const next: DateRangeFilterModel | null =
      normaliseDate(from) || normaliseDate(to)
        ? { filterType: 'dateRange', from: normaliseDate(from), to: normaliseDate(to) }
        : null
    if (
      (next?.from ?? null) === (model?.from ?? null) &&
      (next?.to ?? null) === (model?.to ?? null)
    )
      return
    const timer = window.setTimeout(() => {
      setSent(next)
      onModelChange(next)
    }, APPLY_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [from, to, valid, model, onModelChange])

  return (
    <div className="filter-panel">
      <div className="filter-range">
        <label className="filter-label" htmlFor={fromId}>
          From
        </label>
        <label className="filter-label" htmlFor={toId}>
          To
        </label>
        <input
          ref={fromRef}
          id={fromId}
          className="filter-input"
          placeholder="YYYY-MM-DD"
          inputMode="numeric"
          aria-invalid={!isValid(from) || undefined}
          value={from}
          spellCheck={false}
          onChange={(event) => setFrom(event.target.value)}
        />
        <input
          id={toId}
          className="filter-input"
          placeholder="YYYY-MM-DD"
          inputMode="numeric"
          aria-invalid={!isValid(to) || undefined}
          value={to}
          spellCheck={false}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <p
        className={valid ? 'filter-hint' : 'filter-hint filter-hint-error'}
        role={valid ? undefined : 'alert'}
      >
        {valid
          ? `${colDef.headerName ?? 'Dates'} from and to, both included. A year or month covers all of it.`
          : 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD'}
      </p>
      <div className="filter-footer">
        <span />
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={!from && !to}
          onClick={() => {
            setFrom('')
            setTo('')
          }}
        >
          Clear
        </button>
      </div>
    </div>
  )
}
