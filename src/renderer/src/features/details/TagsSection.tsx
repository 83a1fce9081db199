import { useRef, useState } from 'react'
import type { Tag, TagRef } from '../../../../shared/types'
import { PlusIcon } from '../../components/Icons'
import { Popover } from '../../components/Popover'
import { useToasts } from '../../components/Toasts'
import { TagChip } from '../tags/TagChip'
import { TagPicker } from '../tags/TagPicker'
import { Section } from './Section'

type TagsSectionProps = {
  tags: TagRef[]
  /** Tags or untags the record; resolves once the core has it. */
  onTag: (tagId: string, tagged: boolean) => Promise<void>
}

export function TagsSection({ tags, onTag }: TagsSectionProps) {
  const toasts = useToasts()
  const addRef = useRef<HTMLButtonElement>(null)
  const [picking, setPicking] = useState(false)
  const has = (tag: Tag) => tags.some((ref) => ref.id === tag.id)

  return (
    <Section title="Tags" count={tags.length}>
      <div className="detail-tags">
        {tags.map((tag) => (
          <TagChip
            key={tag.id}
            tag={tag}
            full
            onRemove={() => void onTag(tag.id, false).catch(toasts.error)}
          />
        ))}
        <button
          ref={addRef}
          type="button"
          className="chip chip-add"
          aria-expanded={picking}
          onClick={() => setPicking((value) => !value)}
        >
          <PlusIcon />
          Add tag
        </button>
      </div>
      {picking ? (
        <Popover
          anchorRef={addRef}
          onClose={() => setPicking(false)}
          label="Add a tag"
          className="popover-picker"
        >
          <TagPicker
            label="Find or create a tag"
            stateOf={(tag) => (has(tag) ? 'on' : 'off')}
            onPick={(tag) => onTag(tag.id, !has(tag))}
            onEscape={() => setPicking(false)}
          />
        </Popover>
      ) : null}
    </Section>
  )
}
