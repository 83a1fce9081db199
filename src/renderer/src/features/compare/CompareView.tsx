import { useEffect, useMemo, useState } from 'react'
import type { Source } from '../../../../shared/types'
import { call } from '../../api'
import { useToasts } from '../../components/Toasts'
import { useWorkspace } from '../../workspace'
import { UndoRedo } from '../history/UndoRedo'
import { Toolbar } from '../records/Toolbar'
import { MakeClaimsDialog } from './MakeClaimsDialog'
import { PairCard } from './PairCard'
import { DISAGREEING, moveBetweenRows, usePairActions, usePairs } from './pairs'

/** Two or more sources side by side: their statements with figures, lined up by pair. */
export function CompareView({ active }: { active: boolean }) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const [all, setAll] = useState<Source[]>([])
  const [chosen, setChosen] = useState<string[] | null>(null)
  const [onlyDisagreements, setOnlyDisagreements] = useState(true)
  const [showDismissed, setShowDismissed] = useState(false)
  const actions = usePairActions()

  useEffect(() => {
    if (!active) return
    call('sources.list', { limit: 1000 }).then((page) => {
      setAll(page.rows)
      const live = new Set(page.rows.map((source) => source.id))
      setChosen((current) => {
        const kept = (current ?? []).filter((id) => live.has(id))
        return current === null ? page.rows.slice(0, 2).map((source) => source.id) : kept
      })
    }, toasts.error)
  }, [active, workspace.revision, toasts])

  const ids = chosen ?? []
  // Oldest first, so the columns read in the order the reports came out.
  const columns = all
    .filter((source) => ids.includes(source.id))
    .sort((x, y) => (x.publishedAt ?? '9999').localeCompare(y.publishedAt ?? '9999'))
    .map((source) => source.id)
  const { list, loading } = usePairs(
    active && columns.length >= 2 ? { sourceIds: columns, includeDismissed: showDismissed } : null
  )
  const sources = useMemo(
    () =>
      new Map(
        all.map((source) => [
          source.id,
          {
            id: source.id,
            title: source.title,
            language: source.language,
            publishedAt: source.publishedAt
          }
        ])
      ),
    [all]
  )
  const pairs = (list?.pairs ?? []).filter(
    (pair) => !onlyDisagreements || DISAGREEING.includes(pair.outcome)
  )
  const toggle = (id: string) =>
    setChosen((current) =>
      (current ?? []).includes(id)
        ? (current ?? []).filter((one) => one !== id)
        : [...(current ?? []), id]
    )

  return (
    <div className="view" hidden={!active}>
      <Toolbar
        title="Compare"
        countText={
          columns.length < 2
            ? 'Choose two or more sources'
            : list
              ? `${pairs.length.toLocaleString()} pairs`
              : loading
                ? 'Comparing…'
                : ''
        }
      >
        <label className="pairs-toggle">
          <input
            type="checkbox"
            className="checkbox"
            checked={onlyDisagreements}
            onChange={(event) => setOnlyDisagreements(event.target.checked)}
          />
          Disagreements only
        </label>
        <label className="pairs-toggle">
          <input
            type="checkbox"
            className="checkbox"
            checked={showDismissed}
            onChange={(event) => setShowDismissed(event.target.checked)}
          />
          Show dismissed
        </label>
        <UndoRedo />
      </Toolbar>
      <fieldset className="compare-picker">
        <legend>Sources to compare</legend>
        {all.map((source) => (
          <label key={source.id} className="compare-choice" title={source.title}>
            <input
              type="checkbox"
              className="checkbox"
              checked={ids.includes(source.id)}
              onChange={() => toggle(source.id)}
            />
            <span className="compare-choice-title">{source.title}</span>
            <span className="pair-source-meta">
              {[source.language, source.publishedAt].filter(Boolean).join(' · ')}
            </span>
          </label>
        ))}
        {all.length === 0 ? <span className="pairs-empty">No sources yet.</span> : null}
      </fieldset>
      <div className="compare-body">
        {columns.length >= 2 ? (
          <>
            <div
              className={`compare-heads${columns.length === 2 ? ' pair-card-two' : ''}`}
              style={
                columns.length === 2
                  ? undefined
                  : { gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }
              }
              aria-hidden="true"
            >
              {columns.map((id, index) => (
                <span
                  key={id}
                  className="compare-head"
                  style={columns.length === 2 ? { gridColumn: index * 2 + 1 } : undefined}
                >
                  {sources.get(id)?.title}
                </span>
              ))}
            </div>
            <div
              className="compare-rows"
              role="list"
              aria-label="Statements lined up by pair"
              onKeyDown={(event) => moveBetweenRows(event, '.pair-card')}
            >
              {pairs.map((pair) => (
                <div role="listitem" key={pair.key} className="compare-row">
                  <PairCard
                    pair={pair}
                    sources={sources}
                    columns={columns}
                    onMakeClaims={actions.setMaking}
                    onToggleDismissed={(one) => void actions.toggleDismissed(one)}
                  />
                </div>
              ))}
              {list && pairs.length === 0 ? (
                <p className="pairs-empty">These sources share no compared figures or dates.</p>
              ) : null}
            </div>
          </>
        ) : null}
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
