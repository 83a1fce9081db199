import type { KeyedPair, PairSource } from '../../../../shared/pairTypes'
import { MarkedSentence, OutcomeChip, SourceLine, labelOf } from './pairs'

type PairCardProps = {
  pair: KeyedPair
  sources: ReadonlyMap<string, PairSource>
  /** One column per source; the pair's sides go in their sources' columns. */
  columns: string[]
  onMakeClaims: (pair: KeyedPair) => void
  onToggleDismissed: (pair: KeyedPair) => void
  /** The reason between two columns (default), or in a strip above them (narrow panes). */
  layout?: 'middle' | 'strip'
}

/** A pair side by side: both sentences with the figures marked, the reason between them. */
export function PairCard({
  pair,
  sources,
  columns,
  onMakeClaims,
  onToggleDismissed,
  layout = 'middle'
}: PairCardProps) {
  const title = `${labelOf(pair.outcome)}: ${pair.a.quote} / ${pair.b.quote}`
  const middle = (
    <div className="pair-middle">
      <OutcomeChip outcome={pair.outcome} />
      <p className="pair-reason">{pair.reason}</p>
      <div className="pair-actions">
        <button
          type="button"
          className="button button-small"
          aria-label={`Make claims of ${pair.a.quote} and ${pair.b.quote}`}
          onClick={() => onMakeClaims(pair)}
        >
          Make claims…
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={`${pair.dismissed ? 'Bring back' : 'Dismiss'} ${pair.a.quote} and ${pair.b.quote}`}
          onClick={() => onToggleDismissed(pair)}
        >
          {pair.dismissed ? 'Bring back' : 'Dismiss'}
        </button>
      </div>
    </div>
  )
  const cells = columns.map((sourceId) => {
    const side =
      pair.a.sourceId === sourceId ? pair.a : pair.b.sourceId === sourceId ? pair.b : null
    return (
      <div key={sourceId} className={side ? 'pair-side' : 'pair-side pair-side-empty'}>
        {side ? (
          <>
            <SourceLine source={sources.get(sourceId)} />
            <MarkedSentence side={side} outcome={pair.outcome} />
          </>
        ) : null}
      </div>
    )
  })
  const two = columns.length === 2 && layout === 'middle'
  return (
    <article
      className={`pair-card${two ? ' pair-card-two' : ''}${pair.dismissed ? ' pair-dismissed' : ''}`}
      style={two ? undefined : { gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}
      aria-label={title}
      tabIndex={0}
      data-outcome={pair.outcome}
    >
      {two ? (
        <>
          {cells[0]}
          {middle}
          {cells[1]}
        </>
      ) : (
        <>
          <div className="pair-strip">{middle}</div>
          {cells}
        </>
      )}
    </article>
  )
}
