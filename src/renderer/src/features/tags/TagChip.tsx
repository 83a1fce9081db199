import type { CSSProperties } from 'react'
import type { TagRef } from '../../../../shared/types'
import { CloseIcon } from '../../components/Icons'

/** The tag's colour as a CSS variable; chips tint themselves with it (styles.css). */
export function tagStyle(colour: string | null): CSSProperties | undefined {
  return colour ? ({ '--tag': colour } as CSSProperties) : undefined
}

export function TagDot({ colour }: { colour: string | null }) {
  return (
    <span
      className={`tag-dot${colour ? '' : ' tag-dot-none'}`}
      style={colour ? { background: colour } : undefined}
      aria-hidden="true"
    />
  )
}

type TagChipProps = {
  tag: Pick<TagRef, 'name' | 'path' | 'colour'>
  /** Show the whole path ("Economy / Trade") rather than the name. */
  full?: boolean
  onRemove?: () => void
}

/** A tag as a chip in its colour; with `onRemove`, a button takes it off the record. */
export function TagChip({ tag, full, onRemove }: TagChipProps) {
  return (
    <span
      className={`chip${tag.colour ? ' chip-coloured' : ''}`}
      style={tagStyle(tag.colour)}
      title={tag.path}
    >
      <TagDot colour={tag.colour} />
      <span className="chip-label">{full ? tag.path : tag.name}</span>
      {onRemove ? (
        <button
          type="button"
          className="chip-remove"
          aria-label={`Remove tag ${tag.path}`}
          onClick={onRemove}
        >
          <CloseIcon />
        </button>
      ) : null}
    </span>
  )
}
