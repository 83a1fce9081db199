import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { StoredBriefing } from '../../../../shared/briefingTypes'
import {
  BRIEFING_GROUPINGS,
  type BriefingGrouping,
  type BriefingOptionsInput
} from '../../../../shared/contractExports'
import type { BriefingHtml } from '../../../../shared/exportTypes'
import { call, errorMessage } from '../../api'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { useWorkspace } from '../../workspace'
import { JudgementsFields, type JudgementDraft } from './JudgementsFields'
import { scopeOf, type ExportScopeInput, type GridView, type ScopeChoice } from './scopes'
import { StoredBriefings, type StoredStatus } from './StoredBriefings'
import {
  downloadBriefingDocx,
  downloadBriefingPdf,
  isDesktop,
  saveBriefingDocxInApp,
  saveBriefingInApp
} from './transport'

type Include = NonNullable<BriefingOptionsInput['include']>
type IncludeKey = keyof Include

const INCLUDES: Array<{ key: IncludeKey; label: string }> = [
  { key: 'statusAndCredibility', label: 'Status and credibility' },
  { key: 'citations', label: 'Citations with quotes' },
  { key: 'sourceReliability', label: 'Source reliability' },
  { key: 'notes', label: 'Analyst notes' },
  { key: 'relations', label: 'Related claims' },
  { key: 'figureConflicts', label: 'Figures the sources disagree on' }
]

const GROUP_LABELS: Record<BriefingGrouping, string> = {
  tag: 'Tag',
  status: 'Status',
  source: 'Source',
  none: 'No grouping'
}

const PREVIEW_DELAY_MS = 350
const REMEMBERED = 'attest.briefing.byline'

type Byline = { author: string; classification: string }

/** The form's scope: the grid's, or the one a stored briefing was saved with. */
type BriefingScopeChoice = ScopeChoice | 'saved'

const ALL_INCLUDED: Include = {
  statusAndCredibility: true,
  citations: true,
  sourceReliability: true,
  notes: true,
  relations: true,
  figureConflicts: true
}

/** The stored briefing last picked or saved in this project, so the dialog reopens on it. */
const lastUsedKey = (projectPath: string): string => `attest.briefing.last:${projectPath}`

function readLastUsed(projectPath: string): string | null {
  try {
    return localStorage.getItem(lastUsedKey(projectPath))
  } catch {
    return null
  }
}

function writeLastUsed(projectPath: string, id: string | null): void {
  try {
    if (id) localStorage.setItem(lastUsedKey(projectPath), id)
    else localStorage.removeItem(lastUsedKey(projectPath))
  } catch {
    // Not remembered; the dialog opens on a new briefing.
  }
}

function savedScopeLabel(scope: ExportScopeInput): string {
  if (scope.type === 'ids') return `The ${plural(scope.ids.length, 'claim')} saved with it`
  const ids = (scope as { filter?: { ids?: unknown } }).filter?.ids
  if (Array.isArray(ids)) return `The ${plural(ids.length, 'row')} picked when it was saved`
  return scope.type === 'sources'
    ? 'Claims citing the sources of the view it was saved with'
    : 'Claims in the view it was saved with'
}

function rememberedByline(): Byline {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REMEMBERED) ?? 'null')
    if (typeof parsed === 'object' && parsed !== null) {
      const { author, classification } = parsed as Partial<Byline>
      return {
        author: typeof author === 'string' ? author : '',
        classification: typeof classification === 'string' ? classification : 'OFFICIAL'
      }
    }
  } catch {
    // Storage unavailable or unreadable: defaults.
  }
  return { author: '', classification: 'OFFICIAL' }
}

function remember(byline: Byline): void {
  try {
    localStorage.setItem(REMEMBERED, JSON.stringify(byline))
  } catch {
    // Not remembered; nothing else depends on it.
  }
}

type Preview =
  | { status: 'loading' }
  | { status: 'ready'; briefing: BriefingHtml }
  | { status: 'failed'; message: string }

type Saved =
  | { status: 'idle' | 'saving' }
  | { status: 'done'; message: string }
  | {
      status: 'failed'
      message: string
    }

const plural = (count: number, one: string): string =>
  `${count.toLocaleString()} ${one}${count === 1 ? '' : 's'}`

type BriefingPanelProps = { view: GridView; onClose: () => void }

