import { useCallback, useEffect, useRef, useState } from 'react'
import type { Citation, ClutterRange } from '../../../../shared/documentTypes'
import type { SourceWithContent } from '../../../../shared/types'
import { call } from '../../api'

export type SourceDocument = {
  source: SourceWithContent
  clutter: ClutterRange[]
  citations: Citation[]
}

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; document: SourceDocument }

async function load(id: string): Promise<SourceDocument> {
  const [source, clutter, citations] = await Promise.all([
    call('sources.get', { id }),
    call('sources.clutter', { id }),
    call('citations.list', { sourceId: id })
  ])
  return { source, clutter, citations }
}

/** A source's text, the clutter to set aside and its citations; reloaded after changes. */
export function useSourceDocument(sourceId: string, revision: number) {
  const [state, setState] = useState<State>({ status: 'loading' })
  const generation = useRef(0)

  const reload = useCallback(async (): Promise<SourceDocument | null> => {
    const mine = ++generation.current
    try {
      const document = await load(sourceId)
      if (mine !== generation.current) return null
      setState({ status: 'ready', document })
      return document
    } catch (error) {
      if (mine === generation.current) setState({ status: 'failed', error })
      return null
    }
  }, [sourceId])

  /** Citations only: after a claim or citation was created, changed or deleted. */
  const reloadCitations = useCallback(async (): Promise<Citation[]> => {
    const citations = await call('citations.list', { sourceId })
    setState((current) =>
      current.status === 'ready' && current.document.source.id === sourceId
        ? { status: 'ready', document: { ...current.document, citations } }
        : current
    )
    return citations
  }, [sourceId])

  // The reader is keyed by source id, so a new source starts from 'loading'; a new revision
  // keeps the text on screen until the fresh one arrives.
  useEffect(() => {
    const counter = generation
    const mine = ++counter.current
    load(sourceId).then(
      (document) => {
        if (mine === counter.current) setState({ status: 'ready', document })
      },
      (error: unknown) => {
        if (mine === counter.current) setState({ status: 'failed', error })
      }
    )
    return () => {
      counter.current++
    }
  }, [sourceId, revision])

  return { state, reload, reloadCitations }
}
