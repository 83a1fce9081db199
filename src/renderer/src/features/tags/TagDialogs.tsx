import { useId, useMemo, useState } from 'react'
import type { Tag } from '../../../../shared/types'
import { call, errorMessage } from '../../api'
import { Dialog } from '../../components/Dialog'
import { countLabel } from '../../lib/format'
import { descendantsOf, nextTagColour } from '../../lib/tags'
import { useWorkspace } from '../../workspace'
import { FormDialog } from '../records/FormDialog'
import { ColourSwatches } from './ColourSwatches'

/** Tags, in codebook order, that may become the parent of `tag`: not itself, not below it. */
export function parentChoices(ordered: readonly Tag[], tag: Tag): Tag[] {
  const excluded = descendantsOf(ordered, tag.id)
  return ordered.filter((candidate) => !excluded.has(candidate.id))
}

export function usageText(tag: Pick<Tag, 'claimCount' | 'sourceCount'>): string {
  if (!tag.claimCount && !tag.sourceCount) return 'not used yet'
  const parts = []
  if (tag.claimCount) parts.push(countLabel(tag.claimCount, 'claim', 'claims'))
  if (tag.sourceCount) parts.push(countLabel(tag.sourceCount, 'source', 'sources'))
  return parts.join(' and ')
}

type NewTagDialogProps = {
  parentId?: string | null
  onClose: () => void
  onCreated: (tag: Tag) => void
}

export function NewTagDialog({ parentId = null, onClose, onCreated }: NewTagDialogProps) {
  const workspace = useWorkspace()
  const nameId = useId()
  const parentFieldId = useId()
  const descriptionId = useId()
  const [name, setName] = useState('')
  const [parent, setParent] = useState<string | null>(parentId)
  const [colour, setColour] = useState<string | null>(
    () => workspace.tagsById.get(parentId ?? '')?.colour ?? nextTagColour(workspace.tags)
  )
  const [colourChosen, setColourChosen] = useState(false)
  const [description, setDescription] = useState('')
  const order = useMemo(() => workspace.tagNodes.map((node) => node.tag), [workspace.tagNodes])

  return (
    <FormDialog
      title="New tag"
      submitLabel="Create tag"
      canSubmit={name.trim().length > 0}
      onClose={onClose}
      onSubmit={async () => {
        const tag = await call('tags.create', {
          name,
          parentId: parent,
          colour,
          description: description.trim() || null
        })
        onCreated(tag)
      }}
    >
      <label className="field-label" htmlFor={nameId}>
        Name
      </label>
      <input
        id={nameId}
        className="field-input"
        value={name}
        autoFocus
        placeholder="e.g. Sanctions"
        onChange={(event) => setName(event.target.value)}
      />
      <label className="field-label" htmlFor={parentFieldId}>
        Parent
      </label>
      <select
        id={parentFieldId}
        className="field-input"
        value={parent ?? ''}
        onChange={(event) => {
          const next = event.target.value || null
          setParent(next)
          // A sub-tag wears its parent's colour unless one was chosen for it.
          if (!colourChosen) {
            setColour(workspace.tagsById.get(next ?? '')?.colour ?? nextTagColour(workspace.tags))
          }
        }}
      >
        <option value="">None (top level)</option>
        {order.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.path}
          </option>
        ))}
      </select>
      <span className="field-label">Colour</span>
      <ColourSwatches
        value={colour}
        onChange={(next) => {
          setColour(next)
          setColourChosen(true)
        }}
      />
      <label className="field-label" htmlFor={descriptionId}>
        Description <span className="field-optional">optional</span>
      </label>
      <textarea
        id={descriptionId}
        className="field-input field-textarea field-textarea-short"
        rows={3}
        value={description}
        placeholder="When to use this tag, for whoever codes next"
        onChange={(event) => setDescription(event.target.value)}
      />
    </FormDialog>
  )
}

type MergeTagDialogProps = {
  tag: Tag
  onClose: () => void
  onMerged: (kept: Tag) => void
}

/** Two tags become one: the analyst picks the other tag and which of the two to keep. */
export function MergeTagDialog({ tag, onClose, onMerged }: MergeTagDialogProps) {
  const workspace = useWorkspace()
  const otherId = useId()
  const [other, setOther] = useState('')
  const [keep, setKeep] = useState<'this' | 'other'>('this')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const otherTag = workspace.tagsById.get(other)
  const kept = keep === 'this' ? tag : otherTag
  const removed = keep === 'this' ? otherTag : tag

  const merge = async () => {
    if (!kept || !removed) return
    setBusy(true)
    setError(null)
    try {
      const result = await call('tags.merge', { sourceId: removed.id, targetId: kept.id })
      onMerged(result)
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog title={`Merge “${tag.name}” with another tag`} onClose={onClose} width={500}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void merge()
        }}
      >
        <label className="field-label" htmlFor={otherId}>
          Other tag
        </label>
        <select
          id={otherId}
          className="field-input"
          value={other}
          autoFocus
          onChange={(event) => setOther(event.target.value)}
        >
          <option value="">Choose a tag…</option>
          {workspace.tagNodes
            .filter((node) => node.tag.id !== tag.id)
            .map((node) => (
              <option key={node.tag.id} value={node.tag.id}>
                {node.tag.path}
              </option>
            ))}
        </select>
        <fieldset className="fieldset" disabled={!otherTag}>
          <legend className="field-label">Keep</legend>
          {(['this', 'other'] as const).map((choice) => {
            const candidate = choice === 'this' ? tag : otherTag
            return (
              <label key={choice} className="radio-row">
                <input
                  type="radio"
                  name="keep"
                  checked={keep === choice}
                  onChange={() => setKeep(choice)}
                />
                <span className="radio-label">
                  {candidate ? candidate.path : 'The other tag'}
                  {candidate ? (
                    <span className="field-optional">{usageText(candidate)}</span>
                  ) : null}
                </span>
              </label>
            )
          })}
        </fieldset>
        {kept && removed ? (
          <p className="dialog-note">
            Everything tagged “{removed.path}” will be tagged “{kept.path}”, and “{removed.path}”
            leaves the codebook
            {workspace.tags.some((candidate) => candidate.parentId === removed.id)
              ? `; its sub-tags move under “${kept.path}”`
              : ''}
            . Undo brings it back.
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !kept || !removed}
          >
            Merge tags
          </button>
        </div>
      </form>
    </Dialog>
  )
}
