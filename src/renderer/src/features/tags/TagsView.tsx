import { useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { Tag } from '../../../../shared/types'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/Dialog'
import { PlusIcon, SearchIcon } from '../../components/Icons'
import { useToasts } from '../../components/Toasts'
import { countLabel } from '../../lib/format'
import { matchTags, type TagNode } from '../../lib/tags'
import { useWorkspace } from '../../workspace'
import { SelectField, TextField } from '../details/fields'
import { UndoRedo } from '../history/UndoRedo'
import { Toolbar } from '../records/Toolbar'
import { ColourSwatches } from './ColourSwatches'
import { TagDot } from './TagChip'
import { MergeTagDialog, NewTagDialog, parentChoices, usageText } from './TagDialogs'

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

type Pending = { kind: 'new'; parentId: string | null } | { kind: 'merge' | 'delete'; tag: Tag }

/** The codebook: a tree of tags with counts, and the chosen tag's settings beside it. */
export function TagsView({ active }: { active: boolean }) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const [find, setFind] = useState('')
  const [chosenId, setChosenId] = useState<string | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)

  const nodes = useMemo(() => matchTags(workspace.tagNodes, find), [workspace.tagNodes, find])
  const chosen =
    workspace.tagsById.get(chosenId ?? '') ?? (find ? nodes[0]?.tag : workspace.tagNodes[0]?.tag)

  const afterChange = (message?: string) => {
    if (message) toasts.info(message)
    // Chips in the grids show tag names and colours: every view reloads its rows.
    workspace.changed({ records: true })
  }

  const deleteTag = async (tag: Tag) => {
    setBusy(true)
    try {
      await call('tags.delete', { id: tag.id })
      setPending(null)
      setChosenId(null)
      afterChange(`Deleted tag “${tag.path}”`)
    } catch (error) {
      toasts.error(error)
    } finally {
      setBusy(false)
    }
  }

  const childCount = (tag: Tag) => workspace.tags.filter((t) => t.parentId === tag.id).length

  return (
    <div className="view" hidden={!active}>
      <Toolbar
        title="Tags"
        countText={countLabel(workspace.tags.length, 'tag', 'tags')}
        middle={
          <label className="search">
            <SearchIcon />
            <input
              type="search"
              aria-label="Find a tag"
              placeholder="Find a tag"
              value={find}
              spellCheck={false}
              onChange={(event) => setFind(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && find) {
                  event.preventDefault()
                  setFind('')
                }
              }}
            />
          </label>
        }
      >
        <UndoRedo />
        <span className="toolbar-divider" aria-hidden="true" />
        <button
          type="button"
          className="button button-primary"
          onClick={() => setPending({ kind: 'new', parentId: null })}
        >
          <PlusIcon />
          New tag
        </button>
      </Toolbar>
      <div className="tags-layout">
        <TagTree
          nodes={nodes}
          chosenId={chosen?.id ?? null}
          onChoose={setChosenId}
          emptyText={
            workspace.tags.length
              ? `No tag matches “${find.trim()}”`
              : 'No tags yet. A codebook grows as you tag: create the first one with New tag, or type a new tag’s name in any Tags cell.'
          }
        />
        {chosen ? (
          <TagInspector
            key={chosen.id}
            tag={chosen}
            onChanged={afterChange}
            onNewChild={() => setPending({ kind: 'new', parentId: chosen.id })}
            onMerge={() => setPending({ kind: 'merge', tag: chosen })}
            onDelete={() => setPending({ kind: 'delete', tag: chosen })}
          />
        ) : (
          <div className="tag-inspector tag-inspector-empty" />
        )}
      </div>
      {pending?.kind === 'new' ? (
        <NewTagDialog
          parentId={pending.parentId}
          onClose={() => setPending(null)}
          onCreated={(tag) => {
            setPending(null)
            setFind('')
            setChosenId(tag.id)
            afterChange(`Created tag “${tag.path}”`)
          }}
        />
      ) : null}
      {pending?.kind === 'merge' ? (
        <MergeTagDialog
          tag={pending.tag}
          onClose={() => setPending(null)}
          onMerged={(kept) => {
            setPending(null)
            setChosenId(kept.id)
            afterChange(`Merged into “${kept.path}”`)
          }}
        />
      ) : null}
      {pending?.kind === 'delete' ? (
        <ConfirmDialog
          title={`Delete tag “${pending.tag.path}”?`}
          description={
            <>
              <p className="dialog-paragraph">
                {pending.tag.claimCount || pending.tag.sourceCount
                  ? `${capitalise(usageText(pending.tag))} ${pending.tag.claimCount + pending.tag.sourceCount === 1 ? 'loses' : 'lose'} it.`
                  : 'No claim or source uses it.'}
                {childCount(pending.tag)
                  ? ` Its ${countLabel(childCount(pending.tag), 'sub-tag moves', 'sub-tags move')} up one level.`
                  : ''}
              </p>
              <p className="dialog-paragraph">Undo brings it back, tags and all.</p>
            </>
          }
          confirmLabel="Delete tag"
          destructive
          busy={busy}
          onConfirm={() => void deleteTag(pending.tag)}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </div>
  )
}

