import { useEffect, useState } from 'react'
import type { Ref } from 'react'
import type { TextMatch } from '../../../../shared/documentTypes'
import { call } from '../../api'
import { SearchIcon } from '../../components/Icons'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { ChevronDownIcon, ChevronUpIcon } from './icons'

const MAX_MATCHES = 1000
const FIND_DELAY_MS = 120

export type FindState = { query: string; matches: TextMatch[]; current: number }

/**
 * Find in source: case- and diacritic-insensitive ("ha noi" finds "Hà Nội"), answered by the
 * core. `version` changes when the text changes, so matches are looked up again.
 */
export function useFind(sourceId: string, version: string, onError: (error: unknown) => void) {
  const [query, setQuery] = useState('')
  const settled = useDebouncedValue(query.trim(), FIND_DELAY_MS)
  const [found, setFound] = useState<{ key: string; matches: TextMatch[] } | null>(null)
  const [current, setCurrent] = useState(0)
  const key = `${version}\u0000${settled}`

  useEffect(() => {
    if (!settled) return
    let live = true
    call('sources.findText', { id: sourceId, text: settled, limit: MAX_MATCHES }).then(
      (matches) => {
        if (!live) return
        setFound({ key, matches })
        setCurrent(0)
      },
      (error: unknown) => {
        if (live) onError(error)
      }
    )
    return () => {
      live = false
    }
  }, [sourceId, settled, key, onError])

  const matches = settled && found?.key === key ? found.matches : NO_MATCHES
  const step = (delta: number) => {
    if (matches.length === 0) return
    setCurrent((index) => (index + delta + matches.length) % matches.length)
  }
  return {
    query,
    setQuery,
    pending: query.trim() !== '' && (query.trim() !== settled || found?.key !== key),
    matches,
    current: Math.min(current, Math.max(0, matches.length - 1)),
    next: () => step(1),
    previous: () => step(-1)
  }
}

const NO_MATCHES: TextMatch[] = []

export type Find = ReturnType<typeof useFind>

export function FindBox({ find, inputRef }: { find: Find; inputRef: Ref<HTMLInputElement> }) {
  const { query, matches, current, pending } = find
  const count =
    query.trim() === '' || pending
      ? ''
      : matches.length === 0
        ? 'No matches'
        : `${current + 1} of ${matches.length}${matches.length >= MAX_MATCHES ? '+' : ''}`

  return (
    <div className="find-box" role="search">
      <label className="search find-input">
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          aria-label="Find in source"
          placeholder="Find in source"
          value={query}
          spellCheck={false}
          onChange={(event) => find.setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              if (event.shiftKey) find.previous()
              else find.next()
            } else if (event.key === 'Escape' && query) {
              event.preventDefault()
              find.setQuery('')
            }
          }}
        />
      </label>
      <output className="find-count" aria-live="polite">
        {count}
      </output>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={matches.length === 0}
        onClick={find.previous}
      >
        <ChevronUpIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={matches.length === 0}
        onClick={find.next}
      >
        <ChevronDownIcon />
      </button>
    </div>
  )
}
