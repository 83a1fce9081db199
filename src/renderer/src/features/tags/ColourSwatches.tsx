import type { KeyboardEvent } from 'react'
import { TAG_COLOURS, colourName } from '../../lib/tags'

type ColourSwatchesProps = {
  value: string | null
  onChange: (colour: string | null) => void
  label?: string
}

const CHOICES: (string | null)[] = [null, ...TAG_COLOURS]

/** The tag colours as a radio group: arrows move and choose, like any radio group. */
export function ColourSwatches({ value, onChange, label = 'Colour' }: ColourSwatchesProps) {
  const current = Math.max(0, CHOICES.indexOf(value))
  const onKeyDown = (event: KeyboardEvent) => {
    const delta =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0
    if (!delta) return
    event.preventDefault()
    const next = (current + delta + CHOICES.length) % CHOICES.length
    onChange(CHOICES[next] ?? null)
    const group = event.currentTarget
    window.requestAnimationFrame(() =>
      group.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus()
    )
  }
  return (
    <div className="swatches" role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {CHOICES.map((colour, index) => (
        <button
          key={colour ?? 'none'}
          type="button"
          role="radio"
          data-index={index}
          aria-checked={index === current}
          aria-label={colourName(colour)}
          title={colourName(colour)}
          tabIndex={index === current ? 0 : -1}
          className={`swatch${colour ? '' : ' swatch-none'}`}
          style={colour ? { background: colour } : undefined}
          onClick={() => onChange(colour)}
        />
      ))}
    </div>
  )
}
