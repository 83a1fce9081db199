import { useMemo, useRef, useState } from 'react'
import type { Tag } from '../../../../shared/types'
import { CloseIcon, TagIcon, TrashIcon, UntagIcon } from '../../components/Icons'
import { MenuButton } from '../../components/Menu'
import { Popover } from '../../components/Popover'
import { useToasts } from '../../components/Toasts'
import { countLabel } from '../../lib/format'
import { TagPicker, type TagState } from '../tags/TagPicker'
import type { BulkField, Noun, TaggedRow } from './types'

type BulkBarProps<Row extends TaggedRow> = {
  /** What the actions apply to: the selected rows, or every row the list matches. */
  ids: string[]
  /** The selected rows that are loaded: their tags show which tags the selection has. */
  rows: Row[]
  /** The ids are every row the list matches, not only the selected ones. */
  all: boolean
  /** Offered when the list has more rows than are selected: selects all of them. */
  selectAll?: { total: number; busy: boolean; onSelect: () => void }
  noun: Noun
  fields: BulkField[]
  onTag: (tag: Tag, tagged: boolean) => Promise<void>
  /** After a bulk change: reload the rows and everything that counts them. */
  onApplied: () => void
  onDelete: () => void
  onClear: () => void
}

/** Actions on the selected rows, floating over the foot of the grid while rows are selected. */
export function BulkBar<Row extends TaggedRow>({
  ids,
  rows,
  all,
  selectAll,
  noun,
  fields,
  onTag,
  onApplied,
  onDelete,
  onClear
}: BulkBarProps<Row>) {
  const toasts = useToasts()
  const tagRef = useRef<HTMLButtonElement>(null)
  const untagRef = useRef<HTMLButtonElement>(null)
  const [picking, setPicking] = useState<'tag' | 'untag' | null>(null)
  const tagCounts = useMemo(() => {
    const counts = new Map<string, number>()
    for (const row of rows)
      for (const tag of row.tags) counts.set(tag.id, (counts.get(tag.id) ?? 0) + 1)
    return counts
  }, [rows])
  const presentTags = useMemo(() => new Set(tagCounts.keys()), [tagCounts])
  // With every matching row selected, only the loaded ones are known: any tag may be there.
  const stateOf = (tag: Tag): TagState => {
    const count = tagCounts.get(tag.id) ?? 0
    if (all) return count === 0 ? 'off' : 'mixed'
    return count === 0 ? 'off' : count === rows.length ? 'on' : 'mixed'
  }

  const pick = async (tag: Tag) => {
    const tagged = picking === 'tag'
    setPicking(null)
    await onTag(tag, tagged)
  }

  const things = countLabel(ids.length, noun.one, noun.many)
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected rows">
      <span className="bulk-count" aria-live="polite">
        {all
          ? `All ${ids.length.toLocaleString()} selected`
          : `${ids.length.toLocaleString()} selected`}
      </span>
      {selectAll ? (
        <button
          type="button"
          className="bulk-select-all"
          disabled={selectAll.busy}
          onClick={selectAll.onSelect}
        >
          {selectAll.busy
            ? 'Selecting…'
            : `Select all ${selectAll.total.toLocaleString()} ${noun.many}`}
        </button>
      ) : null}
      <button
        type="button"
        className="icon-button bulk-clear"
        aria-label="Clear selection"
        title="Clear selection (Esc)"
        onClick={onClear}
      >
        <CloseIcon />
      </button>
      <span className="bulk-divider" aria-hidden="true" />
      <button
        ref={tagRef}
        type="button"
        className="button button-bulk"
        aria-expanded={picking === 'tag'}
        onClick={() => setPicking((value) => (value === 'tag' ? null : 'tag'))}
      >
        <TagIcon />
        Tag…
      </button>
      <button
        ref={untagRef}
        type="button"
        className="button button-bulk"
        aria-expanded={picking === 'untag'}
        disabled={!all && presentTags.size === 0}
        onClick={() => setPicking((value) => (value === 'untag' ? null : 'untag'))}
      >
        <UntagIcon />
        Untag…
      </button>
      {fields.map((field) => (
        <MenuButton
          key={field.label}
          label={field.label}
          icon={field.icon}
          className="button button-bulk"
          placement="top-start"
          items={[
            { kind: 'heading', label: `${field.label} of ${things}` },
            ...field.choices.map((choice) => ({
              label: choice.label,
              content: choice.content,
              onSelect: () => {
                choice.apply(ids).then(
                  () => {
                    toasts.info(`${field.label} of ${things}: ${choice.label}`)
                    onApplied()
                  },
                  (error: unknown) => toasts.error(error)
                )
              }
            }))
          ]}
        />
      ))}
      <span className="bulk-divider" aria-hidden="true" />
      <button type="button" className="button button-bulk button-bulk-danger" onClick={onDelete}>
        <TrashIcon />
        Delete
      </button>
      {picking ? (
        <Popover
          anchorRef={picking === 'tag' ? tagRef : untagRef}
          onClose={() => setPicking(null)}
          placement="top-start"
          label={picking === 'tag' ? `Tag ${things}` : `Untag ${things}`}
          className="popover-picker"
        >
          <div className="popover-title">
            {picking === 'tag' ? `Tag ${things}` : `Remove a tag from ${things}`}
          </div>
          <TagPicker
            label={picking === 'tag' ? 'Find or create a tag' : 'Find a tag to remove'}
            placeholder={picking === 'tag' ? 'Find or create a tag…' : 'Find a tag…'}
            stateOf={stateOf}
            onlyIds={picking === 'untag' && !all ? presentTags : undefined}
            allowCreate={picking === 'tag'}
            onPick={pick}
            onEscape={() => setPicking(null)}
          />
        </Popover>
      ) : null}
    </div>
  )
}
