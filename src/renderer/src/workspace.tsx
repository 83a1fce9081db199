import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import type { HistoryState, ProjectInfo, Stats, Tag, UndoResult } from '../../shared/types'
import { call } from './api'
import { useToasts } from './components/Toasts'
import { findByPath, nextTagColour, pathSegments, tagTree, type TagNode } from './lib/tags'

/**
 * What every view of an open project shares: counts, the tag codebook, the undo state, and a
 * revision that goes up whenever records may have changed behind a view's back (undo, redo,
 * a tag renamed or merged). Views refresh their own rows after their own writes and call
 * `changed()`, which brings everything shared up to date.
 */
export type Workspace = {
  info: ProjectInfo
  stats: Stats | null
  tags: Tag[]
  /** False until the codebook has been read once. */
  tagsLoaded: boolean
  tagNodes: TagNode[]
  tagsById: ReadonlyMap<string, Tag>
  history: HistoryState
  revision: number
  /** After a write: counts, codebook and undo state follow; `records` refreshes every view. */
  changed(options?: { records?: boolean }): void
  undo(): Promise<void>
  redo(): Promise<void>
  /** Finds or creates the tag a typed path names ("Economy / Trade"), parents included. */
  ensureTag(typed: string): Promise<Tag>
  /** Shows the claims or sources grid with these column filters (the Tags view's "Show"). */
  showFiltered(view: FilteredView, filterModel: Record<string, unknown>): void
  /** The latest such request; the grid it names applies it once. */
  filterRequest: FilterRequest | null
}

export type FilteredView = 'claims' | 'sources'
export type FilterRequest = {
  view: FilteredView
  filterModel: Record<string, unknown>
  nonce: number
}

const NO_HISTORY: HistoryState = {
  canUndo: false,
  undoLabel: null,
  canRedo: false,
  redoLabel: null
}

const WorkspaceContext = createContext<Workspace | null>(null)

/** Text fields and open editors keep Ctrl+Z for themselves. */
function ownsUndoKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (document.querySelector('dialog[open]')) return true
  if (target.closest('.ag-cell-inline-editing, .ag-popup-editor, .ag-popup')) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
      target.type
    )
  }
  return target instanceof HTMLElement && target.isContentEditable
}

type ProviderProps = {
  info: ProjectInfo
  stats: Stats | null
  refreshStats: () => void
  /** Switches the main view. */
  onShow: (view: FilteredView) => void
  children: ReactNode
}

export function WorkspaceProvider({ info, stats, refreshStats, onShow, children }: ProviderProps) {
  const toasts = useToasts()
  const [tags, setTags] = useState<Tag[]>([])
  const [tagsLoaded, setTagsLoaded] = useState(false)
  const [history, setHistory] = useState<HistoryState>(NO_HISTORY)
  const [revision, setRevision] = useState(0)
  const [filterRequest, setFilterRequest] = useState<FilterRequest | null>(null)
  const busy = useRef(false)
  // Answers can overtake each other; only the latest request's answer is kept.
  const tagsRequest = useRef(0)
  const historyRequest = useRef(0)

  const refreshTags = useCallback(() => {
    const request = ++tagsRequest.current
    return call('tags.list', {}).then((list) => {
      if (request === tagsRequest.current) {
        setTags(list)
        setTagsLoaded(true)
      }
      return list
    })
  }, [])

  const refreshHistory = useCallback(() => {
    const request = ++historyRequest.current
    call('history.state', {}).then((state) => {
      if (request === historyRequest.current) setHistory(state)
    }, toasts.error)
  }, [toasts])

  useEffect(() => {
    refreshTags().catch(toasts.error)
    refreshHistory()
  }, [refreshTags, refreshHistory, toasts])

  const changed = useCallback(
    (options?: { records?: boolean }) => {
      refreshStats()
      refreshHistory()
      refreshTags().catch(toasts.error)
      if (options?.records) setRevision((value) => value + 1)
    },
    [refreshStats, refreshHistory, refreshTags, toasts]
  )

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      if (busy.current) return
      busy.current = true
      try {
        const result: UndoResult = await call(
          direction === 'undo' ? 'history.undo' : 'history.redo',
          {}
        )
        setHistory({
          canUndo: result.canUndo,
          undoLabel: result.undoLabel,
          canRedo: result.canRedo,
          redoLabel: result.redoLabel
        })
        if (result.done) {
          toasts.info(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.done}`)
          changed({ records: true })
        } else {
          toasts.info(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo')
        }
      } catch (error) {
        toasts.error(error)
      } finally {
        busy.current = false
      }
    },
    [changed, toasts]
  )
  const undo = useCallback(() => step('undo'), [step])
  const redo = useCallback(() => step('redo'), [step])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || ownsUndoKeys(event.target)) return
      const key = event.key.toLowerCase()
      if (key === 'z') {
        event.preventDefault()
        void (event.shiftKey ? redo() : undo())
      } else if (key === 'y' && !event.shiftKey) {
        event.preventDefault()
        void redo()
      }
    }
    window.addEventListener('keydown', onKey)
    // In the desktop app the Edit menu owns Ctrl/Cmd+Z: typing is undone in a text field,
    // the last change to the project elsewhere.
    const unsubscribe = window.attest?.onCommand((command) => {
      if (command !== 'undo' && command !== 'redo') return
      if (ownsUndoKeys(document.activeElement)) {
        document.execCommand(command)
      } else {
        void (command === 'undo' ? undo() : redo())
      }
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      unsubscribe?.()
    }
  }, [undo, redo])

  const ensureTag = useCallback(
    async (typed: string): Promise<Tag> => {
      let known = await refreshTags()
      const found = findByPath(known, typed)
      if (found) return found
      const segments = pathSegments(typed)
      if (!segments.length) throw new Error('Type a name for the tag')
      let parent: Tag | null = null
      for (const segment of segments) {
        const existing: Tag | undefined = findByPath(
          known,
          parent ? `${parent.path}/${segment}` : segment
        )
        if (existing) {
          parent = existing
          continue
        }
        const created: Tag = await call('tags.create', {
          name: segment,
          parentId: parent?.id ?? null,
          // Sub-tags wear their parent's colour, so a branch of the codebook reads as one.
          colour: parent?.colour ?? nextTagColour(known)
        })
        known = [...known, created]
        parent = created
      }
      changed()
      if (!parent) throw new Error('Type a name for the tag')
      return parent
    },
    [refreshTags, changed]
  )

  const showFiltered = useCallback(
    (view: FilteredView, filterModel: Record<string, unknown>) => {
      setFilterRequest((last) => ({ view, filterModel, nonce: (last?.nonce ?? 0) + 1 }))
      onShow(view)
    },
    [onShow]
  )

  const value = useMemo<Workspace>(() => {
    const tagsById = new Map(tags.map((tag) => [tag.id, tag]))
    return {
      info,
      stats,
      tags,
      tagsLoaded,
      tagNodes: tagTree(tags),
      tagsById,
      history,
      revision,
      changed,
      undo,
      redo,
      ensureTag,
      showFiltered,
      filterRequest
    }
  }, [
    info,
    stats,
    tags,
    tagsLoaded,
    history,
    revision,
    changed,
    undo,
    redo,
    ensureTag,
    showFiltered,
    filterRequest
  ])

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext)
  if (!workspace) throw new Error('useWorkspace() is used outside <WorkspaceProvider>')
  return workspace
}
