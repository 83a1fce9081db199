import { useId, useMemo } from 'react'
import type { ReactNode } from 'react'
import type { ClutterRange } from '../../../../shared/documentTypes'
import {
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  SOURCE_KINDS,
  type Reliability,
  type SourceKind
} from '../../../../shared/domain'
import { languageName } from '../reader/format'
import { WarningIcon } from '../reader/icons'
import { textWithoutRanges } from '../../../../shared/text'
import { CLUTTER_LABELS } from '../reader/textLayout'
import { fieldErrors, type CheckedField, type DraftFields, type ImportItem } from './useImportQueue'

const KIND_LABELS: Record<SourceKind, string> = {
  article: 'Article',
  report: 'Report',
  interview: 'Interview',
  dataset: 'Dataset',
  other: 'Other'
}

const PREVIEW_CHARS = 8_000

type Props = {
  item: ImportItem
  onFields: (change: Partial<DraftFields>) => void
  onDecide: (decision: ImportItem['decision']) => void
  onRemove: () => void
  onOpenExisting: (sourceId: string) => void
}

function clutterSummary(clutter: readonly ClutterRange[]): string | null {
  if (clutter.length === 0) return null
  const kinds = [...new Set(clutter.map((range) => CLUTTER_LABELS[range.reason].toLowerCase()))]
  const what = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : kinds[0]
  return `Set aside in the clean view: ${what}. The stored text keeps them.`
}

function TextField({
  label,
  value,
  error,
  hint,
  placeholder,
  wide,
  onChange,
  inputMode
}: {
  label: string
  value: string
  error?: string
  hint?: ReactNode
  placeholder?: string
  wide?: boolean
  onChange: (value: string) => void
  inputMode?: 'url' | 'text'
}) {
  const id = useId()
  const errorId = useId()
  return (
    <div className={wide ? 'import-field import-field-wide' : 'import-field'}>
      <label className="import-field-label" htmlFor={id}>
        {label}
        {hint ? <span className="import-field-hint">{hint}</span> : null}
      </label>
      <input
        id={id}
        className="field-input"
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <span id={errorId} className="import-field-error">
          {error}
        </span>
      ) : null}
    </div>
  )
}

function SelectField<T extends string>({
  label,
  value,
  options,
  onChange
}: {
  label: string
  value: T
  options: { value: T; label: string }[]
  onChange: (value: T) => void
}) {
  const id = useId()
  return (
    <div className="import-field">
      <label className="import-field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field-input import-select"
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value)
          if (chosen) onChange(chosen.value)
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

const kindOptions = SOURCE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))
const NOT_GRADED = 'none'
const reliabilityOptions: { value: Reliability | typeof NOT_GRADED; label: string }[] = [
  { value: NOT_GRADED, label: 'Not graded' },
  ...RELIABILITY_GRADES.map((grade) => ({
    value: grade,
    label: `${grade} — ${RELIABILITY_LABELS[grade]}`
  }))
]

function DuplicateNotice({
  item,
  onDecide,
  onRemove,
  onOpenExisting
}: Pick<Props, 'item' | 'onDecide' | 'onRemove' | 'onOpenExisting'>) {
  const duplicate = item.duplicate
  if (!duplicate) return null
  // “Title.”. reads badly: a title's own full stop is left out inside the quotes.
  const title = duplicate.title.replace(/[.。]\s*$/u, '')
  const where = duplicate.id
    ? duplicate.trashed
      ? `The same text is in the project’s Trash as “${title}”.`
      : `The same text is already in the project as “${title}”.`
    : `The same text is also in “${title}” in this import.`
  if (item.decision === 'import') {
    return (
      <div className="import-notice import-notice-quiet" role="status">
        <span>{where} It will be imported again.</span>
        <button type="button" className="link-button" onClick={() => onDecide('ask')}>
          Change
        </button>
      </div>
    )
  }
  return (
    <div className="import-notice" role="group" aria-label="Duplicate">
      <WarningIcon />
      <div className="import-notice-body">
        <p className="import-notice-title">{where}</p>
        <p className="import-notice-text">What should happen with this document?</p>
        <div className="import-notice-actions">
          {duplicate.id && !duplicate.trashed ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => duplicate.id && onOpenExisting(duplicate.id)}
            >
              Open existing
            </button>
          ) : null}
          <button type="button" className="button button-small" onClick={() => onDecide('import')}>
            Import anyway
          </button>
          <button type="button" className="button button-small" onClick={onRemove}>
            Skip
          </button>
        </div>
      </div>
    </div>
  )
}

