import { useLayoutEffect, useRef } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import { STATUS_LABELS, type ClaimStatus } from '../../../../shared/domain'
import { Pill } from '../../grid/cells'
import { AnchorBadge, StanceBadge } from '../citations/stance'
import { ArrowOutIcon } from './icons'

type Props = {
  citations: Citation[]
  /** The highlighted run the card belongs to, in viewport coordinates. */
  anchor: DOMRect
  pinned: boolean
  onOpenClaim: ((claimId: string) => void) | null
  onPointerEnter: () => void
  onPointerLeave: () => void
  onClose: () => void
}

const GAP = 8
const MARGIN = 12

function isStatus(value: string): value is ClaimStatus {
  return value in STATUS_LABELS
}

/** What a highlight stands for: its claim(s), with status, grade and a way to open them. */
export function HighlightCard(props: Props) {
  const { citations, anchor, pinned, onOpenClaim } = props
  const ref = useRef<HTMLDivElement>(null)

  // Below the highlight if it fits, else above; never off the window's edges.
  useLayoutEffect(() => {
    const card = ref.current
    if (!card) return
    const { width, height } = card.getBoundingClientRect()
    const below = anchor.bottom + GAP
    const top =
      below + height + MARGIN <= window.innerHeight
        ? below
        : Math.max(MARGIN, anchor.top - GAP - height)
    const left = Math.min(
      window.innerWidth - width - MARGIN,
      Math.max(MARGIN, anchor.left + anchor.width / 2 - width / 2)
    )
    card.style.top = `${top}px`
    card.style.left = `${left}px`
    card.style.visibility = 'visible'
  }, [anchor, citations])

  return (
    <div
      ref={ref}
      className="highlight-card"
      role="dialog"
      aria-label={citations.length === 1 ? 'Cited for claim' : 'Cited for claims'}
      data-pinned={pinned ? 'true' : undefined}
      style={{ top: 0, left: 0, visibility: 'hidden' }}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          props.onClose()
        }
      }}
    >
      {citations.map((citation) => (
        <div key={citation.id} className="highlight-card-item" data-stance={citation.stance}>
          <div className="highlight-card-head">
            <StanceBadge stance={citation.stance} />
            {isStatus(citation.claimStatus) ? (
              <Pill tone={citation.claimStatus} label={STATUS_LABELS[citation.claimStatus]} />
            ) : null}
            {citation.grade ? (
              <span
                className="grade-badge"
                title="Admiralty grade: source reliability and claim credibility"
              >
                {citation.grade}
              </span>
            ) : null}
            <AnchorBadge status={citation.anchorStatus} />
          </div>
          <p className="highlight-card-claim">{citation.claimText}</p>
          {citation.locator || citation.note ? (
            <p className="highlight-card-note">
              {[citation.locator, citation.note].filter(Boolean).join(' · ')}
            </p>
          ) : null}
          {onOpenClaim ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onOpenClaim(citation.claimId)}
            >
              Open claim <ArrowOutIcon />
            </button>
          ) : null}
        </div>
      ))}
    </div>
  )
}
