import { useEffect, useState } from 'react'
import type { RequestInput } from '../../../../shared/contract'
import {
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  SOURCE_KINDS,
  type Reliability,
  type SourceKind
} from '../../../../shared/domain'
import type { Source } from '../../../../shared/types'
import { call } from '../../api'
import { SelectField, TextField, type SelectOption } from '../details/fields'
import type { FieldsProps } from '../records/types'
import { SOURCE_KIND_LABELS } from './cells'

type SourceChanges = RequestInput<'sources.update'>['changes']

const kindOptions: SelectOption<SourceKind>[] = SOURCE_KINDS.map((kind) => ({
  value: kind,
  label: SOURCE_KIND_LABELS[kind]
}))

const reliabilityOptions: SelectOption<Reliability | null>[] = [
  { value: null, label: 'Not graded' },
  ...RELIABILITY_GRADES.map((grade) => ({
    value: grade,
    label: `${grade} — ${RELIABILITY_LABELS[grade]}`
  }))
]

const orNull = (text: string) => (text.trim() === '' ? null : text)

/** Sources offered as an origin: the first 1,000 by title, and the current one if further. */
function useOriginOptions(row: Source): SelectOption<string | null>[] {
  const [sources, setSources] = useState<Source[]>([])
  useEffect(() => {
    let live = true
    void (async () => {
      const page = await call('sources.list', {
        offset: 0,
        limit: 1000,
        sort: [{ field: 'title', direction: 'asc' }]
      })
      const list = page.rows.filter((source) => source.id !== row.id)
      if (row.originId && !list.some((source) => source.id === row.originId)) {
        list.push(await call('sources.get', { id: row.originId }))
      }
      if (live) setSources(list)
    })().catch(() => {
      if (live) setSources([])
    })
    return () => {
      live = false
    }
  }, [row.id, row.originId])
  const seen = new Set<string>()
  const options: SelectOption<string | null>[] = [{ value: null, label: 'None (independent)' }]
  for (const source of sources) {
    // Labels are the options' keys: two sources of one title are told apart by date and id.
    let label = source.publishedAt ? `${source.title} (${source.publishedAt})` : source.title
    if (seen.has(label)) label = `${label} · ${source.id.slice(0, 8)}`
    seen.add(label)
    options.push({ value: source.id, label })
  }
  return options
}

export function SourceFields({ row, onSaved }: FieldsProps<Source>) {
  const originOptions = useOriginOptions(row)
  const save = async (changes: SourceChanges) => {
    const saved = await call('sources.update', { id: row.id, changes })
    onSaved(saved)
  }
  return (
    <div className="detail-fields">
      <TextField label="Title" value={row.title} multiline onCommit={(title) => save({ title })} />
      <TextField
        label="URL"
        value={row.url}
        wide
        inputMode="url"
        placeholder="https://"
        onCommit={(url) => save({ url: orNull(url) })}
      />
      <TextField
        label="Publisher"
        value={row.publisher}
        onCommit={(publisher) => save({ publisher: orNull(publisher) })}
      />
      <TextField
        label="Author"
        value={row.author}
        onCommit={(author) => save({ author: orNull(author) })}
      />
      <TextField
        label="Published"
        value={row.publishedAt}
        placeholder="YYYY-MM-DD"
        inputMode="numeric"
        onCommit={(publishedAt) => save({ publishedAt: orNull(publishedAt) })}
      />
      <TextField
        label="Language"
        value={row.language}
        placeholder="en, de, vi…"
        onCommit={(language) => save({ language: orNull(language) })}
      />
      <SelectField
        label="Kind"
        value={row.kind}
        options={kindOptions}
        onCommit={(kind) => save({ kind })}
      />
      <SelectField
        label="Reliability"
        value={row.reliability}
        options={reliabilityOptions}
        onCommit={(reliability) => save({ reliability })}
      />
      <SelectField
        label="Same origin as"
        value={row.originId}
        options={originOptions}
        wide
        onCommit={(originId) => save({ originId })}
      />
    </div>
  )
}
