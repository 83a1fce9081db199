import { useEffect, useId, useState } from 'react'
import type { Claim } from '../../../../shared/types'
import { call, errorMessage } from '../../api'
import { CloseIcon } from '../../components/Icons'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import type { ExportScopeInput } from './scopes'

type ClaimFilter = NonNullable<Parameters<typeof call<'claims.list'>>[1]['filter']>

const SUGGESTIONS = 8
const SEARCH_DELAY_MS = 200

/**
 * The claims list filter for a briefing's scope. Claims citing a sources view are not a
 * claims filter; for that scope the search runs over every claim.
 */
export function claimFilterOf(scope: ExportScopeInput): ClaimFilter {
  switch (scope.type) {
    case 'all':
    case 'sources':
      return {}
    case 'tag':
      return { tagIds: [scope.tagId] }
    case 'ids':
      return { ids: [...scope.ids] }
    case 'claims':
      return { ...((scope.filter ?? {}) as ClaimFilter) }
  }
}

const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text)

type Props = {
  /** 1-based, for the controls' names. */
  number: number
  claimIds: readonly string[]
  scope: ExportScopeInput
  onChange: (claimIds: string[]) => void
}

/** "Supported by": the claims a key judgement rests on, as chips, found by typing. */
export function SupportingClaims({ number, claimIds, scope, onChange }: Props) {
  const inputId = useId()
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(new Map())
  const [typed, setTyped] = useState('')
  const [found, setFound] = useState<{ search: string; rows: Claim[] }>({ search: '', rows: [] })
  const [failure, setFailure] = useState<string | null>(null)
  const search = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS)
  const scopeKey = JSON.stringify(scope)

  // The chips' texts: read once for ids this control has not seen.
  const unknown = claimIds.filter((claimId) => !texts.has(claimId))
  const unknownKey = unknown.join(',')
  useEffect(() => {
    if (!unknownKey) return
    let current = true
    call('claims.list', { filter: { ids: unknownKey.split(',') }, limit: 200 }).then(
      (result) => {
        if (!current) return
        setTexts((known) => {
          const next = new Map(known)
          for (const claim of result.rows) next.set(claim.id, claim.text)
          return next
        })
      },
      (error: unknown) => {
        if (current) setFailure(errorMessage(error))
      }
    )
    return () => {
      current = false
    }
  }, [unknownKey])

  useEffect(() => {
    if (!search) return
    let current = true
    const base = claimFilterOf(JSON.parse(scopeKey) as ExportScopeInput)
    // A view already filtering on text keeps its filter; the typed words then narrow its rows.
    const filter: ClaimFilter = base.text ? base : { ...base, text: search }
    call('claims.list', { filter, limit: base.text ? 200 : SUGGESTIONS + 20 }).then(
      (result) => {
        if (!current) return
        const needle = search.toLocaleLowerCase()
        setFound({
          search,
          rows: result.rows.filter((claim) => claim.text.toLocaleLowerCase().includes(needle))
        })
        setFailure(null)
      },
      (error: unknown) => {
        if (current) setFailure(errorMessage(error))
      }
    )
    return () => {
      current = false
    }
  }, [search, scopeKey])

  const add = (claim: Claim) => {
    setTexts((known) => new Map(known).set(claim.id, claim.text))
    if (!claimIds.includes(claim.id)) onChange([...claimIds, claim.id])
    setTyped('')
  }
  const offered = found.rows.filter((claim) => !claimIds.includes(claim.id)).slice(0, SUGGESTIONS)

  return (
    <div className="export-support">
      <label className="export-support-label" htmlFor={inputId}>
        Supported by
      </label>
      {claimIds.length > 0 ? (
        <ul className="export-support-chips" aria-label={`Claims supporting judgement ${number}`}>
          {claimIds.map((claimId) => {
            const text = texts.get(claimId) ?? 'A claim no longer in the project'
            return (
              <li key={claimId} className="chip" title={text}>
                <span className="chip-label">{short(text)}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove “${short(text)}” from judgement ${number}`}
                  onClick={() => onChange(claimIds.filter((known) => known !== claimId))}
                >
                  <CloseIcon />
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
      <input
        id={inputId}
        className="field-input export-support-input"
        aria-label={`Find a claim supporting judgement ${number}`}
        placeholder="Find a claim in scope…"
        value={typed}
        maxLength={500}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && offered[0]) {
            event.preventDefault()
            add(offered[0])
          } else if (event.key === 'Escape' && typed) {
            event.preventDefault()
            event.stopPropagation()
            setTyped('')
          }
        }}
      />
      {typed.trim() && found.search === typed.trim() ? (
        <ul className="export-support-found" aria-label={`Claims matching “${search}”`}>
          {offered.length === 0 ? (
            <li className="export-support-none">No claim in scope matches</li>
          ) : (
            offered.map((claim) => (
              <li key={claim.id}>
                <button type="button" className="export-support-option" onClick={() => add(claim)}>
                  {claim.text}
                </button>
              </li>
            ))
          )}
        </ul>
      ) : null}
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  )
}
