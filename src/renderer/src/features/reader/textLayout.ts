import { splitLines, type TextLine } from '../../../../shared/text'
import type { ClutterRange } from '../../../../shared/documentTypes'

/*
 * How a source's text is laid out for reading. The text itself is never changed: every piece
 * that is rendered knows its UTF-16 offset in the original, so selections, highlights and
 * clutter all speak in the offsets the core stores. Pure functions, no DOM.
 */

/** A paragraph: the text range of one line (or of a hard-wrapped run of lines). */
export type Block = {
  start: number
  end: number
  /** Line breaks inside the block are soft (hard-wrapped plain text). */
  wrapped: boolean
  /** The clutter range this block belongs to, if any. */
  clutter: ClutterRange | null
  /**
   * How the block is typeset: a paragraph; a subheading (a short line that introduces the
   * paragraphs after it); or the copy's own headline, which repeats the source's title.
   */
  role: 'paragraph' | 'heading' | 'title'
}

/** One run of text with the same decorations. */
export type Segment = {
  start: number
  end: number
  /** Ids of the citations whose passage covers this run, innermost (shortest) first. */
  citations: string[]
  find: 'match' | 'current' | null
  flash: boolean
}

export type Highlight = { id: string; start: number; end: number; stance: string }
export type Range = { start: number; end: number }

type Line = TextLine

