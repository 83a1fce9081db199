import type { ReactNode, Ref } from 'react'
import { SearchIcon } from '../../components/Icons'

type ToolbarProps = {
  title: string
  countText: string
  /** The quick search; left out for views that have none. */
  search?: { value: string; placeholder: string; onChange: (value: string) => void }
  searchRef?: Ref<HTMLInputElement>
  /** Controls between the title and the actions (a segmented switch, say). */
  middle?: ReactNode
  /** Buttons at the right end, in reading order. */
  children?: ReactNode
}

export function Toolbar({ title, countText, search, searchRef, middle, children }: ToolbarProps) {
  return (
    <header className="toolbar">
      <div className="toolbar-heading">
        <h1 className="toolbar-title">{title}</h1>
        <span className="toolbar-count" aria-live="polite">
          {countText}
        </span>
      </div>
      {middle}
      {search ? (
        <label className="search">
          <SearchIcon />
          <input
            ref={searchRef}
            type="search"
            aria-label="Search"
            placeholder={search.placeholder}
            value={search.value}
            spellCheck={false}
            onChange={(event) => search.onChange(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && search.value) {
                event.preventDefault()
                search.onChange('')
              }
            }}
          />
        </label>
      ) : null}
      <div className="toolbar-spacer" />
      {children}
    </header>
  )
}
