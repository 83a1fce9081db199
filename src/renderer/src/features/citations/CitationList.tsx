import { useCallback, useEffect, useRef, useState } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import { call, errorMessage } from '../../api'
import { TrashIcon } from '../../components/Icons'
import { useToasts } from '../../components/Toasts'
import { useReaderNavigation } from '../reader/readerNavigation'
import { AnchorBadge, StancePicker, type Stance } from './stance'
import './citations.css'

type Props = {
  claimId: string
  /** Changes whenever the claim's citations may have changed elsewhere (undo, the reader). */
  reloadKey?: string | number
  /** Defaults to opening the reader through the app's reader navigation. */
  onShowInSource?: (citation: Citation) => void
  /** After a citation was changed or deleted. */
  onChanged?: () => void
  /** Reports how many citations there are (for a section heading). */
  onCount?: (count: number) => void
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/** Citations of one claim: the quote, where it is from, how it bears on the claim. */
export function CitationList({ claimId, reloadKey, onShowInSource, onChanged, onCount }: Props) {
  const toasts = useToasts()
  const navigation = useReaderNavigation()
  const [citations, setCitations] = useState<Citation[] | null>(null)
  const [revision, setRevision] = useState(0)
  const countRef = useRef(onCount)
  useEffect(() => {
    countRef.current = onCount
  })

  useEffect(() => {
    let live = true
    call('citations.list', { claimId }).then(
      (list) => {
        if (!live) return
        setCitations(list)
        countRef.current?.(list.length)
      },
      (error: unknown) => {
        if (live) toasts.error(error)
      }
    )
    return () => {
      live = false
    }
  }, [claimId, reloadKey, revision, toasts])

  const refresh = useCallback(() => {
    setRevision((value) => value + 1)
    onChanged?.()
  }, [onChanged])

  const replace = useCallback((updated: Citation) => {
    setCitations((list) => list?.map((c) => (c.id === updated.id ? updated : c)) ?? null)
  }, [])

  const show =
    onShowInSource ??
    (navigation
      ? (citation: Citation) =>
          navigation.openSource(citation.sourceId, { citationId: citation.id })
      : null)

  if (citations === null) return <p className="citation-list-empty">Loading citations…</p>
  if (citations.length === 0) {
    return (
      <p className="citation-list-empty">
        No citations yet. Open a source, select a passage and choose Cite for claim.
      </p>
    )
  }

  return (
    <ul className="citation-list" aria-label="Citations">
      {citations.map((citation) => (
        <CitationItem
          key={citation.id}
          citation={citation}
          onShow={show}
          onUpdated={(updated) => {
            replace(updated)
            onChanged?.()
          }}
          onDeleted={() => {
            toasts.info(`Citation deleted. ${isMac ? '⌘Z' : 'Ctrl+Z'} brings it back.`)
            refresh()
          }}
        />
      ))}
    </ul>
  )
}

function CitationItem({
  citation,
  onShow,
  onUpdated,
  onDeleted
}: {
  citation: Citation
  onShow: ((citation: Citation) => void) | null
  onUpdated: (citation: Citation) => void
  onDeleted: () => void
}) {
  const [locator, setLocator] = useState(citation.locator ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (changes: {
    stance?: Stance
    locator?: string
    note?: string
    translation?: string
  }) => {
    setError(null)
    try {
      onUpdated(await call('citations.update', { id: citation.id, changes }))
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  const remove = async () => {
    setBusy(true)
    try {
      await call('citations.delete', { id: citation.id })
      onDeleted()
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  const orphaned = citation.anchorStatus === 'orphaned'

  return (
    <li
      className="citation"
      data-stance={citation.stance}
      data-anchor={citation.anchorStatus}
      aria-label={`Citation from ${citation.sourceTitle}`}
    >
      <blockquote className="citation-quote" title={citation.quote}>
        {citation.quote}
      </blockquote>
      <div className="citation-source">
        {citation.grade ? (
          <span
            className="grade-badge"
            title="Admiralty grade: source reliability and claim credibility"
          >
            {citation.grade}
          </span>
        ) : null}
        <span className="citation-source-title" title={citation.sourceTitle}>
          {citation.sourceTitle}
        </span>
        <AnchorBadge status={citation.anchorStatus} />
      </div>
      <div className="citation-controls">
        <StancePicker
          size="small"
          value={citation.stance}
          onChange={(stance) => void save({ stance })}
        />
        <input
          className="citation-locator"
          aria-label="Locator"
          placeholder="Locator, e.g. ¶ 4"
          value={locator}
          maxLength={200}
          onChange={(event) => setLocator(event.target.value)}
          onBlur={() => {
            if (locator !== (citation.locator ?? '')) void save({ locator })
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur()
          }}
        />
        <div className="citation-actions">
          {onShow ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => onShow(citation)}
              title={
                orphaned
                  ? 'Open the source to anchor this citation again'
                  : 'Open the source at this passage'
              }
            >
              Show in source
            </button>
          ) : null}
          <button
            type="button"
            className="icon-button"
            aria-label="Delete citation"
            title="Delete citation"
            disabled={busy}
            onClick={() => void remove()}
          >
            <TrashIcon />
          </button>
        </div>
      </div>
      <CitationText
        className="citation-note citation-translation"
        label="Translation"
        placeholder="Translation of the quote, for readers of the briefing"
        maxLength={20000}
        saved={citation.translation}
        onSave={(translation) => void save({ translation })}
      />
      <CitationText
        className="citation-note"
        label="Note"
        placeholder="Note on this citation"
        maxLength={5000}
        saved={citation.note}
        onSave={(note) => void save({ note })}
      />
      {error ? (
        <p className="citation-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  )
}

/** A free-text field of a citation, saved when it loses focus and only if it changed. */
function CitationText({
  className,
  label,
  placeholder,
  maxLength,
  saved,
  onSave
}: {
  className: string
  label: string
  placeholder: string
  maxLength: number
  saved: string | null
  onSave: (value: string) => void
}) {
  const [value, setValue] = useState(saved ?? '')
  return (
    <textarea
      className={className}
      aria-label={label}
      placeholder={placeholder}
      rows={1}
      value={value}
      maxLength={maxLength}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => {
        if (value !== (saved ?? '')) onSave(value)
      }}
    />
  )
}
