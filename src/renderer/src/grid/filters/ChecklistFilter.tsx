import { useCallback, useId, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react'
import type { SetFilterModel, SetValue } from '../datasource'
import { fold } from '../../lib/tags'

export type ChecklistOption = {
  value: SetValue
  label: string
  content?: ReactNode
  /** Indentation, for a tree such as the tag codebook. */
  depth?: number
}

export type ChecklistFilterParams = {
  options: readonly ChecklistOption[]
  /** A find box above the list, for long lists. */
  searchable?: boolean
  hint?: string
}

type Props = CustomFilterProps<unknown, unknown, SetFilterModel> & ChecklistFilterParams

/**
 * A checklist column filter (AG Grid's Set Filter is not in the community edition): the rows
 * shown have one of the checked values. Each click applies at once; the core does the
 * filtering. Nothing checked means no filter.
 */
export function ChecklistFilter(props: Props) {
  return <Checklist {...props} />
}

export function Checklist({
  model,
  onModelChange,
  options,
  searchable,
  hint,
  colDef
}: Pick<Props, 'model' | 'onModelChange' | 'colDef'> & ChecklistFilterParams) {
  const listId = useId()
  const findRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const [find, setFind] = useState('')
  const checked = useMemo(() => new Set<SetValue>(model?.values ?? []), [model])

  const afterGuiAttached = useCallback(() => {
    if (findRef.current) findRef.current.focus()
    else listRef.current?.querySelector('input')?.focus()
  }, [])
  useGridFilter({ doesFilterPass: () => true, afterGuiAttached })

  const shown = useMemo(() => {
    const words = fold(find).split(/\s+/).filter(Boolean)
    if (!words.length) return options
    return options.filter((option) => words.every((word) => fold(option.label).includes(word)))
  }, [options, find])

  const apply = (values: SetValue[]) => {
    onModelChange(values.length ? { filterType: 'set', values } : null)
  }
  const toggle = (value: SetValue) => {
    const next = options
      .map((option) => option.value)
      .filter((candidate) =>
        candidate === value ? !checked.has(candidate) : checked.has(candidate)
      )
    apply(next)
  }

  const title = colDef.headerName ?? 'values'
  return (
    <div className="filter-panel">
      {searchable ? (
        <input
          ref={findRef}
          type="text"
          className="filter-input"
          aria-label={`Find ${title.toLowerCase()}`}
          placeholder={`Find ${title.toLowerCase()}…`}
          value={find}
          spellCheck={false}
          onChange={(event) => setFind(event.target.value)}
        />
      ) : null}
      <div
        ref={listRef}
        id={listId}
        className="filter-checklist"
        role="group"
        aria-label={`Filter by ${title}`}
      >
        {shown.map((option) => (
          <label
            key={String(option.value)}
            className="filter-option"
            style={option.depth ? { paddingLeft: 8 + option.depth * 16 } : undefined}
          >
            <input
              type="checkbox"
              className="checkbox"
              checked={checked.has(option.value)}
              aria-label={option.label}
              onChange={() => toggle(option.value)}
            />
            {option.content ?? <span>{option.label}</span>}
          </label>
        ))}
        {shown.length === 0 ? (
          <p className="filter-empty">
            {options.length ? 'Nothing matches' : 'Nothing to filter by yet'}
          </p>
        ) : null}
      </div>
      <div className="filter-footer">
        <span className="filter-hint">
          {hint ?? (checked.size ? `${checked.size} chosen` : 'Any')}
        </span>
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={!checked.size}
          onClick={() => apply([])}
        >
          Clear
        </button>
      </div>
    </div>
  )
}
