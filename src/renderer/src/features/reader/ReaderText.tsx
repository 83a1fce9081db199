import { forwardRef, memo, useMemo } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import {
  CLUTTER_LABELS,
  decorateBlocks,
  groupBlocks,
  segmentBlock,
  type Block,
  type BlockDecorations,
  type Highlight,
  type Range
} from './textLayout'

const NO_DECORATIONS: BlockDecorations = {
  highlights: [],
  matches: [],
  current: null,
  flash: null,
  signature: ''
}

type ReaderTextProps = {
  text: string
  blocks: Block[]
  citations: Citation[]
  matches: Range[]
  currentMatch: Range | null
  flash: Range | null
  cleanView: boolean
  /** Clutter ranges (by start offset) the analyst opened in the clean view. */
  expanded: ReadonlySet<number>
  onToggleClutter: (start: number) => void
  /** Where each page starts, for a source from a PDF: the reader marks the page breaks. */
  pageStarts?: readonly number[] | null
}

const ROLE_CLASSES: Record<Block['role'], string> = {
  paragraph: '',
  heading: 'reader-subhead',
  title: 'reader-title-line'
}

/** One paragraph, cut into runs that each carry their offset in `data-start`. */
const Paragraph = memo(
  function Paragraph({
    block,
    text,
    decorations
  }: {
    block: Block
    text: string
    decorations: BlockDecorations
  }) {
    const { highlights, matches, current, flash } = decorations
    const stanceOf = new Map(highlights.map((h) => [h.id, h.stance]))
    const segments = segmentBlock(block, highlights, matches, current, flash)
    return (
      <p
        className={
          [block.wrapped ? 'reader-wrapped' : '', ROLE_CLASSES[block.role]]
            .filter(Boolean)
            .join(' ') || undefined
        }
      >
        {segments.map((segment) => {
          const classes: string[] = []
          const top = segment.citations[0]
          if (top) {
            classes.push('hl', `hl-${stanceOf.get(top) ?? 'mentions'}`)
            if (segment.citations.length > 1) classes.push('hl-stacked')
          }
          if (segment.find) classes.push(segment.find === 'current' ? 'find-current' : 'find-match')
          if (segment.flash) classes.push('flash')
          // Cited passages are <mark>s: highlighted for assistive technology too.
          const Run = top ? 'mark' : 'span'
          return (
            <Run
              key={segment.start}
              data-start={segment.start}
              data-citations={top ? segment.citations.join(' ') : undefined}
              className={classes.length ? classes.join(' ') : undefined}
            >
              {text.slice(segment.start, segment.end)}
            </Run>
          )
        })}
      </p>
    )
  },
  (before, after) =>
    before.block === after.block &&
    before.text === after.text &&
    before.decorations.signature === after.decorations.signature
)

/**
 * The source's text as paragraphs. In the clean view, page clutter (image file names,
 * captions, comment counters…) is set aside in labelled, collapsed rows; it stays in the
 * text, so offsets and quotes are those of the original.
 */
export const ReaderText = memo(
  forwardRef<HTMLDivElement, ReaderTextProps>(function ReaderText(props, ref) {
    const { text, blocks, citations, matches, currentMatch, flash, cleanView, expanded } = props
    const highlights = useMemo<Highlight[]>(
      () =>
        citations
          .filter((c) => c.anchorStatus !== 'orphaned' && c.end > c.start)
          .map((c) => ({ id: c.id, start: c.start, end: c.end, stance: c.stance })),
      [citations]
    )
    const decorations = useMemo(() => {
      const list = decorateBlocks(blocks, highlights, matches, currentMatch, flash)
      return new Map(blocks.map((block, i) => [block.start, list[i]!]))
    }, [blocks, highlights, matches, currentMatch, flash])
    const paragraph = (block: Block) => (
      <Paragraph
        key={block.start}
        block={block}
        text={text}
        decorations={decorations.get(block.start) ?? NO_DECORATIONS}
      />
    )
    const groups = useMemo(() => groupBlocks(blocks), [blocks])
    const pageStarts = props.pageStarts
    // The page that begins at each group's first block (page 1 is not marked).
    const pageMarks = useMemo(() => {
      const marks = new Map<number, number>()
      if (!pageStarts || pageStarts.length < 2) return marks
      let page = 1
      for (const group of groups) {
        const start = group.kind === 'text' ? group.block.start : group.range.start
        let reached = 0
        while (page < pageStarts.length && (pageStarts[page] as number) <= start) reached = ++page
        if (reached) marks.set(start, reached)
      }
      return marks
    }, [groups, pageStarts])
    // The label is drawn by CSS from data-page, so the mark adds no text to a selection.
    const pageMark = (start: number) => {
      const page = pageMarks.get(start)
      return page === undefined ? null : (
        <div
          key={`page-${page}`}
          className="page-mark"
          role="separator"
          aria-label={`Page ${page}`}
          data-page={page}
        />
      )
    }

    return (
      <div ref={ref} className="reader-text" data-clean={cleanView ? 'true' : 'false'}>
        {groups.map((group) => {
          const mark = pageMark(group.kind === 'text' ? group.block.start : group.range.start)
          if (group.kind === 'text' || !cleanView) {
            const list = group.kind === 'text' ? [group.block] : group.blocks
            return mark ? [mark, ...list.map(paragraph)] : list.map(paragraph)
          }
          const open = expanded.has(group.range.start)
          const label = CLUTTER_LABELS[group.range.reason]
          const lines = group.blocks.length
          return [
            mark,
            <div
              key={`clutter-${group.range.start}`}
              className="clutter"
              data-reason={group.range.reason}
              data-open={open ? 'true' : 'false'}
            >
              <button
                type="button"
                className="clutter-label"
                aria-expanded={open}
                title={
                  open ? `Hide this ${label.toLowerCase()}` : `Show this ${label.toLowerCase()}`
                }
                onClick={() => props.onToggleClutter(group.range.start)}
              >
                {label}
                {lines > 1 && !open ? <span className="clutter-more">{lines} lines</span> : null}
              </button>
              <div className="clutter-text">{group.blocks.map(paragraph)}</div>
            </div>
          ]
        })}
      </div>
    )
  })
)
