import { useEffect, useId, useState } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import { STATUS_LABELS } from '../../../../shared/domain'
import type { Claim } from '../../../../shared/types'
import { call, errorMessage } from '../../api'
import { SearchIcon } from '../../components/Icons'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { StancePicker, type Stance } from '../citations/stance'
import { FormDialog } from '../records/FormDialog'
import type { TextRange } from './domOffsets'

type Props = {
  sourceId: string
  range: TextRange
  passage: string
  onClose: () => void
  onCited: (citation: Citation) => void
}

const RESULTS = 30

type Results = { query: string; claims: Claim[]; error: string | null }

/** "Cite for claim…": attaches the passage to a claim found by searching. */
export function CiteForClaimDialog({ sourceId, range, passage, onClose, onCited }: Props) {
  const [query, setQuery] = useState('')
  const settled = useDebouncedValue(query.trim(), 150)
  const [results, setResults] = useState<Results | null>(null)
  const [chosen, setChosen] = useState<Claim | null>(null)
  const [active, setActive] = useState(0)
  const [stance, setStance] = useState<Stance>('supports')
  const [locator, setLocator] = useState('')
  const searchId = useId()
  const listId = useId()
  const locatorId = useId()

  useEffect(() => {
    let current = true
    call('claims.list', {
      limit: RESULTS,
      ...(settled
        ? { filter: { query: settled } }
        : { sort: [{ field: 'updatedAt', direction: 'desc' }] })
    }).then(
      (list) => {
        if (current) setResults({ query: settled, claims: list.rows, error: null })
      },
      (error: unknown) => {
        if (current) setResults({ query: settled, claims: [], error: errorMessage(error) })
      }
    )
    return () => {
      current = false
    }
  }, [settled])

  const claims = results?.claims ?? []
  const activeIndex = Math.min(active, Math.max(0, claims.length - 1))
  const optionId = (index: number) => `${listId}-${index}`

  const choose = (claim: Claim | undefined) => {
    if (claim) setChosen(claim)
  }

  return (
    <FormDialog
      title="Cite for claim"
      submitLabel="Cite"
      canSubmit={chosen !== null}
      onClose={onClose}
      onSubmit={async () => {
        if (!chosen) return
        const citation = await call('citations.create', {
          claimId: chosen.id,
          sourceId,
          start: range.start,
          end: range.end,
          stance,
          locator: locator.trim() || null
        })
        onCited(citation)
      }}
    >
      <span className="field-label" aria-hidden="true">
        Passage
      </span>
      <blockquote className="passage-preview" aria-label="Passage">
        {passage}
      </blockquote>
      <label className="field-label" htmlFor={searchId}>
        Claim
      </label>
      <div className="claim-search">
        <SearchIcon />
        <input
          id={searchId}
          className="field-input"
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={claims.length ? optionId(activeIndex) : undefined}
          aria-autocomplete="list"
          placeholder="Search claims by their words"
          value={query}
          autoFocus
          spellCheck={false}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
            setChosen(null)
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              const step = event.key === 'ArrowDown' ? 1 : -1
              const next = Math.min(claims.length - 1, Math.max(0, activeIndex + step))
              setActive(next)
              choose(claims[next])
            } else if (event.key === 'Enter' && !chosen && claims[activeIndex]) {
              event.preventDefault()
              choose(claims[activeIndex])
            }
          }}
        />
      </div>
      <ul id={listId} className="claim-results" role="listbox" aria-label="Claims">
        {claims.map((claim, index) => (
          <li
            key={claim.id}
            id={optionId(index)}
            role="option"
            aria-selected={chosen?.id === claim.id}
            data-active={index === activeIndex ? 'true' : undefined}
            className="claim-result"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setActive(index)
              choose(claim)
            }}
          >
            <span className="claim-result-text">{claim.text}</span>
            <span className="claim-result-meta">
              {STATUS_LABELS[claim.status]}
              {claim.citationCount
                ? ` · ${claim.citationCount} citation${claim.citationCount === 1 ? '' : 's'}`
                : ''}
            </span>
          </li>
        ))}
        {results && claims.length === 0 ? (
          <li className="claim-results-empty" role="presentation">
            {results.error ??
              (results.query ? `No claims match “${results.query}”` : 'No claims yet')}
          </li>
        ) : null}
      </ul>
      <span className="field-label" aria-hidden="true">
        Stance
      </span>
      <StancePicker value={stance} onChange={setStance} />
      <label className="field-label" htmlFor={locatorId}>
        Locator <span className="field-optional">optional</span>
      </label>
      <input
        id={locatorId}
        className="field-input"
        placeholder="¶ 4, p. 2, 12:30…"
        value={locator}
        maxLength={200}
        onChange={(event) => setLocator(event.target.value)}
      />
    </FormDialog>
  )
}
