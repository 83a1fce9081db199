import { describe, expect, it } from 'vitest'
import {
  decorateBlocks,
  groupBlocks,
  layoutBlocks,
  passageText,
  segmentBlock
} from '../../src/renderer/src/features/reader/textLayout'
import type { ClutterRange } from '../../src/shared/documentTypes'

const slice = (text: string, block: { start: number; end: number }) =>
  text.slice(block.start, block.end)

describe('text layout', () => {
  it('makes one paragraph per line of a web copy, and types its title and subheadings', () => {
    const body = 'The ministry said exports of rice to Japan rose by twelve percent. '.repeat(3)
    const text = `Rice exports rise\n\n${body}\nWhat comes next\n${body}\nHà Nội, 21/09/2025\n${body}`
    const blocks = layoutBlocks(text, [], 'Rice exports rise')
    expect(blocks.map((block) => [block.role, slice(text, block).slice(0, 15)])).toEqual([
      ['title', 'Rice exports ri'],
      ['paragraph', body.slice(0, 15)],
      ['heading', 'What comes next'],
      ['paragraph', body.slice(0, 15)],
      // A dateline is not a heading.
      ['paragraph', 'Hà Nội, 21/09/2'],
      ['paragraph', body.slice(0, 15)]
    ])
  })

  it('joins hard-wrapped plain text into one paragraph, keeping every offset', () => {
    const lines = [
      'The delegation travelled from Hanoi to Gunma on Monday and met',
      'the prefectural assembly, where members asked about the training',
      'programme for nurses and the number of places open this year and',
      'next.'
    ]
    const text = `${lines.join('\n')}\n\nA second paragraph.`
    const blocks = layoutBlocks(text)
    expect(blocks).toHaveLength(2)
    expect(blocks[0]).toMatchObject({ start: 0, wrapped: true })
    expect(slice(text, blocks[0]!)).toBe(lines.join('\n'))
    expect(slice(text, blocks[1]!)).toBe('A second paragraph.')
  })

  it('sets aside whole lines of clutter, grouped by range', () => {
    const text = 'Body one.\nphoto1.jpg\nphoto2.jpg\nBody two.'
    const clutter: ClutterRange = { start: 10, end: 31, reason: 'image' }
    const groups = groupBlocks(layoutBlocks(text, [clutter]))
    expect(groups.map((group) => (group.kind === 'text' ? 'text' : group.blocks.length))).toEqual([
      'text',
      2,
      'text'
    ])
  })

  it('cuts a block where highlights and find matches start and end, innermost first', () => {
    const block = { start: 0, end: 30 }
    const outer = { id: 'outer', start: 0, end: 20, stance: 'supports' }
    const inner = { id: 'inner', start: 5, end: 10, stance: 'contradicts' }
    const segments = segmentBlock(block, [outer, inner], [{ start: 8, end: 25 }], null, null)
    expect(segments.map((s) => [s.start, s.end, s.citations, s.find])).toEqual([
      [0, 5, ['outer'], null],
      [5, 8, ['inner', 'outer'], null],
      [8, 10, ['inner', 'outer'], 'match'],
      [10, 20, ['outer'], 'match'],
      [20, 25, [], 'match'],
      [25, 30, [], null]
    ])
  })

  it('changes a block’s signature exactly when what it shows changes', () => {
    const text = 'First paragraph here.\nSecond paragraph here.'
    const blocks = layoutBlocks(text)
    const highlight = { id: 'h', start: 2, end: 6, stance: 'supports' }
    const before = decorateBlocks(blocks, [highlight], [], null, null)
    const after = decorateBlocks(blocks, [highlight], [{ start: 25, end: 30 }], null, null)
    expect(before[0]?.signature).toBe(after[0]?.signature)
    expect(before[1]?.signature).toBe('')
    expect(after[1]?.signature).not.toBe('')
    expect(passageText(text, { start: 6, end: 30 })).toBe('paragraph here. Second p')
  })
})