type TagTreeProps = {
  nodes: TagNode[]
  chosenId: string | null
  onChoose: (id: string) => void
  emptyText: string
}

function TagTree({ nodes, chosenId, onChoose, emptyText }: TagTreeProps) {
  const treeRef = useRef<HTMLUListElement>(null)
  const onKeyDown = (event: KeyboardEvent) => {
    const index = nodes.findIndex((node) => node.tag.id === chosenId)
    const next =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? nodes.length - 1
              : null
    if (next === null) return
    event.preventDefault()
    const node = nodes[Math.max(0, Math.min(nodes.length - 1, next))]
    if (!node) return
    onChoose(node.tag.id)
    window.requestAnimationFrame(() =>
      treeRef.current?.querySelector<HTMLElement>(`[data-id="${node.tag.id}"]`)?.focus()
    )
  }

  return (
    <div className="tag-tree-frame">
      <div className="tag-tree-columns" aria-hidden="true">
        <span>Tag</span>
        <span>Claims</span>
        <span>Sources</span>
      </div>
      {nodes.length ? (
        <ul
          ref={treeRef}
          className="tag-tree"
          role="tree"
          aria-label="Codebook"
          onKeyDown={onKeyDown}
        >
          {nodes.map(({ tag, depth, childCount }) => {
            const chosen = tag.id === chosenId
            return (
              <li
                key={tag.id}
                data-id={tag.id}
                role="treeitem"
                aria-level={depth + 1}
                aria-selected={chosen}
                aria-expanded={childCount ? true : undefined}
                aria-label={tag.path}
                tabIndex={chosen ? 0 : -1}
                className="tag-tree-item"
                onClick={() => onChoose(tag.id)}
              >
                <span className="tag-tree-name" style={{ paddingLeft: depth * 20 }}>
                  <TagDot colour={tag.colour} />
                  <span className="tag-tree-label">{tag.name}</span>
                  {tag.description ? (
                    <span className="tag-tree-description">{tag.description}</span>
                  ) : null}
                </span>
                <span className="tag-tree-count">{tag.claimCount || '—'}</span>
                <span className="tag-tree-count">{tag.sourceCount || '—'}</span>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="tag-tree-empty">{emptyText}</p>
      )}
    </div>
  )
}

type TagInspectorProps = {
  tag: Tag
  onChanged: (message?: string) => void
  onNewChild: () => void
  onMerge: () => void
  onDelete: () => void
}

function TagInspector({ tag, onChanged, onNewChild, onMerge, onDelete }: TagInspectorProps) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const order = useMemo(() => workspace.tagNodes.map((node) => node.tag), [workspace.tagNodes])
  const parents = useMemo(
    () => [
      { value: null as string | null, label: 'None (top level)' },
      ...parentChoices(order, tag).map((candidate) => ({
        value: candidate.id as string | null,
        label: candidate.path
      }))
    ],
    [order, tag]
  )

  const update = async (
    changes: Partial<Pick<Tag, 'name' | 'parentId' | 'colour' | 'description'>>,
    message?: string
  ) => {
    await call('tags.update', { id: tag.id, changes })
    onChanged(message)
  }

  return (
    <section className="tag-inspector" aria-label={`Tag ${tag.path}`}>
      <header className="tag-inspector-header">
        <TagDot colour={tag.colour} />
        <h2 className="tag-inspector-title">{tag.path}</h2>
      </header>
      <p className="tag-inspector-usage">
        {tag.claimCount || tag.sourceCount ? `Used by ${usageText(tag)}` : 'Not used yet'}
      </p>
      <div className="tag-inspector-links">
        {(['claims', 'sources'] as const).map((view) => (
          <button
            key={view}
            type="button"
            className="link-button"
            title={`The ${view} grid, filtered by this tag and its sub-tags`}
            onClick={() =>
              workspace.showFiltered(view, { tags: { filterType: 'set', values: [tag.id] } })
            }
          >
            Show {view} →
          </button>
        ))}
      </div>
      <div className="detail-fields">
        <TextField
          label="Name"
          value={tag.name}
          wide
          onCommit={(name) => update({ name }, `Renamed to “${name.trim()}”`)}
        />
        <SelectField
          label="Parent"
          value={tag.parentId}
          options={parents}
          wide
          onCommit={(parentId) => update({ parentId }, `Moved “${tag.name}”`)}
        />
        <div className="detail-field detail-field-wide">
          <span className="detail-label">Colour</span>
          <ColourSwatches
            value={tag.colour}
            onChange={(colour) => void update({ colour }).catch(toasts.error)}
          />
        </div>
        <TextField
          label="Description"
          value={tag.description}
          multiline
          placeholder="When to use this tag"
          onCommit={(description) => update({ description: description.trim() || null })}
        />
      </div>
      <div className="tag-inspector-actions">
        <button type="button" className="button" onClick={onNewChild}>
          <PlusIcon />
          Sub-tag
        </button>
        <button type="button" className="button" onClick={onMerge}>
          Merge…
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-danger-quiet" onClick={onDelete}>
          Delete…
        </button>
      </div>
    </section>
  )
}
