import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import type { CustomCellEditorProps } from 'ag-grid-react'

export type EditorOption<V> = { value: V; label: string; content?: ReactNode }

export type OptionsEditorParams<V> = { options: readonly EditorOption<V>[] }

/**
 * A popup list for a closed vocabulary: it opens at once on double-click, Enter or typing;
 * arrows move, Enter or a click saves, Escape leaves the value as it was.
 */
export function OptionsEditor<V>(
  props: CustomCellEditorProps<unknown, V> & OptionsEditorParams<V>
) {
  const { options, value, onValueChange, stopEditing, eventKey } = props
  const listId = useId()
  const listRef = useRef<HTMLUListElement>(null)
  const [active, setActive] = useState(() => {
    const typed =
      eventKey && eventKey.length === 1
        ? options.findIndex((option) =>
            option.label.toLowerCase().startsWith(eventKey.toLowerCase())
          )
        : -1
    if (typed >= 0) return typed
    return Math.max(
      0,
      options.findIndex((option) => option.value === value)
    )
  })

  useEffect(() => {
    listRef.current?.focus()
  }, [])

  useEffect(() => {
    const option = options[active]
    if (option && option.value !== value) onValueChange(option.value)
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [active, options, value, onValueChange])

  const choose = (index: number) => {
    const option = options[index]
    if (!option) return
    onValueChange(option.value)
    stopEditing()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const last = options.length - 1
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      event.stopPropagation()
      setActive((index) =>
        event.key === 'ArrowDown' ? Math.min(last, index + 1) : Math.max(0, index - 1)
      )
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      event.stopPropagation()
      setActive(event.key === 'Home' ? 0 : last)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      event.stopPropagation()
      choose(active)
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const found = options.findIndex((option) =>
        option.label.toLowerCase().startsWith(event.key.toLowerCase())
      )
      if (found >= 0) setActive(found)
    }
  }

  return (
    <ul
      ref={listRef}
      id={listId}
      className="options-editor"
      role="listbox"
      tabIndex={0}
      aria-label={props.colDef.headerName}
      aria-activedescendant={`${listId}-${active}`}
      onKeyDown={onKeyDown}
    >
      {options.map((option, index) => (
        <li
          key={option.label}
          id={`${listId}-${index}`}
          data-index={index}
          role="option"
          aria-selected={index === active}
          className="options-editor-option"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(index)}
        >
          {option.content ?? option.label}
        </li>
      ))}
    </ul>
  )
}