/** One document of an import: what was found, editable, and a preview of its cleaned text. */
export function DraftEditor({ item, onFields, onDecide, onRemove, onOpenExisting }: Props) {
  const errors = useMemo(() => fieldErrors(item.fields), [item.fields])
  const preview = useMemo(() => {
    if (!item.draft) return ''
    const text = textWithoutRanges(item.draft.content, item.draft.clutter)
    return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text
  }, [item.draft])
  const previewId = useId()

  if (item.status === 'reading') {
    return (
      <div className="import-reading" aria-busy="true">
        Reading {item.label}…
      </div>
    )
  }
  if (item.status === 'failed' || !item.draft) {
    return (
      <div className="import-failed" role="alert">
        <WarningIcon />
        <div>
          <p className="import-notice-title">{item.label} cannot be imported</p>
          <p className="import-notice-text">{item.error ?? 'The document could not be read.'}</p>
          <button type="button" className="button button-small" onClick={onRemove}>
            Remove from the list
          </button>
        </div>
      </div>
    )
  }

  const { fields } = item
  const set =
    (name: CheckedField) =>
    (value: string): void =>
      onFields({ [name]: value })
  const summary = clutterSummary(item.draft.clutter)
  const language = fields.language.trim()

  return (
    <div className="draft-editor">
      <DuplicateNotice
        item={item}
        onDecide={onDecide}
        onRemove={onRemove}
        onOpenExisting={onOpenExisting}
      />
      {item.saveError ? (
        <p className="form-error" role="alert">
          {item.saveError}
        </p>
      ) : null}
      <div className="import-fields">
        <TextField
          label="Title"
          value={fields.title}
          error={errors.title}
          wide
          onChange={set('title')}
        />
        <TextField
          label="URL"
          value={fields.url}
          error={errors.url}
          placeholder="https://"
          inputMode="url"
          wide
          onChange={set('url')}
        />
        <TextField
          label="Publisher"
          value={fields.publisher}
          error={errors.publisher}
          onChange={set('publisher')}
        />
        <TextField
          label="Author"
          value={fields.author}
          error={errors.author}
          onChange={set('author')}
        />
        <TextField
          label="Published"
          value={fields.publishedAt}
          error={errors.publishedAt}
          placeholder="YYYY-MM-DD"
          onChange={set('publishedAt')}
        />
        <TextField
          label="Language"
          value={fields.language}
          error={errors.language}
          placeholder="en, de, nb, vi…"
          hint={language && !errors.language ? languageName(language) : null}
          onChange={set('language')}
        />
        <SelectField
          label="Kind"
          value={fields.kind}
          options={kindOptions}
          onChange={(kind) => onFields({ kind })}
        />
        <SelectField
          label="Reliability"
          value={fields.reliability ?? NOT_GRADED}
          options={reliabilityOptions}
          onChange={(value) => onFields({ reliability: value === NOT_GRADED ? null : value })}
        />
      </div>
      <div className="import-preview-head">
        <h3 id={previewId} className="import-preview-title">
          Cleaned text
        </h3>
        <span className="import-preview-meta">
          {item.draft.content.length.toLocaleString()} characters · {item.draft.format}
        </span>
      </div>
      {summary ? <p className="import-preview-note">{summary}</p> : null}
      <div
        className="import-preview"
        role="document"
        aria-labelledby={previewId}
        tabIndex={0}
        lang={language || undefined}
      >
        {preview}
      </div>
    </div>
  )
}
