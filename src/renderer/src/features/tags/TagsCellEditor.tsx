import { useCallback, useState } from 'react'
import type { CustomCellEditorProps } from 'ag-grid-react'
import type { SuppressKeyboardEventParams } from 'ag-grid-community'
import type { Tag, TagRef } from '../../../../shared/types'
import { useWorkspace } from '../../workspace'
import { TagPicker, type TagState } from './TagPicker'

export type TagRecords = (
  ids: string[],
  tagId: string,
  tagged: boolean
) => Promise<{ changed: number }>

export type TagsCellEditorParams = { tagRecords: TagRecords }

const toRef = (tag: Tag): TagRef => ({
  id: tag.id,
  name: tag.name,
  path: tag.path,
  colour: tag.colour
})

/**
 * The Tags cell's editor: each pick toggles the tag on the row at once (the core has it
 * before the popup closes). The cell's new value is what the editor last saw; the grid then
 * reloads the row from the core, so it shows exactly what was stored.
 */
export function TagsCellEditor(
  props: CustomCellEditorProps<{ id: string }, TagRef[]> & TagsCellEditorParams
) {
  const { value, data, onValueChange, stopEditing, tagRecords } = props
  const workspace = useWorkspace()
  const [current, setCurrent] = useState<TagRef[]>(() => value ?? [])

  const stateOf = useCallback(
    (tag: Tag): TagState => (current.some((ref) => ref.id === tag.id) ? 'on' : 'off'),
    [current]
  )

  const pick = async (tag: Tag) => {
    const tagged = !current.some((ref) => ref.id === tag.id)
    await tagRecords([data.id], tag.id, tagged)
    const next = tagged
      ? [...current, toRef(tag)].sort((a, b) => a.path.localeCompare(b.path))
      : current.filter((ref) => ref.id !== tag.id)
    setCurrent(next)
    onValueChange(next)
    workspace.changed()
  }

  return (
    <div className="tags-editor">
      <TagPicker
        label="Find or create a tag"
        stateOf={stateOf}
        onPick={pick}
        // Every pick is already saved: Escape closes the editor and keeps them.
        onEscape={() => stopEditing()}
      />
      <div className="tags-editor-hint">
        <kbd>↵</kbd> toggle · <kbd>Esc</kbd> done
      </div>
    </div>
  )
}

/** While the tag editor is open, Enter and Escape belong to it, not to the grid. */
export function suppressTagEditorKeys(params: SuppressKeyboardEventParams): boolean {
  return params.editing && (params.event.key === 'Enter' || params.event.key === 'Escape')
}