const SENTENCE_END = /[.!?:;…»"”’)\]]\s*$/u

/**
 * Plain text hard-wrapped at a fixed width (e-mails, .txt reports) reads as one paragraph per
 * run of lines; web copies put one paragraph on each line. A run counts as hard-wrapped when
 * its lines (but the last) are of similar length and mostly stop mid-sentence.
 */
function isHardWrapped(run: Line[]): boolean {
  if (run.length < 3) return false
  const body = run.slice(0, -1)
  const lengths = body.map((line) => line.text.trimEnd().length)
  const longest = Math.max(...lengths)
  if (longest < 40 || longest > 120) return false
  const even = lengths.filter((length) => length >= longest * 0.6).length / body.length
  const open = body.filter((line) => !SENTENCE_END.test(line.text)).length / body.length
  return even >= 0.8 && open >= 0.6
}

/** Paragraphs of the text, in order; blank lines separate them and are not part of any. */
export function layoutBlocks(
  text: string,
  clutter: readonly ClutterRange[] = [],
  title?: string
): Block[] {
  const lines = splitLines(text)
  const blocks: Block[] = []
  let run: Line[] = []
  const flush = () => {
    if (run.length === 0) return
    if (isHardWrapped(run)) {
      blocks.push({
        start: run[0]!.start,
        end: run[run.length - 1]!.end,
        wrapped: true,
        clutter: null,
        role: 'paragraph'
      })
    } else {
      for (const line of run) {
        blocks.push({
          start: line.start,
          end: line.end,
          wrapped: false,
          clutter: null,
          role: 'paragraph'
        })
      }
    }
    run = []
  }
  for (const line of lines) {
    if (line.text.trim() === '') flush()
    else run.push(line)
  }
  flush()
  return markTitle(text, markHeadings(text, assignClutter(blocks, clutter)), title)
}

const comparable = (value: string) =>
  value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()

/** The first line of the text, when it is the title shown above it, is typeset quietly. */
function markTitle(text: string, blocks: Block[], title: string | undefined): Block[] {
  const index = blocks.findIndex((block) => !block.clutter)
  const first = blocks[index]
  if (!title || !first || first.wrapped) return blocks
  if (comparable(text.slice(first.start, first.end)) !== comparable(title)) return blocks
  return blocks.map((block, i) => (i === index ? { ...block, role: 'title' } : block))
}

const CLAUSE_END = /[.,;:…»"”’)\]。、．」』]$/u
const HEADING_MAX = 100
/** Datelines ("Hà Nội, 21/09/2025") are not headings. */
const DATE_LIKE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/

/**
 * Web copies lose their markup: a subheading is a short line, not ending like a sentence,
 * followed by a real paragraph. Only typesetting changes; the text and offsets do not.
 */
function markHeadings(text: string, blocks: Block[]): Block[] {
  return blocks.map((block, index) => {
    const next = blocks[index + 1]
    if (block.clutter || block.wrapped || !next || next.clutter) return block
    const line = text.slice(block.start, block.end).trim()
    const following = next.end - next.start
    const words = line.split(/\s+/).length
    const isHeading =
      line.length >= 3 &&
      (words >= 2 || /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(line)) &&
      !DATE_LIKE.test(line) &&
      line.length <= HEADING_MAX &&
      !CLAUSE_END.test(line) &&
      /^[\p{Lu}\p{N}\p{Lo}]/u.test(line) &&
      words <= 14 &&
      following > Math.max(120, line.length * 1.5)
    return isHeading ? { ...block, role: 'heading' } : block
  })
}

/** A block is clutter when a clutter range covers all of it (clutter ranges are whole lines). */
function assignClutter(blocks: Block[], clutter: readonly ClutterRange[]): Block[] {
  if (clutter.length === 0) return blocks
  const sorted = [...clutter].sort((a, b) => a.start - b.start)
  let index = 0
  return blocks.map((block) => {
    while (index < sorted.length && sorted[index]!.end < block.end) index++
    const range = sorted[index]
    return range && range.start <= block.start && range.end >= block.end
      ? { ...block, clutter: range }
      : block
  })
}

/** What the clean view says a set-aside passage is. */
export const CLUTTER_LABELS: Record<ClutterRange['reason'], string> = {
  image: 'Image file name',
  caption: 'Photo caption',
  counter: 'Comment counter',
  'no-data': 'Empty placeholder',
  related: 'Related articles',
  banner: 'Site banner',
  furniture: 'Header or footer'
}

/** Consecutive blocks of the same clutter range, or single text blocks, for rendering. */
export type BlockGroup =
  { kind: 'text'; block: Block } | { kind: 'clutter'; range: ClutterRange; blocks: Block[] }

export function groupBlocks(blocks: readonly Block[]): BlockGroup[] {
  const groups: BlockGroup[] = []
  for (const block of blocks) {
    const last = groups[groups.length - 1]
    if (!block.clutter) groups.push({ kind: 'text', block })
    else if (last?.kind === 'clutter' && last.range === block.clutter) last.blocks.push(block)
    else groups.push({ kind: 'clutter', range: block.clutter, blocks: [block] })
  }
  return groups
}

/**
 * Cuts one block into runs with the same citations, find state and flash. `highlights` and
 * `matches` may be in any order and may overlap each other.
 */
export function segmentBlock(
  block: Range,
  highlights: readonly Highlight[],
  matches: readonly Range[],
  currentMatch: Range | null,
  flash: Range | null
): Segment[] {
  const inside = (range: Range) => range.end > block.start && range.start < block.end
  const clip = (value: number) => Math.min(block.end, Math.max(block.start, value))
  const hs = highlights.filter(inside)
  const ms = matches.filter(inside)
  const flashes = flash && inside(flash) ? [flash] : []
  const cuts = new Set<number>([block.start, block.end])
  for (const range of [...hs, ...ms, ...flashes]) {
    cuts.add(clip(range.start))
    cuts.add(clip(range.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  // Innermost first: a short passage cited inside a longer one shows its own colour.
  const byLength = [...hs].sort((a, b) => a.end - a.start - (b.end - b.start))
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const covers = (range: Range) => range.start <= start && range.end >= end
    const match = ms.find(covers)
    const current =
      match && currentMatch && covers(currentMatch) ? 'current' : match ? 'match' : null
    segments.push({
      start,
      end,
      citations: byLength.filter(covers).map((h) => h.id),
      find: current,
      flash: flashes.some(covers)
    })
  }
  return segments
}

/** What one block shows besides its text; `signature` changes exactly when that does. */
export type BlockDecorations = {
  highlights: Highlight[]
  matches: Range[]
  current: Range | null
  flash: Range | null
  signature: string
}

/** Index of the first block that ends after `offset` (blocks are sorted and disjoint). */
function firstBlockEndingAfter(blocks: readonly Range[], offset: number): number {
  let low = 0
  let high = blocks.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (blocks[mid]!.end <= offset) low = mid + 1
    else high = mid
  }
  return low
}

/** Each range, handed to every block it touches. */
function distribute<T extends Range>(blocks: readonly Range[], ranges: readonly T[]): T[][] {
  const perBlock: T[][] = blocks.map(() => [])
  for (const range of ranges) {
    for (let i = firstBlockEndingAfter(blocks, range.start); i < blocks.length; i++) {
      const block = blocks[i]!
      if (block.start >= range.end) break
      perBlock[i]!.push(range)
    }
  }
  return perBlock
}

const rangeKey = (range: Range) => `${range.start}-${range.end}`

/**
 * Highlights, find matches and the flash, per block: a document of thousands of paragraphs
 * with a thousand matches re-renders only the paragraphs whose decorations changed.
 */
export function decorateBlocks(
  blocks: readonly Block[],
  highlights: readonly Highlight[],
  matches: readonly Range[],
  current: Range | null,
  flash: Range | null
): BlockDecorations[] {
  const highlightsOf = distribute(blocks, highlights)
  const matchesOf = distribute(blocks, matches)
  const currentOf = distribute(blocks, current ? [current] : [])
  const flashOf = distribute(blocks, flash ? [flash] : [])
  return blocks.map((_, i) => {
    const hs = highlightsOf[i]!
    const ms = matchesOf[i]!
    const cur = currentOf[i]![0] ?? null
    const fl = flashOf[i]![0] ?? null
    const signature =
      hs.length || ms.length || cur || fl
        ? [
            hs.map((h) => `${h.id}:${h.stance}:${rangeKey(h)}`).join(','),
            ms.map(rangeKey).join(','),
            cur ? rangeKey(cur) : '',
            fl ? rangeKey(fl) : ''
          ].join('|')
        : ''
    return { highlights: hs, matches: ms, current: cur, flash: fl, signature }
  })
}

/** The passage as one line, for a claim text or a preview. */
export function passageText(text: string, range: Range): string {
  return text.slice(range.start, range.end).replace(/\s+/g, ' ').trim()
}
