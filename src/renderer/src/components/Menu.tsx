import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { ChevronDownIcon } from './Icons'
import { Popover, type Placement } from './Popover'

export type MenuItem =
  | {
      kind?: 'action'
      label: string
      content?: ReactNode
      onSelect: () => void
      disabled?: boolean
      danger?: boolean
    }
  | {
      kind: 'radio' | 'checkbox'
      label: string
      content?: ReactNode
      checked: boolean
      onSelect: () => void
    }
  | { kind: 'separator' }
  | { kind: 'heading'; label: string }

type MenuButtonProps = {
  /** The button's words; the menu is named after them too. */
  label: string
  icon?: ReactNode
  items: MenuItem[]
  placement?: Placement
  className?: string
  title?: string
  disabled?: boolean
  /** Keep the menu open after a checkbox is toggled (a column chooser, say). */
  stayOpen?: boolean
  caret?: boolean
  /** Icon only: the label names the button for assistive tech and in its tooltip. */
  hideLabel?: boolean
}

/** A button that opens a menu: arrows move, Enter or Space choose, Escape closes. */
export function MenuButton({
  label,
  icon,
  items,
  placement = 'bottom-start',
  className = 'button',
  title,
  disabled,
  stayOpen,
  caret = true,
  hideLabel
}: MenuButtonProps) {
  const [open, setOpen] = useState(false)
  const anchorRef = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button
        ref={anchorRef}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={hideLabel ? label : undefined}
        title={title ?? (hideLabel ? label : undefined)}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        {icon}
        {hideLabel ? null : label}
        {caret ? <ChevronDownIcon /> : null}
      </button>
      {open ? (
        <Popover
          anchorRef={anchorRef}
          onClose={() => setOpen(false)}
          placement={placement}
          label={label}
          role="none"
        >
          <MenuList label={label} items={items} onDone={() => setOpen(false)} stayOpen={stayOpen} />
        </Popover>
      ) : null}
    </>
  )
}

type MenuListProps = {
  label: string
  items: MenuItem[]
  onDone: () => void
  stayOpen?: boolean
}

export function MenuList({ label, items, onDone, stayOpen }: MenuListProps) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current
      ?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')
      ?.focus()
  }, [])

  const move = (event: KeyboardEvent, delta: number | 'first' | 'last') => {
    const entries = [
      ...(ref.current?.querySelectorAll<HTMLElement>(
        '[role^="menuitem"]:not([aria-disabled="true"])'
      ) ?? [])
    ]
    if (!entries.length) return
    event.preventDefault()
    const current = entries.indexOf(document.activeElement as HTMLElement)
    const next =
      delta === 'first'
        ? 0
        : delta === 'last'
          ? entries.length - 1
          : (current + delta + entries.length) % entries.length
    entries[next]?.focus()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') move(event, 1)
    else if (event.key === 'ArrowUp') move(event, -1)
    else if (event.key === 'Home') move(event, 'first')
    else if (event.key === 'End') move(event, 'last')
    else if (event.key === 'Tab') onDone()
  }

  return (
    <div ref={ref} className="menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((item, index) => {
        if (item.kind === 'separator') {
          return <div key={`separator-${index}`} role="separator" className="menu-separator" />
        }
        if (item.kind === 'heading') {
          return (
            <div key={`heading-${index}`} className="menu-heading" role="presentation">
              {item.label}
            </div>
          )
        }
        const toggles = item.kind === 'radio' || item.kind === 'checkbox'
        const disabled = 'disabled' in item && item.disabled === true
        const danger = 'danger' in item && item.danger === true
        const choose = () => {
          if (disabled) return
          item.onSelect()
          if (!(stayOpen && toggles)) onDone()
        }
        return (
          <div
            key={item.label}
            role={
              item.kind === 'radio'
                ? 'menuitemradio'
                : item.kind === 'checkbox'
                  ? 'menuitemcheckbox'
                  : 'menuitem'
            }
            aria-checked={toggles ? item.checked : undefined}
            aria-disabled={disabled || undefined}
            aria-label={item.content ? item.label : undefined}
            tabIndex={-1}
            className={`menu-item${danger ? ' menu-item-danger' : ''}`}
            onClick={choose}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault()
                choose()
              }
            }}
          >
            {toggles ? (
              <span className="menu-check" aria-hidden="true">
                {item.checked ? <CheckIconSmall /> : null}
              </span>
            ) : null}
            {item.content ?? item.label}
          </div>
        )
      })}
    </div>
  )
}

const CheckIconSmall = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" fill="none" aria-hidden="true" focusable="false">
    <path
      d="M3.5 8.5l3 3 6-7"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)
