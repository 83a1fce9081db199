import { useMemo } from 'react'
import type { CustomFilterProps } from 'ag-grid-react'
import { TagDot } from '../../features/tags/TagChip'
import { useWorkspace } from '../../workspace'
import type { SetFilterModel } from '../datasource'
import { Checklist, type ChecklistOption } from './ChecklistFilter'

/** The codebook as a checklist; a tag also finds what is tagged with its sub-tags. */
export function TagFilter(props: CustomFilterProps<unknown, unknown, SetFilterModel>) {
  const { tagNodes } = useWorkspace()
  const options = useMemo<ChecklistOption[]>(
    () =>
      tagNodes.map(({ tag, depth }) => ({
        value: tag.id,
        label: tag.path,
        depth,
        content: (
          <span className="filter-tag">
            <TagDot colour={tag.colour} />
            <span>{tag.name}</span>
          </span>
        )
      })),
    [tagNodes]
  )
  return (
    <Checklist
      model={props.model}
      onModelChange={props.onModelChange}
      colDef={props.colDef}
      options={options}
      searchable
      hint="Sub-tags included"
    />
  )
}
