import { useId, useState } from 'react'
import { EXPORT_KINDS, type ExportKind } from '../../../../shared/contractExports'
import {
  DELIMITERS,
  countOf,
  scopeOf,
  scopeOptions,
  type Delimiter,
  type GridView,
  type ScopeChoice
} from './scopes'
import { isDesktop } from './transport'
import { useExportJob, type JobState } from './useExportJob'

const KIND_LABELS: Record<ExportKind, string> = {
  claims: 'Claims',
  sources: 'Sources',
  citations: 'Citations',
  tags: 'Tags'
}

const KIND_DETAILS: Record<ExportKind, string> = {
  claims: 'Text, status, grades, tags, sources and dates',
  sources: 'Title, URL, publisher, reliability, tags and counts',
  citations: 'Each quote with its claim, source, stance and locator',
  tags: 'The codebook: paths, colours and how often each is used'
}

function Progress({ state }: { state: Extract<JobState, { phase: 'running' }> }) {
  const known = state.total > 0
  const percent = known ? Math.min(100, Math.round((state.rows / state.total) * 100)) : 0
  return (
    <div className="export-progress">
      <div
        className="export-progress-track"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={known ? state.total : undefined}
        aria-valuenow={known ? state.rows : undefined}
        aria-valuetext={
          known
            ? `${state.rows.toLocaleString()} of ${countOf(state.total, state.what)}`
            : 'Starting'
        }
      >
        <div className="export-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="export-progress-text">
        {known
          ? `${state.rows.toLocaleString()} of ${countOf(state.total, state.what)} · ${percent}%`
          : 'Starting…'}
      </span>
    </div>
  )
}

function Outcome({ state }: { state: JobState }) {
  switch (state.phase) {
    case 'done':
      return (
        <p className="export-outcome export-outcome-ok" role="status">
          {state.path
            ? `Saved ${countOf(state.rows, state.what)} to ${state.path}`
            : `Downloaded ${countOf(state.rows, state.what)} as ${state.fileName}`}
        </p>
      )
    case 'ready':
      return (
        <p className="export-outcome" role="status">
          {`${countOf(state.rows, state.what)} ready — choose where to save the file.`}
        </p>
      )
    case 'saving':
      return (
        <p className="export-outcome" role="status">
          {isDesktop() ? 'Choose where to save the file…' : 'Downloading…'}
        </p>
      )
    case 'cancelled':
      return (
        <p className="export-outcome" role="status">
          Export cancelled; nothing was saved.
        </p>
      )
    case 'failed':
      return (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )
    default:
      return null
  }
}

type CsvPanelProps = { view: GridView; onClose: () => void }

/** CSV: what to export, which rows, and how the file is written; then a job with progress. */
export function CsvPanel({ view, onClose }: CsvPanelProps) {
  const [what, setWhat] = useState<ExportKind>(view.grid)
  const [choice, setChoice] = useState<ScopeChoice>(
    view.selectedIds.length > 0 ? 'selected' : 'view'
  )
  const [delimiter, setDelimiter] = useState<Delimiter>(',')
  const [bom, setBom] = useState(true)
  const { state, start, cancel, retrySave } = useExportJob()
  const ids = { what: useId(), scope: useId(), delimiter: useId(), bom: useId() }
  const options = scopeOptions(what, view)
  const effectiveChoice = options.find((option) => option.choice === choice && !option.disabled)
    ? choice
    : 'view'
  const busy = state.phase === 'running' || state.phase === 'saving'

  const onExport = () => {
    if (state.phase === 'ready') {
      void retrySave()
      return
    }
    void start({ what, scope: scopeOf(view, effectiveChoice, null), delimiter, bom })
  }

  return (
    <div className="export-csv">
      <fieldset className="export-fieldset" disabled={busy}>
        <legend className="field-label" id={ids.what}>
          Records
        </legend>
        <div className="export-choices" role="radiogroup" aria-labelledby={ids.what}>
          {EXPORT_KINDS.map((kind) => (
            <label key={kind} className="export-choice">
              <input
                type="radio"
                name="export-what"
                value={kind}
                checked={what === kind}
                onChange={() => setWhat(kind)}
              />
              <span className="export-choice-text">
                <span className="export-choice-label">{KIND_LABELS[kind]}</span>
                <span className="export-choice-detail">{KIND_DETAILS[kind]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="export-fieldset" disabled={busy}>
        <legend className="field-label" id={ids.scope}>
          Rows
        </legend>
        <div
          className="export-choices export-choices-list"
          role="radiogroup"
          aria-labelledby={ids.scope}
        >
          {options.map((option) => (
            <label
              key={option.choice}
              className="export-choice"
              data-disabled={option.disabled || undefined}
            >
              <input
                type="radio"
                name="export-scope"
                value={option.choice}
                disabled={option.disabled}
                checked={effectiveChoice === option.choice}
                onChange={() => setChoice(option.choice)}
              />
              <span className="export-choice-text">
                <span className="export-choice-label">{option.label}</span>
                <span className="export-choice-detail">{option.detail}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="export-fieldset export-format" disabled={busy}>
        <legend className="field-label">File</legend>
        <div className="export-format-row">
          <label className="export-inline-label" htmlFor={ids.delimiter}>
            Delimiter
          </label>
          <select
            id={ids.delimiter}
            className="field-input export-select"
            value={delimiter}
            onChange={(event) => {
              const next = DELIMITERS.find((option) => option.value === event.target.value)
              if (next) setDelimiter(next.value)
            }}
          >
            {DELIMITERS.map((option) => (
              <option key={option.label} value={option.value}>
                {`${option.label} — ${option.detail}`}
              </option>
            ))}
          </select>
        </div>
        <label className="export-check" htmlFor={ids.bom}>
          <input
            id={ids.bom}
            type="checkbox"
            className="checkbox"
            checked={bom}
            onChange={(event) => setBom(event.target.checked)}
          />
          <span>
            Byte order mark
            <span className="export-choice-detail">
              {' '}
              — so Excel reads accents and non-Latin text correctly
            </span>
          </span>
        </label>
      </fieldset>

      <div className="export-status" aria-live="polite">
        {state.phase === 'running' ? <Progress state={state} /> : <Outcome state={state} />}
      </div>

      <div className="dialog-actions">
        <span className="dialog-hint">UTF-8 · one row per record · formulas neutralised</span>
        {state.phase === 'running' ? (
          <button type="button" className="button" onClick={() => void cancel()}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Close
          </button>
        )}
        <button type="button" className="button button-primary" onClick={onExport} disabled={busy}>
          {state.phase === 'ready' ? 'Save file…' : isDesktop() ? 'Export…' : 'Export CSV'}
        </button>
      </div>
    </div>
  )
}
