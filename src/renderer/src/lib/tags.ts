import type { Tag } from '../../../shared/types'

/** A tag in codebook order, with how deep it sits (0 = top level). */
export type TagNode = { tag: Tag; depth: number; childCount: number }

/** Colours offered for tags: distinct in both themes, and none of them the status colours. */
export const TAG_COLOURS = [
  '#3e63dd',
  '#0090ff',
  '#12a594',
  '#46a758',
  '#c5a300',
  '#f76b15',
  '#e5484d',
  '#d6409f',
  '#8e4ec6',
  '#978365',
  '#8b8d98'
] as const

export const TAG_COLOUR_NAMES: Record<(typeof TAG_COLOURS)[number], string> = {
  '#3e63dd': 'Indigo',
  '#0090ff': 'Blue',
  '#12a594': 'Teal',
  '#46a758': 'Green',
  '#c5a300': 'Amber',
  '#f76b15': 'Orange',
  '#e5484d': 'Red',
  '#d6409f': 'Pink',
  '#8e4ec6': 'Purple',
  '#978365': 'Bronze',
  '#8b8d98': 'Grey'
}

export function colourName(colour: string | null): string {
  if (!colour) return 'No colour'
  return TAG_COLOUR_NAMES[colour as (typeof TAG_COLOURS)[number]] ?? colour
}

/** The colour a new top-level tag gets: the one the codebook uses least. */
export function nextTagColour(tags: readonly Tag[]): string {
  const uses = new Map<string, number>(TAG_COLOURS.map((colour) => [colour, 0]))
  for (const tag of tags) {
    if (tag.colour && uses.has(tag.colour)) uses.set(tag.colour, (uses.get(tag.colour) ?? 0) + 1)
  }
  let best: string = TAG_COLOURS[0]
  for (const colour of TAG_COLOURS) {
    if ((uses.get(colour) ?? 0) < (uses.get(best) ?? 0)) best = colour
  }
  return best
}

const byName = (a: Tag, b: Tag) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })

/** The codebook as a depth-first list: each tag followed by its sub-tags, by name. */
export function tagTree(tags: readonly Tag[]): TagNode[] {
  const ids = new Set(tags.map((tag) => tag.id))
  const children = new Map<string | null, Tag[]>()
  for (const tag of tags) {
    // A parent that is missing (mid-refresh) puts the tag at the top rather than losing it.
    const parent = tag.parentId && ids.has(tag.parentId) ? tag.parentId : null
    const list = children.get(parent) ?? []
    list.push(tag)
    children.set(parent, list)
  }
  const nodes: TagNode[] = []
  const seen = new Set<string>()
  const visit = (parent: string | null, depth: number) => {
    for (const tag of [...(children.get(parent) ?? [])].sort(byName)) {
      if (seen.has(tag.id)) continue
      seen.add(tag.id)
      nodes.push({ tag, depth, childCount: children.get(tag.id)?.length ?? 0 })
      visit(tag.id, depth + 1)
    }
  }
  visit(null, 0)
  return nodes
}

/** A tag and every tag below it. */
export function descendantsOf(tags: readonly Tag[], id: string): Set<string> {
  const result = new Set<string>([id])
  let grew = true
  while (grew) {
    grew = false
    for (const tag of tags) {
      if (tag.parentId && result.has(tag.parentId) && !result.has(tag.id)) {
        result.add(tag.id)
        grew = true
      }
    }
  }
  return result
}

/** Lower case without diacritics, so "chinh" finds "Chính" in the codebook too. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .trim()
}

/** Tags whose path contains every word typed, in codebook order. */
export function matchTags(nodes: readonly TagNode[], typed: string): TagNode[] {
  const words = fold(typed).split(/\s+/).filter(Boolean)
  if (!words.length) return [...nodes]
  return nodes.filter((node) => {
    const path = fold(node.tag.path)
    return words.every((word) => path.includes(word))
  })
}

/** "Economy / Trade" typed as "economy/trade" still names the same tag. */
export function findByPath(tags: readonly Tag[], typed: string): Tag | undefined {
  const wanted = fold(typed)
  return tags.find((tag) => fold(tag.path) === wanted)
}

/** The names a typed path asks for: "Economy / Trade" → ["Economy", "Trade"]. */
export function pathSegments(typed: string): string[] {
  return typed
    .split('/')
    .map((segment) => segment.trim())
    .filter(Boolean)
}

/** The ancestors' names of a tag path, for showing "Economy / " before "Trade". */
export function parentPath(tag: Pick<Tag, 'path' | 'name'>): string {
  const cut = tag.path.length - tag.name.length
  return cut > 0 ? tag.path.slice(0, cut) : ''
}