/** A PDF briefing: the options on the left, a live, script-free preview on the right. */
export function BriefingPanel({ view, onClose }: BriefingPanelProps) {
  const { info, tags, changed, undo, revision } = useWorkspace()
  const defaultTitle = `${info.name}: briefing`
  const [title, setTitle] = useState(defaultTitle)
  const [byline, setByline] = useState<Byline>(rememberedByline)
  const gridChoice: ScopeChoice = view.selectedIds.length > 0 ? 'selected' : 'view'
  const [choice, setChoice] = useState<BriefingScopeChoice>(gridChoice)
  const [savedScope, setSavedScope] = useState<ExportScopeInput | null>(null)
  const [tagId, setTagId] = useState<string | null>(null)
  const [groupBy, setGroupBy] = useState<BriefingGrouping>('tag')
  const [include, setInclude] = useState<Include>(ALL_INCLUDED)
  const [bottomLine, setBottomLine] = useState('')
  const [judgements, setJudgements] = useState<JudgementDraft[]>([])
  const [preview, setPreview] = useState<Preview>({ status: 'loading' })
  const [saved, setSaved] = useState<Saved>({ status: 'idle' })
  const [stored, setStored] = useState<StoredBriefing[]>([])
  const [storedId, setStoredId] = useState<string | null>(null)
  const [storedStatus, setStoredStatus] = useState<StoredStatus>({ status: 'idle' })
  const ids = {
    title: useId(),
    author: useId(),
    classification: useId(),
    scope: useId(),
    tag: useId(),
    group: useId()
  }

  const effectiveTag = tagId ?? tags[0]?.id ?? null
  const options: BriefingOptionsInput = useMemo(
    () => ({
      title: title.trim() || 'Briefing',
      author: byline.author,
      classification: byline.classification,
      scope:
        choice === 'saved'
          ? (savedScope ?? scopeOf(view, gridChoice, effectiveTag))
          : scopeOf(view, choice, effectiveTag),
      groupBy,
      include,
      bottomLine: bottomLine.trim(),
      judgements: judgements
        .filter((judgement) => judgement.text.trim() !== '')
        .map((judgement) => ({
          text: judgement.text.trim(),
          confidence: judgement.confidence,
          claimIds: judgement.claimIds
        }))
    }),
    [
      title,
      byline,
      view,
      choice,
      savedScope,
      gridChoice,
      effectiveTag,
      groupBy,
      include,
      bottomLine,
      judgements
    ]
  )

  /** Fills the form from a stored briefing, or empties it for a new one. */
  const fill = useCallback(
    (briefing: StoredBriefing | null) => {
      setStoredId(briefing?.id ?? null)
      writeLastUsed(info.path, briefing?.id ?? null)
      if (!briefing) {
        setTitle(defaultTitle)
        setByline(rememberedByline())
        setBottomLine('')
        setJudgements([])
        setChoice(gridChoice)
        setSavedScope(null)
        setGroupBy('tag')
        setInclude(ALL_INCLUDED)
        return
      }
      setTitle(briefing.title)
      setByline({ author: briefing.author, classification: briefing.classification })
      setBottomLine(briefing.bottomLine)
      setJudgements(
        briefing.judgements.map((judgement) => ({
          text: judgement.text,
          confidence: judgement.confidence,
          claimIds: judgement.claimIds
        }))
      )
      const scope = briefing.scope
      if (scope.type === 'all') {
        setChoice('all')
        setSavedScope(null)
      } else if (scope.type === 'tag') {
        setChoice('tag')
        setTagId(scope.tagId)
        setSavedScope(null)
      } else {
        setChoice('saved')
        setSavedScope(scope)
      }
      setGroupBy(briefing.groupBy)
      setInclude({ ...ALL_INCLUDED, ...briefing.include })
    },
    [info.path, defaultTitle, gridChoice]
  )

  // The stored briefings, again after undo or redo; the last one used opens on first read.
  const firstRead = useRef(true)
  useEffect(() => {
    let current = true
    call('briefings.list', {}).then(
      (list) => {
        if (!current) return
        setStored(list)
        if (firstRead.current) {
          firstRead.current = false
          const last = readLastUsed(info.path)
          const found = list.find((briefing) => briefing.id === last)
          if (found) fill(found)
        }
      },
      (error: unknown) => {
        if (current) setStoredStatus({ status: 'failed', message: errorMessage(error) })
      }
    )
    return () => {
      current = false
    }
    // Only a revision (undo, redo) reads the list again; the first read opens the last used.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision])

  const pick = (id: string | null) => {
    setStoredStatus({ status: 'idle' })
    fill(stored.find((briefing) => briefing.id === id) ?? null)
  }

  const keep = async () => {
    setStoredStatus({ status: 'busy' })
    try {
      const briefing = storedId
        ? await call('briefings.update', { id: storedId, changes: options })
        : await call('briefings.create', options)
      const list = await call('briefings.list', {})
      setStored(list)
      setStoredId(briefing.id)
      writeLastUsed(info.path, briefing.id)
      setStoredStatus({
        status: 'done',
        message: `“${briefing.title}” is saved in the project`
      })
      changed()
    } catch (error) {
      setStoredStatus({ status: 'failed', message: errorMessage(error) })
    }
  }

  const remove = async () => {
    if (!storedId) return
    const gone = stored.find((briefing) => briefing.id === storedId)
    setStoredStatus({ status: 'busy' })
    try {
      await call('briefings.delete', { id: storedId })
      setStored(await call('briefings.list', {}))
      fill(null)
      setStoredStatus({
        status: 'done',
        message: `Deleted “${gone?.title ?? 'the briefing'}”`,
        undoable: true
      })
      changed()
    } catch (error) {
      setStoredStatus({ status: 'failed', message: errorMessage(error) })
    }
  }

  const undoDelete = async () => {
    await undo()
    const list = await call('briefings.list', {}).catch(() => stored)
    setStored(list)
    setStoredStatus({ status: 'idle' })
    // The briefing just deleted is back: show it again.
    const back = list.find((briefing) => !stored.some((known) => known.id === briefing.id))
    if (back) fill(back)
  }
  const settled = useDebouncedValue(JSON.stringify(options), PREVIEW_DELAY_MS)

  useEffect(() => {
    let current = true
    // The previous preview stays up until the next one is ready: no flicker while typing.
    const input = JSON.parse(settled) as BriefingOptionsInput
    call('briefing.html', { ...input, fonts: 'inline' }).then(
      (briefing) => {
        if (current) setPreview({ status: 'ready', briefing })
      },
      (error: unknown) => {
        if (current) setPreview({ status: 'failed', message: errorMessage(error) })
      }
    )
    return () => {
      current = false
    }
  }, [settled])

  const scopeChoices: Array<{ choice: BriefingScopeChoice; label: string; disabled: boolean }> = [
    ...(savedScope
      ? [{ choice: 'saved' as const, label: savedScopeLabel(savedScope), disabled: false }]
      : []),
    {
      choice: 'view',
      label:
        view.grid === 'claims'
          ? `Claims in the current view${view.total === null ? '' : ` (${view.total.toLocaleString()})`}`
          : 'Claims citing the sources in the current view',
      disabled: false
    },
    {
      choice: 'selected',
      label:
        view.grid === 'claims'
          ? `Selected claims (${view.selectedIds.length.toLocaleString()})`
          : `Claims citing the selected sources (${view.selectedIds.length.toLocaleString()})`,
      disabled: view.selectedIds.length === 0
    },
    { choice: 'tag', label: 'Claims with a tag', disabled: tags.length === 0 },
    { choice: 'all', label: 'All claims', disabled: false }
  ]

  const save = async () => {
    setSaved({ status: 'saving' })
    remember(byline)
    try {
      if (isDesktop()) {
        const result = await saveBriefingInApp(options)
        setSaved(
          result.saved && result.path
            ? {
                status: 'done',
                message: `Saved a ${result.pages}-page briefing to ${result.path}`
              }
            : { status: 'idle' }
        )
        return
      }
      const fileName = preview.status === 'ready' ? preview.briefing.fileName : 'Briefing.pdf'
      const { pages } = await downloadBriefingPdf(options, fileName)
      setSaved({
        status: 'done',
        message: `Downloaded a ${pages}-page briefing as ${fileName}`
      })
    } catch (error) {
      setSaved({ status: 'failed', message: errorMessage(error) })
    }
  }

  const saveDocx = async () => {
    setSaved({ status: 'saving' })
    remember(byline)
    try {
      if (isDesktop()) {
        const result = await saveBriefingDocxInApp(options)
        setSaved(
          result.saved && result.path
            ? { status: 'done', message: `Saved the briefing as a Word document to ${result.path}` }
            : { status: 'idle' }
        )
        return
      }
      const { fileName } = await downloadBriefingDocx(options)
      setSaved({ status: 'done', message: `Downloaded the briefing as ${fileName}` })
    } catch (error) {
      setSaved({ status: 'failed', message: errorMessage(error) })
    }
  }

  const summary =
    preview.status === 'ready'
      ? [
          plural(preview.briefing.claims, 'claim'),
          plural(preview.briefing.sources, 'source'),
          plural(preview.briefing.citations, 'citation')
        ].join(' · ')
      : preview.status === 'loading'
        ? 'Preparing preview…'
        : ''
  const canSave = title.trim() !== '' && preview.status === 'ready' && saved.status !== 'saving'

  return (
    <div className="export-briefing">
      <div className="export-briefing-form">
        <StoredBriefings
          briefings={stored}
          selectedId={storedId}
          status={storedStatus}
          canSave={title.trim() !== ''}
          onPick={pick}
          onSave={() => void keep()}
          onDelete={() => void remove()}
          onUndo={() => void undoDelete()}
        />
        <label className="field-label" htmlFor={ids.title}>
          Title
        </label>
        <input
          id={ids.title}
          className="field-input"
          value={title}
          maxLength={300}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={title.trim() === '' || undefined}
        />
        <div className="export-two">
          <div>
            <label className="field-label" htmlFor={ids.author}>
              Author or unit
            </label>
            <input
              id={ids.author}
              className="field-input"
              value={byline.author}
              maxLength={300}
              placeholder="e.g. Asia desk"
              onChange={(event) => setByline({ ...byline, author: event.target.value })}
            />
          </div>
          <div>
            <label className="field-label" htmlFor={ids.classification}>
              Classification
            </label>
            <input
              id={ids.classification}
              className="field-input"
              value={byline.classification}
              maxLength={120}
              placeholder="e.g. OFFICIAL-SENSITIVE"
              onChange={(event) => setByline({ ...byline, classification: event.target.value })}
            />
          </div>
        </div>

        <JudgementsFields
          bottomLine={bottomLine}
          judgements={judgements}
          onBottomLine={setBottomLine}
          onJudgements={setJudgements}
          scope={options.scope ?? { type: 'all' }}
        />

        <fieldset className="export-fieldset">
          <legend className="field-label" id={ids.scope}>
            Claims
          </legend>
          <div role="radiogroup" aria-labelledby={ids.scope} className="export-compact">
            {scopeChoices.map((option) => (
              <label
                key={option.choice}
                className="radio-row"
                data-disabled={option.disabled || undefined}
              >
                <input
                  type="radio"
                  name="briefing-scope"
                  value={option.choice}
                  disabled={option.disabled}
                  checked={choice === option.choice}
                  onChange={() => setChoice(option.choice)}
                />
                {option.label}
              </label>
            ))}
          </div>
          {choice === 'tag' ? (
            <select
              id={ids.tag}
              aria-label="Tag"
              className="field-input export-select export-indent"
              value={effectiveTag ?? ''}
              onChange={(event) => setTagId(event.target.value)}
            >
              {tags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.path}
                </option>
              ))}
            </select>
          ) : null}
        </fieldset>

        <div className="export-format-row export-group-row">
          <label className="export-inline-label" htmlFor={ids.group}>
            Group by
          </label>
          <select
            id={ids.group}
            className="field-input export-select"
            value={groupBy}
            onChange={(event) => {
              const next = BRIEFING_GROUPINGS.find((value) => value === event.target.value)
              if (next) setGroupBy(next)
            }}
          >
            {BRIEFING_GROUPINGS.map((value) => (
              <option key={value} value={value}>
                {GROUP_LABELS[value]}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="export-fieldset">
          <legend className="field-label">Include</legend>
          <div className="export-includes">
            {INCLUDES.map(({ key, label }) => (
              <label key={key} className="export-check">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={include[key] ?? true}
                  onChange={(event) => setInclude({ ...include, [key]: event.target.checked })}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <section className="export-preview" aria-label="Preview">
        <div className="export-preview-head">
          <span className="export-preview-title">Preview</span>
          <span className="export-preview-summary" aria-live="polite">
            {summary}
          </span>
        </div>
        <div className="export-preview-page" aria-busy={preview.status === 'loading'}>
          {preview.status === 'failed' ? (
            <p className="export-preview-message" role="alert">
              {preview.message}
            </p>
          ) : preview.status === 'ready' ? (
            <iframe
              className="export-preview-frame"
              title="Briefing preview"
              sandbox=""
              srcDoc={preview.briefing.html}
            />
          ) : null}
        </div>
      </section>

      <div className="export-briefing-actions">
        {saved.status === 'done' ? (
          <p className="export-outcome export-outcome-ok" role="status">
            {saved.message}
          </p>
        ) : saved.status === 'failed' ? (
          <p className="form-error export-inline-error" role="alert">
            {saved.message}
          </p>
        ) : (
          <span className="dialog-hint">
            {saved.status === 'saving'
              ? 'Writing the briefing…'
              : 'A4 PDF, fonts embedded, or Word'}
          </span>
        )}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void saveDocx()}
          disabled={!canSave}
          title="An editable Word document (.docx) of the same briefing"
        >
          Save Word
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void save()}
          disabled={!canSave}
        >
          {saved.status === 'saving' ? 'Saving…' : 'Save PDF'}
        </button>
      </div>
    </div>
  )
}
