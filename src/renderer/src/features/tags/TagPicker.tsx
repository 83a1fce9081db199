import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { Tag } from '../../../../shared/types'
import { useToasts } from '../../components/Toasts'
import { findByPath, matchTags, parentPath } from '../../lib/tags'
import { useWorkspace } from '../../workspace'
import { TagDot } from './TagChip'

export type TagState = 'on' | 'off' | 'mixed'

type TagPickerProps = {
  /** The input's accessible name, e.g. "Find or create a tag". */
  label: string
  placeholder?: string
  /** Toggle mode: each tag shows whether the records have it (mixed for some of them). */
  stateOf?: (tag: Tag) => TagState
  /** Offer only these tags (to untag, say). */
  onlyIds?: ReadonlySet<string>
  /** Offer “Create tag …” for a name that is not in the codebook yet. */
  allowCreate?: boolean
  onPick: (tag: Tag) => Promise<void> | void
  /** Escape in the input; the popover or editor around the picker closes. */
  onEscape?: () => void
  emptyText?: string
}

type Option = { kind: 'tag'; tag: Tag; depth: number } | { kind: 'create'; name: string }

/**
 * Autocomplete over the codebook by path ("eco tra" finds "Economy / Trade"), with Enter or a
 * click to pick and, when nothing matches exactly, an option to create the typed tag
 * ("Economy / Sanctions" creates "Sanctions" under "Economy").
 */
export function TagPicker({
  label,
  placeholder = 'Find or create a tag…',
  stateOf,
  onlyIds,
  allowCreate = true,
  onPick,
  onEscape,
  emptyText = 'No tags yet'
}: TagPickerProps) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const listId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const [typed, setTyped] = useState('')
  const [active, setActive] = useState(0)
  const [busy, setBusy] = useState(false)

  const options = useMemo<Option[]>(() => {
    const nodes = matchTags(
      onlyIds ? workspace.tagNodes.filter((node) => onlyIds.has(node.tag.id)) : workspace.tagNodes,
      typed
    )
    const list: Option[] = nodes.map((node) => ({ kind: 'tag', tag: node.tag, depth: node.depth }))
    const name = typed.trim().replace(/\s*\/\s*/g, ' / ')
    if (allowCreate && name && !name.startsWith('/') && !findByPath(workspace.tags, name)) {
      list.push({ kind: 'create', name })
    }
    return list
  }, [workspace.tagNodes, workspace.tags, onlyIds, typed, allowCreate])

  useEffect(() => {
    inputRef.current?.focus()
  }, [])

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [active])

  const choose = async (option: Option | undefined) => {
    if (!option || busy) return
    setBusy(true)
    try {
      const tag = option.kind === 'tag' ? option.tag : await workspace.ensureTag(option.name)
      await onPick(tag)
      if (option.kind === 'create') {
        setTyped('')
        setActive(0)
      }
    } catch (error) {
      toasts.error(error)
    } finally {
      setBusy(false)
      inputRef.current?.focus()
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive((index) => Math.min(last, index + 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((index) => Math.max(0, index - 1))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      void choose(options[Math.min(active, last)])
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault()
      event.stopPropagation()
      onEscape()
    }
  }

  const activeIndex = Math.min(active, options.length - 1)
  return (
    <div className="tag-picker" aria-busy={busy || undefined}>
      <input
        ref={inputRef}
        className="tag-picker-input"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        placeholder={placeholder}
        value={typed}
        spellCheck={false}
        onChange={(event) => {
          setTyped(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        ref={listRef}
        id={listId}
        className="tag-picker-list"
        role="listbox"
        aria-label="Tags"
        aria-multiselectable={stateOf ? true : undefined}
      >
        {options.map((option, index) => {
          const state = option.kind === 'tag' && stateOf ? stateOf(option.tag) : null
          const name = option.kind === 'tag' ? option.tag.path : `Create tag “${option.name}”`
          return (
            <li
              key={option.kind === 'tag' ? option.tag.id : 'create'}
              id={`${listId}-${index}`}
              data-index={index}
              role="option"
              aria-label={name}
              aria-selected={stateOf ? state === 'on' : index === activeIndex}
              aria-checked={state === 'mixed' ? 'mixed' : undefined}
              className={`tag-picker-option${index === activeIndex ? ' is-active' : ''}${option.kind === 'create' ? ' is-create' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => void choose(option)}
            >
              {option.kind === 'tag' ? (
                <>
                  {stateOf ? <CheckBox state={state ?? 'off'} /> : null}
                  {/* The tree shows depth; a search shows the parents' names instead. */}
                  {typed.trim() ? null : (
                    <span
                      className="tag-picker-indent"
                      style={{ width: option.depth * 16 }}
                      aria-hidden="true"
                    />
                  )}
                  <TagDot colour={option.tag.colour} />
                  <span className="tag-picker-path">
                    {typed.trim() && parentPath(option.tag) ? (
                      <span className="tag-picker-parent">{parentPath(option.tag)}</span>
                    ) : null}
                    {option.tag.name}
                  </span>
                </>
              ) : (
                <>
                  <span className="tag-picker-plus" aria-hidden="true">
                    +
                  </span>
                  <span>
                    Create tag <strong>“{option.name}”</strong>
                  </span>
                </>
              )}
            </li>
          )
        })}
        {options.length === 0 ? (
          <li className="tag-picker-empty" role="presentation">
            {typed.trim() ? 'No tag matches' : emptyText}
          </li>
        ) : null}
      </ul>
    </div>
  )
}

function CheckBox({ state }: { state: TagState }) {
  return (
    <span className={`check check-${state}`} aria-hidden="true">
      {state === 'on' ? (
        <svg width="10" height="10" viewBox="0 0 10 10" fill="none">
          <path
            d="M2 5.25l2 2 4-4.5"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      ) : state === 'mixed' ? (
        <svg width="10" height="10" viewBox="0 0 10 10" fill="none">
          <path d="M2.5 5h5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      ) : null}
    </span>
  )
}
