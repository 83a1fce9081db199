import { useCallback, useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { PairOutcome } from '../../../../shared/factTypes'
import type { KeyedPair, KeyedSide, PairOutputs, PairSource } from '../../../../shared/pairTypes'
import { call } from '../../api'
import { useToasts } from '../../components/Toasts'
import { useWorkspace } from '../../workspace'
import './compare.css'

export const OUTCOMES: { id: PairOutcome; label: string }[] = [
  { id: 'conflict', label: 'Conflict' },
  { id: 'more-precise', label: 'More precise' },
  { id: 'not-comparable', label: 'Not comparable' },
  { id: 'consistent', label: 'Consistent' }
]
export const DISAGREEING: PairOutcome[] = ['conflict', 'more-precise', 'not-comparable']

export const labelOf = (outcome: PairOutcome): string =>
  OUTCOMES.find((item) => item.id === outcome)?.label ?? outcome

/** The outcome as a word with a mark: colour is never the only sign. */
export function OutcomeChip({ outcome }: { outcome: PairOutcome }) {
  return (
    <span className={`outcome outcome-${outcome}`}>
      <span className="outcome-mark" aria-hidden="true">
        {outcome === 'conflict'
          ? '≠'
          : outcome === 'consistent'
            ? '='
            : outcome === 'more-precise'
              ? '⊂'
              : '~'}
      </span>
      {labelOf(outcome)}
    </span>
  )
}

/** "Title · nb · 2025-09-21" */
export function SourceLine({ source }: { source: PairSource | undefined }) {
  if (!source) return <span className="pair-source">Unknown source</span>
  return (
    <span className="pair-source">
      <span className="pair-source-title" title={source.title}>
        {source.title}
      </span>
      {source.language ? <span className="pair-source-meta">{source.language}</span> : null}
      {source.publishedAt ? <span className="pair-source-meta">{source.publishedAt}</span> : null}
    </span>
  )
}

/** The side's sentence with its figure marked in the outcome's style. */
export function MarkedSentence({ side, outcome }: { side: KeyedSide; outcome: PairOutcome }) {
  let at = side.start - side.sentenceStart
  if (side.sentence.slice(at, at + side.quote.length) !== side.quote) {
    at = side.sentence.indexOf(side.quote)
  }
  if (at < 0) {
    return (
      <p className="pair-sentence">
        <mark className={`fact-mark fact-${outcome}`}>{side.quote}</mark> — {side.sentence}
      </p>
    )
  }
  return (
    <p className="pair-sentence">
      {side.sentence.slice(0, at)}
      <mark className={`fact-mark fact-${outcome}`}>{side.quote}</mark>
      {side.sentence.slice(at + side.quote.length)}
    </p>
  )
}

export type PairQuery = { sourceIds?: string[]; includeDismissed: boolean }
type PairList = PairOutputs['pairs.list']

/** The pairs of a scope, read again after any change to the project (undo included). */
export function usePairs(query: PairQuery | null) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const [answer, setAnswer] = useState<{ key: string; list: PairList } | null>(null)
  const request = useRef(0)
  const key = JSON.stringify(query)
  const reload = useCallback(() => {
    if (!query) return
    const id = ++request.current
    call('pairs.list', {
      ...(query.sourceIds ? { sourceIds: query.sourceIds } : {}),
      includeDismissed: query.includeDismissed
    }).then(
      (value) => {
        if (id === request.current) setAnswer({ key, list: value })
      },
      (error: unknown) => toasts.error(error)
    )
    // `key` stands for the query's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, toasts])
  useEffect(() => reload(), [reload, workspace.revision])
  const list = query && answer ? answer.list : null
  const loading = query !== null && answer?.key !== key
  return { list, loading, reload }
}

/** Dismiss / bring back / make claims, shared by Compare and Disagreements. */
export function usePairActions() {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const [making, setMaking] = useState<KeyedPair | null>(null)
  const toggleDismissed = async (pair: KeyedPair) => {
    try {
      if (pair.dismissed) {
        await call('pairs.restore', { keys: [pair.key] })
        toasts.info('Brought back the pair')
      } else {
        await call('pairs.dismiss', { keys: [pair.key] })
        toasts.info('Dismissed the pair; undo brings it back')
      }
      workspace.changed({ records: true })
    } catch (error) {
      toasts.error(error)
    }
  }
  return { making, setMaking, toggleDismissed }
}

/** Up and Down move between the rows of a list of pairs. */
export function moveBetweenRows(event: KeyboardEvent<HTMLElement>, selector: string): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  const current = (event.target as HTMLElement).closest<HTMLElement>(selector)
  if (!current || event.target !== current) return
  const rows = [...event.currentTarget.querySelectorAll<HTMLElement>(selector)]
  const next = rows[rows.indexOf(current) + (event.key === 'ArrowDown' ? 1 : -1)]
  if (next) {
    event.preventDefault()
    next.focus()
  }
}
