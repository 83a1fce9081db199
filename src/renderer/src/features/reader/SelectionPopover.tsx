import { useLayoutEffect, useRef } from 'react'
import { ClaimPlusIcon, QuoteIcon } from './icons'

type Props = {
  /** The selection's bounding box, in viewport coordinates. */
  anchor: DOMRect
  newClaimTitle: string
  citeTitle: string
  onNewClaim: () => void
  onCite: () => void
}

const GAP = 8
const MARGIN = 8

/** The two things to do with a selected passage, floating just above it. */
export function SelectionPopover({ anchor, newClaimTitle, citeTitle, onNewClaim, onCite }: Props) {
  const ref = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const bar = ref.current
    if (!bar) return
    const { width, height } = bar.getBoundingClientRect()
    const above = anchor.top - GAP - height
    const top = above >= MARGIN ? above : anchor.bottom + GAP
    const left = Math.min(
      window.innerWidth - width - MARGIN,
      Math.max(MARGIN, anchor.left + anchor.width / 2 - width / 2)
    )
    bar.style.top = `${top}px`
    bar.style.left = `${left}px`
    bar.style.visibility = 'visible'
  }, [anchor])

  return (
    <div
      ref={ref}
      className="selection-popover"
      role="toolbar"
      aria-label="Selection"
      style={{ top: 0, left: 0, visibility: 'hidden' }}
      // Clicking the bar must not clear the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" className="popover-button" title={newClaimTitle} onClick={onNewClaim}>
        <ClaimPlusIcon />
        New claim from selection
      </button>
      <span className="popover-divider" aria-hidden="true" />
      <button type="button" className="popover-button" title={citeTitle} onClick={onCite}>
        <QuoteIcon />
        Cite for claim…
      </button>
    </div>
  )
}
