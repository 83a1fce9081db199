import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { CSSProperties, ReactNode, RefObject } from 'react'
import { createPortal } from 'react-dom'

export type Placement = 'bottom-start' | 'bottom-end' | 'top-start' | 'top-end'

type PopoverProps = {
  anchorRef: RefObject<HTMLElement | null>
  onClose: () => void
  placement?: Placement
  /** Accessible name of the popover region. */
  label: string
  className?: string
  role?: 'dialog' | 'menu' | 'none'
  children: ReactNode
}

const GAP = 6
const MARGIN = 8

/**
 * A floating panel beside its anchor, drawn above everything else. Mount it to open it:
 * a click outside or Escape closes it, and focus returns to the anchor.
 */
export function Popover({
  anchorRef,
  onClose,
  placement = 'bottom-start',
  label,
  className,
  role = 'dialog',
  children
}: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null)
  // Transparent, not hidden, until placed: what is inside may take the focus at once.
  const [style, setStyle] = useState<CSSProperties>({ top: 0, left: 0, opacity: 0 })
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })

  useLayoutEffect(() => {
    const place = () => {
      const anchor = anchorRef.current
      const panel = ref.current
      if (!anchor || !panel) return
      const box = anchor.getBoundingClientRect()
      const width = panel.offsetWidth
      const height = panel.offsetHeight
      const roomBelow = window.innerHeight - box.bottom - MARGIN
      const roomAbove = box.top - MARGIN
      const wantsTop = placement.startsWith('top')
      const top =
        (wantsTop && roomAbove >= height) ||
        (!wantsTop && roomBelow < height && roomAbove > roomBelow)
          ? box.top - GAP - height
          : box.bottom + GAP
      const left = placement.endsWith('end') ? box.right - width : box.left
      setStyle({
        top: Math.max(MARGIN, Math.min(top, window.innerHeight - height - MARGIN)),
        left: Math.max(MARGIN, Math.min(left, window.innerWidth - width - MARGIN))
      })
    }
    place()
    const observer = new ResizeObserver(place)
    if (ref.current) observer.observe(ref.current)
    window.addEventListener('resize', place)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', place)
    }
  }, [anchorRef, placement])

  useEffect(() => {
    const anchor = anchorRef.current
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target
      if (!(target instanceof Node)) return
      if (ref.current?.contains(target) || anchor?.contains(target)) return
      closeRef.current()
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true)
      // Back to the button that opened it, unless the user has clicked somewhere else.
      const active = document.activeElement
      if (anchor?.isConnected && (!active || active === document.body)) anchor.focus()
    }
  }, [anchorRef])

  return createPortal(
    <div
      ref={ref}
      className={['popover', className].filter(Boolean).join(' ')}
      style={style}
      role={role === 'none' ? undefined : role}
      aria-label={role === 'none' ? undefined : label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          closeRef.current()
          anchorRef.current?.focus()
        }
      }}
    >
      {children}
    </div>,
    document.body
  )
}
