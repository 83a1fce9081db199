import type { Ref } from 'react'
import { PlusIcon, SearchIcon, TrashIcon } from '../../components/Icons'

type ToolbarProps = {
  title: string
  countText: string
  selected: number
  search: string
  searchPlaceholder: string
  searchRef?: Ref<HTMLInputElement>
  newLabel: string
  canDelete: boolean
  onSearch: (value: string) => void
  onNew: () => void
  onDelete: () => void
}

export function Toolbar({
  title,
  countText,
  selected,
  search,
  searchPlaceholder,
  searchRef,
  newLabel,
  canDelete,
  onSearch,
  onNew,
  onDelete
}: ToolbarProps) {
  return (
    <header className="toolbar">
      <div className="toolbar-heading">
        <h1 className="toolbar-title">{title}</h1>
        <span className="toolbar-count" aria-live="polite">
          {countText}
        </span>
      </div>
      <label className="search">
        <SearchIcon />
        <input
          ref={searchRef}
          type="search"
          aria-label="Search"
          placeholder={searchPlaceholder}
          value={search}
          spellCheck={false}
          onChange={(event) => onSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && search) {
              event.preventDefault()
              onSearch('')
            }
          }}
        />
      </label>
      <div className="toolbar-spacer" />
      {selected > 0 ? (
        <span className="toolbar-selection" aria-live="polite">
          {selected.toLocaleString()} selected
        </span>
      ) : null}
      <button
        type="button"
        className="button button-quiet"
        onClick={onDelete}
        disabled={!canDelete}
        title="Delete the selected rows (Delete)"
      >
        <TrashIcon />
        Delete
      </button>
      <button type="button" className="button button-primary" onClick={onNew}>
        <PlusIcon />
        {newLabel}
      </button>
    </header>
  )
}
