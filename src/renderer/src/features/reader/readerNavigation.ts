import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'

/** Where the reader should go: a source, optionally scrolled to one of its citations. */
export type ReaderTarget = {
  sourceId: string
  citationId: string | null
  /** Changes with every request, so asking for the same citation twice flashes it twice. */
  nonce: number
}

export type ReaderNavigation = {
  /** Opens a source in the reader, scrolled to `citationId` when given. */
  openSource: (sourceId: string, options?: { citationId?: string }) => void
  /** Shows a claim (the claims view, with that claim's details). */
  openClaim: (claimId: string) => void
}

export const ReaderNavigationContext = createContext<ReaderNavigation | null>(null)

/**
 * Opening the reader from anywhere (a source row, a citation in a claim's detail) without
 * threading callbacks through every component in between. The app shell provides it.
 */
export function useReaderNavigation(): ReaderNavigation | null {
  return useContext(ReaderNavigationContext)
}

/**
 * Asks the view that lists records of `kind` to show one of them (select it and open its
 * details). Views listen for it with `useRecordFocusRequests`.
 */
export const FOCUS_RECORD_EVENT = 'attest:focus-record'
export type FocusRecordDetail = {
  kind: 'claim' | 'source'
  id: string
  /** Also select its row (alone), once the grid has loaded it. */
  select?: boolean
}

export function requestRecordFocus(detail: FocusRecordDetail): void {
  window.dispatchEvent(new CustomEvent<FocusRecordDetail>(FOCUS_RECORD_EVENT, { detail }))
}

export function useRecordFocusRequests(
  kind: FocusRecordDetail['kind'],
  onFocus: (id: string, detail: FocusRecordDetail) => void
): void {
  const latest = useRef(onFocus)
  useEffect(() => {
    latest.current = onFocus
  })
  useEffect(() => {
    const listener = (event: Event) => {
      if (!(event instanceof CustomEvent)) return
      const detail = event.detail as FocusRecordDetail | null
      if (detail?.kind === kind) latest.current(detail.id, detail)
    }
    window.addEventListener(FOCUS_RECORD_EVENT, listener)
    return () => window.removeEventListener(FOCUS_RECORD_EVENT, listener)
  }, [kind])
}

/** For code outside React's tree (grid column callbacks): open a source in the reader. */
export const OPEN_SOURCE_EVENT = 'attest:open-source'
type OpenSourceDetail = { sourceId: string; citationId?: string }

export function requestOpenSource(sourceId: string, citationId?: string): void {
  window.dispatchEvent(
    new CustomEvent<OpenSourceDetail>(OPEN_SOURCE_EVENT, { detail: { sourceId, citationId } })
  )
}

let nextNonce = 1

/**
 * The app shell's state for the reader: which source is open, which view to go back to, and
 * the navigation to provide. `show` switches the shell's view.
 */
export function useReaderRoute<V extends string>(
  view: V,
  show: (view: V) => void,
  views: { reader: V; claims: V; sources: V }
) {
  const [target, setTarget] = useState<ReaderTarget | null>(null)
  const [named, setNamed] = useState<{ sourceId: string; title: string } | null>(null)
  const [returnTo, setReturnTo] = useState<V>(views.sources)
  const latest = useRef({ view, show, views })
  useEffect(() => {
    latest.current = { view, show, views }
  })

  const openSource = useCallback((sourceId: string, options?: { citationId?: string }) => {
    const { view: current, show: go, views: ids } = latest.current
    if (current !== ids.reader) setReturnTo(current)
    setTarget({ sourceId, citationId: options?.citationId ?? null, nonce: nextNonce++ })
    go(ids.reader)
  }, [])

  useEffect(() => {
    const listener = (event: Event) => {
      if (!(event instanceof CustomEvent)) return
      const detail = event.detail as OpenSourceDetail | null
      if (detail?.sourceId) openSource(detail.sourceId, { citationId: detail.citationId })
    }
    window.addEventListener(OPEN_SOURCE_EVENT, listener)
    return () => window.removeEventListener(OPEN_SOURCE_EVENT, listener)
  }, [openSource])

  const openClaim = useCallback((claimId: string) => {
    const { show: go, views: ids } = latest.current
    go(ids.claims)
    // After the claims view is shown (it may mount now), so it can take the request.
    window.setTimeout(() => requestRecordFocus({ kind: 'claim', id: claimId }), 0)
  }, [])

  const back = useCallback(() => latest.current.show(returnTo), [returnTo])
  const close = useCallback(() => setTarget(null), [])
  /** The reader says what it shows, for the sidebar's entry. */
  const setTitle = useCallback(
    (sourceId: string, title: string) => setNamed({ sourceId, title }),
    []
  )
  const title = target && named?.sourceId === target.sourceId ? named.title : null

  const navigation = useMemo<ReaderNavigation>(
    () => ({ openSource, openClaim }),
    [openSource, openClaim]
  )

  return { target, title, setTitle, returnTo, back, close, navigation }
}
