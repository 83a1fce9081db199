import { useId, useState } from 'react'
import { call } from '../../api'
import type { Source } from '../../../../shared/types'
import { FormDialog } from '../records/FormDialog'

type Props = { onClose: () => void; onCreated: (source: Source) => void }

export function NewSourceDialog({ onClose, onCreated }: Props) {
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const titleId = useId()
  const urlId = useId()

  return (
    <FormDialog
      title="New source"
      submitLabel="Create"
      canSubmit={title.trim().length > 0}
      onClose={onClose}
      onSubmit={async () => onCreated(await call('sources.create', { title, url: url || null }))}
    >
      <label className="field-label" htmlFor={titleId}>
        Title
      </label>
      <input
        id={titleId}
        className="field-input"
        value={title}
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
      />
      <label className="field-label" htmlFor={urlId}>
        URL <span className="field-optional">optional</span>
      </label>
      <input
        id={urlId}
        className="field-input"
        type="url"
        inputMode="url"
        placeholder="https://"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
    </FormDialog>
  )
}
