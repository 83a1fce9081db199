import type { Citation } from '../../../../shared/documentTypes'
import { AnchorBadge, STANCE_LABELS } from '../citations/stance'

type Props = {
  citations: Citation[]
  activeId: string | null
  /** A passage is selected in the text: orphans can be anchored to it. */
  canReanchor: boolean
  onShow: (citation: Citation) => void
  onReanchor: (citation: Citation) => void
}

/** The passages cited from this source, in reading order, and those no longer found. */
export function CitationsRail({ citations, activeId, canReanchor, onShow, onReanchor }: Props) {
  const anchored = citations
    .filter((c) => c.anchorStatus !== 'orphaned')
    .sort((a, b) => a.start - b.start || a.end - b.end)
  const orphaned = citations.filter((c) => c.anchorStatus === 'orphaned')

  return (
    <aside className="reader-rail" aria-label="Citations in this source">
      {orphaned.length > 0 ? (
        <section className="rail-section rail-orphans" aria-labelledby="rail-orphans-title">
          <h2 id="rail-orphans-title" className="rail-title">
            Orphaned citations <span className="rail-count">{orphaned.length}</span>
          </h2>
          <p className="rail-hint">
            Not found in the current text. Select the passage in the text, then re-anchor.
          </p>
          <ul className="rail-list" aria-label="Orphaned citations">
            {orphaned.map((citation) => (
              <li
                key={citation.id}
                id={`orphan-${citation.id}`}
                className="rail-item rail-orphan"
                data-stance={citation.stance}
              >
                <blockquote className="rail-quote">{citation.quote}</blockquote>
                <p className="rail-claim">{citation.claimText}</p>
                <button
                  type="button"
                  className="button button-small"
                  disabled={!canReanchor}
                  title={
                    canReanchor
                      ? 'Anchor this citation to the selected passage'
                      : 'Select the passage in the text first'
                  }
                  // Pressing the button must not clear the selection it anchors to.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onReanchor(citation)}
                >
                  Re-anchor to selection
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="rail-section" aria-labelledby="rail-cited-title">
        <h2 id="rail-cited-title" className="rail-title">
          Cited passages <span className="rail-count">{anchored.length}</span>
        </h2>
        {anchored.length === 0 ? (
          <p className="rail-empty">
            Select a passage in the text and make it a claim, or cite it for an existing one.
          </p>
        ) : (
          <ul className="rail-list" aria-label="Cited passages">
            {anchored.map((citation) => (
              <li key={citation.id}>
                <button
                  type="button"
                  className="rail-item rail-citation"
                  data-stance={citation.stance}
                  aria-current={citation.id === activeId ? 'true' : undefined}
                  onClick={() => onShow(citation)}
                >
                  <span className="rail-quote">{citation.quote}</span>
                  <span className="rail-claim">{citation.claimText}</span>
                  <span className="rail-meta">
                    <span className={`rail-stance stance-text-${citation.stance}`}>
                      {STANCE_LABELS[citation.stance]}
                    </span>
                    {citation.grade ? <span className="rail-grade">{citation.grade}</span> : null}
                    <AnchorBadge status={citation.anchorStatus} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  )
}
