import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import { call, errorMessage } from '../../api'
import { useToasts } from '../../components/Toasts'
import { countLabel } from '../../lib/format'
import { useWorkspace } from '../../workspace'
import { CiteForClaimDialog } from './CiteForClaimDialog'
import { CitationsRail } from './CitationsRail'
import { ClaimFromSelectionDialog } from './ClaimFromSelectionDialog'
import type { TextRange } from './domOffsets'
import { EditTextPanel } from './EditTextPanel'
import { useFind } from './FindBox'
import { shortcutLabel } from './format'
import { HighlightCard } from './HighlightCard'
import { ReaderHeader } from './ReaderHeader'
import { ReaderText } from './ReaderText'
import { ReaderToolbar } from './ReaderToolbar'
import { SelectionPopover } from './SelectionPopover'
import { layoutBlocks, passageText } from './textLayout'
import { useHighlightCard } from './useHighlightCard'
import { useSourceDocument } from './useSourceDocument'
import { useTextSelection } from './useTextSelection'
import './reader.css'

type Props = {
  sourceId: string
  /** The reader stays mounted while another view shows; only the active one listens to keys. */
  active?: boolean
  /** Scroll to and flash this citation (from "Show in source"); `focusNonce` repeats it. */
  focusCitationId?: string | null
  focusNonce?: number
  backLabel?: string
  onBack: () => void
  onOpenClaim: ((claimId: string) => void) | null
  /** The title of the source, once it is loaded (for the sidebar's entry). */
  onTitle?: (sourceId: string, title: string) => void
}

type Pending = { kind: 'claim' | 'cite'; range: TextRange; passage: string }

const CLEAN_VIEW_KEY = 'attest.reader.cleanView'
const FLASH_MS = 1800
const NEW_CLAIM_TITLE = `Make the selected passage a new claim (${shortcutLabel('C')})`
const CITE_TITLE = `Cite the selected passage for an existing claim (${shortcutLabel('L')})`

function readCleanView(): boolean {
  try {
    return localStorage.getItem(CLEAN_VIEW_KEY) !== 'false'
  } catch {
    return true
  }
}

function anchorSummary(citations: Citation[]): string {
  const orphaned = citations.filter((c) => c.anchorStatus === 'orphaned').length
  const found = citations.length - orphaned
  if (citations.length === 0) return 'Text saved.'
  if (orphaned === 0) {
    return `Text saved. ${found === 1 ? 'The citation was' : `All ${found} citations were`} found again.`
  }
  return `Text saved. ${countLabel(orphaned, 'citation was', 'citations were')} not found in the new text — see Orphaned citations.`
}

/**
 * Reading a source: its metadata, its text (clutter set aside in the clean view), the passages
 * cited from it highlighted by stance, find, and turning a selected passage into a claim or a
 * citation.
 */
