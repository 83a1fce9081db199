import { useMemo, useState } from 'react'
import type { PairOutcome } from '../../../../shared/factTypes'
import { UndoRedo } from '../history/UndoRedo'
import { Toolbar } from '../records/Toolbar'
import { MakeClaimsDialog } from './MakeClaimsDialog'
import { PairCard } from './PairCard'
import {
  DISAGREEING,
  OUTCOMES,
  OutcomeChip,
  labelOf,
  moveBetweenRows,
  usePairActions,
  usePairs
} from './pairs'

const PAGE = 200

/** Every pair of figures in the project, filterable; a row opens the pair side by side. */
export function DisagreementsView({ active }: { active: boolean }) {
  const [showDismissed, setShowDismissed] = useState(false)
  const { list, loading } = usePairs(
    active || showDismissed ? { includeDismissed: showDismissed } : null
  )
  const actions = usePairActions()
  const [outcomes, setOutcomes] = useState<ReadonlySet<PairOutcome>>(() => new Set(DISAGREEING))
  const [sourceId, setSourceId] = useState('')
  const [selected, setSelected] = useState<string | null>(null)
  const [shown, setShown] = useState(PAGE)

  const sources = useMemo(
    () => new Map((list?.sources ?? []).map((source) => [source.id, source])),
    [list]
  )
  const rows = useMemo(
    () =>
      (list?.pairs ?? []).filter(
        (pair) =>
          outcomes.has(pair.outcome) &&
          (!sourceId || pair.a.sourceId === sourceId || pair.b.sourceId === sourceId)
      ),
    [list, outcomes, sourceId]
  )
  const current = rows.find((pair) => pair.key === selected) ?? null
  const toggle = (outcome: PairOutcome) =>
    setOutcomes((set) => {
      const next = new Set(set)
      if (next.has(outcome)) next.delete(outcome)
      else next.add(outcome)
      return next
    })

  return (
    <div className="view" hidden={!active}>
      <Toolbar
        title="Disagreements"
        countText={
          list
            ? `${rows.length.toLocaleString()} of ${list.pairs.length.toLocaleString()} pairs`
            : loading
              ? 'Comparing…'
              : ''
        }
      >
        <UndoRedo />
      </Toolbar>
      <div className="pairs-filters" role="group" aria-label="Filter pairs">
        {OUTCOMES.map((outcome) => (
          <button
            key={outcome.id}
            type="button"
            className="button button-small outcome-toggle"
            aria-pressed={outcomes.has(outcome.id)}
            onClick={() => toggle(outcome.id)}
          >
            <OutcomeChip outcome={outcome.id} />
            <span className="segmented-count">
              {(list?.counts[outcome.id] ?? 0).toLocaleString()}
            </span>
          </button>
        ))}
        <label className="pairs-source-filter">
          <span>Source</span>
          <select
            className="field-input"
            value={sourceId}
            onChange={(event) => setSourceId(event.target.value)}
          >
            <option value="">All sources</option>
            {(list?.sources ?? []).map((source) => (
              <option key={source.id} value={source.id}>
                {source.title}
              </option>
            ))}
          </select>
        </label>
        <label className="pairs-toggle">
          <input
            type="checkbox"
            className="checkbox"
            checked={showDismissed}
            onChange={(event) => setShowDismissed(event.target.checked)}
          />
          Show dismissed{list && list.dismissed ? ` (${list.dismissed.toLocaleString()})` : ''}
        </label>
      </div>
      <div className="view-body pairs-body">
        <ul
          className="pairs-list"
          aria-label="Pairs of figures"
          onKeyDown={(event) => moveBetweenRows(event, '.pairs-row')}
        >
          {rows.slice(0, shown).map((pair) => (
            <li
              key={pair.key}
              className={`pairs-row${pair.dismissed ? ' pair-dismissed' : ''}`}
              tabIndex={0}
              aria-current={pair.key === selected ? 'true' : undefined}
              aria-label={`${labelOf(pair.outcome)}: ${pair.a.quote} / ${pair.b.quote}`}
              onClick={() => setSelected(pair.key)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault()
                  setSelected(pair.key)
                }
              }}
            >
              <OutcomeChip outcome={pair.outcome} />
              <span className="pairs-quotes">
                <q>{pair.a.quote}</q>
                <span className="pairs-vs" aria-hidden="true">
                  /
                </span>
                <q>{pair.b.quote}</q>
              </span>
              <span className="pairs-sources">
                {[pair.a.sourceId, pair.b.sourceId]
                  .map((id) => {
                    const source = sources.get(id)
                    return [source?.title, source?.language, source?.publishedAt]
                      .filter(Boolean)
                      .join(' · ')
                  })
                  .join('  /  ')}
              </span>
              <span className="pairs-reason">
                {pair.reason}
                {pair.dismissed ? ' (dismissed)' : ''}
              </span>
            </li>
          ))}
          {rows.length > shown ? (
            <li className="pairs-more">
              <button
                type="button"
                className="button button-small"
                onClick={() => setShown((n) => n + PAGE)}
              >
                Show {Math.min(PAGE, rows.length - shown).toLocaleString()} more
              </button>
            </li>
          ) : null}
          {list && rows.length === 0 ? (
            <li className="pairs-empty">
              {list.pairs.length === 0
                ? 'No figures or dates of different sources are compared yet. Import two sources that report the same events.'
                : 'No pairs match these filters.'}
            </li>
          ) : null}
        </ul>
        <section className="pairs-detail" aria-label="The pair side by side">
          {current ? (
            <PairCard
              pair={current}
              sources={sources}
              columns={[current.a.sourceId, current.b.sourceId]}
              layout="strip"
              onMakeClaims={actions.setMaking}
              onToggleDismissed={(pair) => void actions.toggleDismissed(pair)}
            />
          ) : (
            <p className="pairs-empty">Choose a pair to see both sentences side by side.</p>
          )}
        </section>
      </div>
      {actions.making ? (
        <MakeClaimsDialog
          pair={actions.making}
          sources={sources}
          onClose={() => actions.setMaking(null)}
        />
      ) : null}
    </div>
  )
}
