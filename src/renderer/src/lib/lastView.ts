import type { ViewId } from '../components/Sidebar'

/*
 * The view open when the app last closed, per origin (the desktop app has one: attest://app),
 * so the next start shows it again. The reader is not restored: it needs a source.
 */
const STORAGE_KEY = 'attest.view'
const RESTORABLE: readonly ViewId[] = [
  'claims',
  'sources',
  'tags',
  'timeline',
  'disagreements',
  'compare',
  'trash'
]

export function restoredView(stored: string | null): ViewId {
  return RESTORABLE.find((view) => view === stored) ?? 'claims'
}

export function readLastView(): ViewId {
  try {
    return restoredView(localStorage.getItem(STORAGE_KEY))
  } catch {
    return 'claims'
  }
}

export function writeLastView(view: ViewId): void {
  try {
    if (RESTORABLE.includes(view)) localStorage.setItem(STORAGE_KEY, view)
  } catch {
    // Storage unavailable (private mode): the view is simply not remembered.
  }
}
