import { useCallback, useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, PointerEvent } from 'react'
import { ApiError } from '../../api'
import { CloseIcon } from '../../components/Icons'
import { useToasts } from '../../components/Toasts'
import { formatRelativeInline, formatTimestamp } from '../../lib/format'
import { useWorkspace } from '../../workspace'
import { CitationsSection } from '../citations/CitationsSection'
import { SourceReadingSection } from '../reader/SourceReadingSection'
import type { RecordKind, TaggedRow } from '../records/types'
import { HistorySection } from './HistorySection'
import { NotesSection } from './NotesSection'
import { RelationsSection } from './RelationsSection'
import { TagsSection } from './TagsSection'

export const DETAIL_MIN_WIDTH = 300
export const DETAIL_MAX_WIDTH = 640

type DetailPanelProps<Row extends TaggedRow, F extends string, Q> = {
  kind: RecordKind<Row, F, Q>
  id: string | null
  /** Goes up when the view changed the row (an edit in the grid): read it again. */
  reloadKey: number
  width: number
  onResize: (width: number, done: boolean) => void
  /** A change made here, for the grid row to show. */
  onSaved: (row: Row) => void
  /** Shows another record of the same kind (a related claim). */
  onOpen: (id: string) => void
  /** The record no longer exists (an undone creation, a purge). */
  onGone: () => void
  onClose: () => void
}

/**
 * The focused record beside the grid: every field editable, its tags, notes, relations and
 * history. It reads the record itself, so it also shows records the grid has filtered out.
 */
export function DetailPanel<Row extends TaggedRow, F extends string, Q>({
  kind,
  id,
  reloadKey,
  width,
  onResize,
  onSaved,
  onOpen,
  onGone,
  onClose
}: DetailPanelProps<Row, F, Q>) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const [row, setRow] = useState<Row | null>(null)
  // Notes, relations and history read again after every change made in the panel.
  const [localRevision, setLocalRevision] = useState(0)
  const recordKey = `${workspace.revision}:${reloadKey}`

  const latest = useRef({ kind, toasts, onGone })
  useEffect(() => {
    latest.current = { kind, toasts, onGone }
  })

  useEffect(() => {
    if (!id) return
    let current = true
    latest.current.kind.get(id).then(
      (fresh) => {
        if (current) setRow(fresh)
      },
      (error: unknown) => {
        if (!current) return
        if (error instanceof ApiError && error.code === 'not_found') latest.current.onGone()
        else latest.current.toasts.error(error)
      }
    )
    return () => {
      current = false
    }
  }, [id, recordKey])

  const { changed } = workspace
  const afterChange = useCallback(() => {
    setLocalRevision((value) => value + 1)
    changed()
  }, [changed])

  const saved = useCallback(
    (fresh: Row) => {
      // A save that finishes after the panel moved on to another record leaves it there.
      setRow((current) => (current && current.id !== fresh.id ? current : fresh))
      onSaved(fresh)
      afterChange()
    },
    [onSaved, afterChange]
  )

  const tag = async (tagId: string, tagged: boolean) => {
    if (!row) return
    await kind.tag([row.id], tagId, tagged)
    saved(await kind.get(row.id))
  }

  const shown = row && row.id === id ? row : null
  const sectionsKey = `${recordKey}:${localRevision}`

  return (
    <aside
      className="detail-panel"
      style={{ width }}
      aria-label={`${kind.noun.one.charAt(0).toUpperCase()}${kind.noun.one.slice(1)} details`}
    >
      <ResizeHandle width={width} onResize={onResize} />
      <header className="detail-header">
        <span className="detail-eyebrow">
          {kind.noun.one.charAt(0).toUpperCase() + kind.noun.one.slice(1)}
          {shown ? (
            <>
              {' · created '}
              <time dateTime={shown.createdAt} title={formatTimestamp(shown.createdAt)}>
                {formatRelativeInline(shown.createdAt)}
              </time>
            </>
          ) : null}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label="Hide details"
          title="Hide details"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </header>
      {!id ? (
        <div className="detail-placeholder">
          <p>Select a {kind.noun.one} to see and edit its details, tags, notes and history.</p>
        </div>
      ) : !shown ? (
        <div className="detail-placeholder" aria-busy="true" />
      ) : (
        <div className="detail-body" key={shown.id}>
          {shown.deletedAt ? (
            <p className="detail-banner">This {kind.noun.one} is in the Trash.</p>
          ) : null}
          <kind.Fields row={shown} onSaved={saved} />
          <TagsSection tags={shown.tags} onTag={tag} />
          {kind.kind === 'claim' ? (
            <CitationsSection claimId={shown.id} reloadKey={sectionsKey} onChanged={afterChange} />
          ) : (
            <SourceReadingSection sourceId={shown.id} reloadKey={sectionsKey} />
          )}
          <NotesSection
            targetKind={kind.kind}
            targetId={shown.id}
            reloadKey={sectionsKey}
            onChanged={afterChange}
          />
          {kind.kind === 'claim' ? (
            <RelationsSection
              claimId={shown.id}
              reloadKey={sectionsKey}
              onChanged={afterChange}
              onOpenClaim={onOpen}
            />
          ) : null}
          <HistorySection recordId={shown.id} reloadKey={sectionsKey} />
        </div>
      )}
    </aside>
  )
}

const STEP = 24

function ResizeHandle({
  width,
  onResize
}: {
  width: number
  onResize: (width: number, done: boolean) => void
}) {
  const start = useRef<{ x: number; width: number } | null>(null)
  const clamp = (value: number) =>
    Math.round(Math.min(DETAIL_MAX_WIDTH, Math.max(DETAIL_MIN_WIDTH, value)))

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    start.current = { x: event.clientX, width }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return
    onResize(clamp(start.current.width + start.current.x - event.clientX), false)
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return
    onResize(clamp(start.current.width + start.current.x - event.clientX), true)
    start.current = null
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault()
      onResize(clamp(width + (event.key === 'ArrowLeft' ? STEP : -STEP)), true)
    }
  }
  return (
    <div
      className="detail-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize details"
      aria-valuemin={DETAIL_MIN_WIDTH}
      aria-valuemax={DETAIL_MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
