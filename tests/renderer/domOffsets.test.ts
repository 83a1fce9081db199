// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import {
  boundaryOffset,
  domRange,
  rangeOffsets
} from '../../src/renderer/src/features/reader/domOffsets'

// The reader's markup: each run of text in an element with data-start, paragraphs around.
const TEXT = 'Phạm Minh Chính 🎉 met\n\n東京で会談した。'
let root: HTMLElement

beforeEach(() => {
  document.body.innerHTML = `<article id="reader">
    <p><span data-start="0">${TEXT.slice(0, 16)}</span><mark data-start="16">${TEXT.slice(16, 18)}</mark><span data-start="18">${TEXT.slice(18, 22)}</span></p>
    <p class="label">Set aside</p>
    <p><span data-start="24">${TEXT.slice(24)}</span></p>
  </article>`
  root = document.getElementById('reader') as HTMLElement
})

const run = (start: number): Text =>
  root.querySelector(`[data-start="${start}"]`)?.firstChild as Text

describe('DOM offsets', () => {
  it('counts UTF-16 code units inside runs, as the stored offsets do', () => {
    // "Phạm" in NFC and the emoji's two code units.
    expect(boundaryOffset(root, run(0), 5, 'start')).toBe(5)
    expect(boundaryOffset(root, run(16), 2, 'end')).toBe(18)
    expect(boundaryOffset(root, run(24), 2, 'start')).toBe(26)
    expect(TEXT.slice(24, 26)).toBe('東京')
  })

  it('snaps a point between paragraphs to the next run for a start, the last for an end', () => {
    const label = root.querySelector('.label') as HTMLElement
    expect(boundaryOffset(root, label, 0, 'start')).toBe(24)
    expect(boundaryOffset(root, label, 0, 'end')).toBe(22)
    expect(boundaryOffset(root, root, 0, 'start')).toBe(0)
  })

  it('turns a selection across runs and paragraphs into one text range', () => {
    const range = document.createRange()
    range.setStart(run(0), 10)
    range.setEnd(run(24), 2)
    const offsets = rangeOffsets(root, range)
    expect(offsets).toEqual({ start: 10, end: 26 })
    expect(TEXT.slice(offsets!.start, offsets!.end)).toBe('Chính 🎉 met\n\n東京')
  })

  it('ignores a collapsed selection and one outside the text', () => {
    const collapsed = document.createRange()
    collapsed.setStart(run(0), 3)
    expect(rangeOffsets(root, collapsed)).toBeNull()
    const outside = document.createElement('div')
    outside.textContent = 'elsewhere'
    document.body.append(outside)
    const away = document.createRange()
    away.selectNodeContents(outside)
    expect(rangeOffsets(root, away)).toBeNull()
  })

  it('selects a stored passage again, and reads back the same offsets', () => {
    const dom = domRange(root, { start: 5, end: 18 })
    expect(dom?.toString()).toBe('Minh Chính 🎉')
    expect(rangeOffsets(root, dom!)).toEqual({ start: 5, end: 18 })
    expect(domRange(root, { start: 22, end: 24 })).toBeNull()
  })
})