export function ReaderView(props: Props) {
  const { sourceId, onOpenClaim, onTitle } = props
  const active = props.active ?? true
  const toasts = useToasts()
  const { changed, revision } = useWorkspace()
  // Claims and citations were created or re-anchored: grids and detail panels read again.
  const onChanged = useCallback(() => changed({ records: true }), [changed])
  // Undo and redo elsewhere may change this source's text or citations.
  const { state, reload, reloadCitations } = useSourceDocument(sourceId, revision)
  const textRef = useRef<HTMLDivElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const findRef = useRef<HTMLInputElement>(null)
  const [cleanView, setCleanView] = useState(readCleanView)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const [editing, setEditing] = useState(false)
  const [pending, setPending] = useState<Pending | null>(null)
  const [flash, setFlash] = useState<TextRange | null>(null)
  const [activeId, setActiveId] = useState<string | null>(null)
  const flashTimer = useRef<number | undefined>(undefined)

  const document = state.status === 'ready' ? state.document : null
  const content = document?.source.content ?? ''
  const citations = useMemo(() => document?.citations ?? [], [document])
  const blocks = useMemo(
    () =>
      document
        ? layoutBlocks(document.source.content, document.clutter, document.source.title)
        : [],
    [document]
  )
  const title = document?.source.title
  useEffect(() => {
    if (title) onTitle?.(sourceId, title)
  }, [sourceId, title, onTitle])

  const find = useFind(sourceId, document?.source.contentHash ?? '', toasts.error)
  const currentMatch = find.matches[find.current] ?? null
  const selection = useTextSelection(textRef, scrollRef, content)
  const highlight = useHighlightCard(scrollRef, document)
  const { close: closeCard, pin: pinCard } = highlight

  // ---- Flashing and going to a citation -------------------------------------------------------

  const flashRange = useCallback((range: TextRange) => {
    window.clearTimeout(flashTimer.current)
    setFlash({ start: range.start, end: range.end })
    flashTimer.current = window.setTimeout(() => setFlash(null), FLASH_MS)
  }, [])
  useEffect(() => () => window.clearTimeout(flashTimer.current), [])

  const showCitation = useCallback(
    (citation: Citation, options: { pin?: boolean } = {}) => {
      setActiveId(citation.id)
      if (citation.anchorStatus === 'orphaned') {
        window.document
          .getElementById(`orphan-${citation.id}`)
          ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
        return
      }
      flashRange(citation)
      // A passage in collapsed clutter is opened first.
      const inClutter = blocks.find(
        (block) => block.clutter && block.start <= citation.start && citation.start < block.end
      )?.clutter
      if (inClutter) setExpanded((open) => new Set(open).add(inClutter.start))
      // After the next paint, so an opened passage is there to scroll to.
      requestAnimationFrame(() => {
        const element = textRef.current?.querySelector<HTMLElement>(
          `[data-citations~="${citation.id}"]`
        )
        if (!element) return
        element.scrollIntoView({ block: 'center', behavior: 'smooth' })
        if (options.pin) {
          window.setTimeout(() => pinCard([citation.id], element.getBoundingClientRect()), 350)
        }
      })
    },
    [flashRange, blocks, pinCard]
  )

  // "Show in source": once the text is on screen, go to the citation asked for.
  const { focusCitationId, focusNonce } = props
  const handledFocus = useRef<number | null>(null)
  useEffect(() => {
    const nonce = focusNonce ?? 0
    if (!document || !focusCitationId || handledFocus.current === nonce) return
    const citation = document.citations.find((c) => c.id === focusCitationId)
    if (!citation) return
    const frame = requestAnimationFrame(() => {
      handledFocus.current = nonce
      showCitation(citation)
    })
    return () => cancelAnimationFrame(frame)
  }, [document, focusCitationId, focusNonce, showCitation])

  // The current find match stays in view.
  useEffect(() => {
    if (!currentMatch) return
    textRef.current
      ?.querySelector('.find-current')
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }, [currentMatch])

  // ---- From a selection to a claim or a citation ---------------------------------------------

  const { read: readSelection, clear: clearSelection } = selection
  const begin = useCallback(
    (kind: Pending['kind']) => {
      const current = readSelection()
      if (!current) {
        toasts.info('Select a passage in the text first.')
        return
      }
      closeCard()
      setPending({ kind, range: current.range, passage: passageText(content, current.range) })
    },
    [readSelection, toasts, content, closeCard]
  )

  const afterCitation = async (citation: Citation, message: string) => {
    setPending(null)
    clearSelection()
    toasts.info(message)
    onChanged()
    try {
      await reloadCitations()
      flashRange(citation)
      setActiveId(citation.id)
    } catch (error) {
      toasts.error(error)
    }
  }

  const reanchor = async (citation: Citation) => {
    const current = readSelection()
    if (!current) {
      toasts.info('Select the passage in the text first.')
      return
    }
    try {
      const mended = await call('citations.reanchor', { id: citation.id, ...current.range })
      clearSelection()
      await reloadCitations()
      flashRange(mended)
      setActiveId(mended.id)
      toasts.info('The citation is anchored to the selected passage.')
      onChanged()
    } catch (error) {
      toasts.error(error)
    }
  }

  const saveText = async (text: string) => {
    await call('sources.update', { id: sourceId, changes: { content: text } })
    const reloaded = await reload()
    setEditing(false)
    closeCard()
    if (reloaded) toasts.info(anchorSummary(reloaded.citations))
    onChanged()
  }

  // ---- Keyboard and menu ------------------------------------------------------------------

  const focusFind = useCallback(() => {
    findRef.current?.focus()
    findRef.current?.select()
  }, [])

  useEffect(() => {
    if (!active) return
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const key = event.key.toLowerCase()
      if (!event.shiftKey && key === 'f') {
        event.preventDefault()
        focusFind()
      } else if (event.shiftKey && (key === 'c' || key === 'l') && !editing && !pending) {
        event.preventDefault()
        begin(key === 'c' ? 'claim' : 'cite')
      }
    }
    window.addEventListener('keydown', onKey)
    // In the app, Edit ▸ Find arrives as a menu command rather than a key.
    const unsubscribe = window.attest?.onCommand((command) => {
      if (command === 'find') focusFind()
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      unsubscribe?.()
    }
  }, [active, begin, editing, pending, focusFind])

  // ---- View options -------------------------------------------------------------------------

  const toggleClean = () => {
    setCleanView((clean) => {
      try {
        localStorage.setItem(CLEAN_VIEW_KEY, String(!clean))
      } catch {
        // Storage disabled: the choice lasts while the reader is open.
      }
      return !clean
    })
  }

  const toggleClutter = useCallback((start: number) => {
    setExpanded((open) => {
      const next = new Set(open)
      if (next.has(start)) next.delete(start)
      else next.add(start)
      return next
    })
  }, [])

  // ---- Render -------------------------------------------------------------------------------

  const { selected, dragging } = selection
  const { card } = highlight
  const showPopover = selected !== null && !dragging && !pending && !editing
  const cardCitations = card
    ? card.ids.map((id) => citations.find((c) => c.id === id)).filter((c) => c !== undefined)
    : []
  const showCard = card && cardCitations.length > 0 && !pending && (card.pinned || !showPopover)

  return (
    <div className="view reader" hidden={!active}>
      <ReaderToolbar
        backLabel={props.backLabel ?? 'Sources'}
        onBack={props.onBack}
        find={find}
        findRef={findRef}
        cleanView={cleanView}
        onToggleClean={toggleClean}
        editing={editing}
        canEdit={document !== null}
        onEdit={() => setEditing(true)}
        hasSelection={selected !== null}
        newClaimTitle={NEW_CLAIM_TITLE}
        citeTitle={CITE_TITLE}
        onNewClaim={() => begin('claim')}
        onCite={() => begin('cite')}
      />

      {state.status === 'loading' ? (
        <div className="reader-status" aria-busy="true">
          Opening the source…
        </div>
      ) : state.status === 'failed' ? (
        <div className="reader-status" role="alert">
          <p>{errorMessage(state.error)}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      ) : (
        <div className="reader-body">
          <div className="reader-scroll" ref={scrollRef}>
            <article className="reader-article" aria-label={state.document.source.title}>
              <ReaderHeader source={state.document.source} />
              {editing ? (
                <EditTextPanel
                  initialText={content}
                  citationCount={citations.length}
                  onCancel={() => setEditing(false)}
                  onSave={saveText}
                />
              ) : content.trim() === '' ? (
                <p className="reader-empty">
                  This source has no text yet. Choose Edit text to paste it in.
                </p>
              ) : (
                <div
                  className="reader-text-frame"
                  lang={state.document.source.language ?? undefined}
                  onMouseOver={dragging ? undefined : highlight.onMouseOver}
                  onMouseLeave={highlight.hideSoon}
                  onPointerDown={selection.onPointerDown}
                  onClick={(event) => {
                    const ids = highlight.onClick(event)
                    if (ids?.[0]) setActiveId(ids[0])
                  }}
                >
                  <ReaderText
                    ref={textRef}
                    text={content}
                    blocks={blocks}
                    citations={citations}
                    matches={find.matches}
                    currentMatch={currentMatch}
                    flash={flash}
                    cleanView={cleanView}
                    expanded={expanded}
                    onToggleClutter={toggleClutter}
                    pageStarts={state.document.source.layout?.pageStarts ?? null}
                  />
                </div>
              )}
            </article>
          </div>
          <CitationsRail
            citations={citations}
            activeId={activeId}
            canReanchor={selected !== null && !editing}
            onShow={(citation) => showCitation(citation, { pin: true })}
            onReanchor={(citation) => void reanchor(citation)}
          />
        </div>
      )}

      {showPopover ? (
        <SelectionPopover
          anchor={selected.rect}
          newClaimTitle={NEW_CLAIM_TITLE}
          citeTitle={CITE_TITLE}
          onNewClaim={() => begin('claim')}
          onCite={() => begin('cite')}
        />
      ) : null}

      {showCard ? (
        <HighlightCard
          citations={cardCitations}
          anchor={card.rect}
          pinned={card.pinned}
          onOpenClaim={onOpenClaim}
          onPointerEnter={highlight.keepOpen}
          onPointerLeave={highlight.hideSoon}
          onClose={closeCard}
        />
      ) : null}

      {pending?.kind === 'claim' ? (
        <ClaimFromSelectionDialog
          sourceId={sourceId}
          range={pending.range}
          passage={pending.passage}
          onClose={() => setPending(null)}
          onCreated={(citation) => void afterCitation(citation, 'Claim created from the passage.')}
          onOpenClaim={onOpenClaim}
        />
      ) : null}
      {pending?.kind === 'cite' ? (
        <CiteForClaimDialog
          sourceId={sourceId}
          range={pending.range}
          passage={pending.passage}
          onClose={() => setPending(null)}
          onCited={(citation) =>
            void afterCitation(citation, `Passage cited for “${citation.claimText}”`)
          }
        />
      ) : null}
    </div>
  )
}
