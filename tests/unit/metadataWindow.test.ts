import { describe, expect, it } from 'vitest'
import { prepareImport } from '../../src/server/import'
import { metadataWindow } from '../../src/server/import/metadataWindow'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

/** A report of `lines` short lines between a real head and a real tail. */
function longReport(lines: number): string {
  const head = [
    'Tokyo and Hanoi widen their trade pact',
    '',
    'Hanoi, 3 October 2025 — Trade between the two countries is set to pass 50 billion dollars.',
    ''
  ].join('\n')
  const tail = ['', 'Source: https://news.example.org/vn-jp/2025/10/03/trade', ''].join('\n')
  return head + 'row\n'.repeat(lines) + tail
}

describe('metadata of a long document', () => {
  it('comes from its head and tail: title, date and the source line at the very end', () => {
    const draft = prepareImport(encode(longReport(400_000)), 'report.txt')
    if (!draft.ok) throw new Error(draft.message)
    expect(draft.draft.title).toBe('Tokyo and Hanoi widen their trade pact')
    expect(draft.draft.publishedAt).toBe('2025-10-03')
    expect(draft.draft.url).toBe('https://news.example.org/vn-jp/2025/10/03/trade')
    // The text itself is kept whole.
    expect(draft.draft.content.length).toBeGreaterThan(1_600_000)
  })

  it('gives the same metadata as the whole text for a document under the limit', () => {
    const text = longReport(100)
    expect(metadataWindow(text, []).text).toBe(text)
  })

  it('moves clutter ranges with the text they cover, and clips those cut by the window', () => {
    const text = 'a'.repeat(150_000) + '\n' + 'b'.repeat(150_000) + '\n' + 'CLUTTER tail\n'
    const tailAt = text.indexOf('CLUTTER')
    const ranges = [
      { start: 10, end: 20, reason: 'counter' as const },
      { start: 149_990, end: 150_010, reason: 'counter' as const },
      { start: tailAt, end: tailAt + 7, reason: 'counter' as const }
    ]
    const window = metadataWindow(text, ranges)
    expect(window.text.length).toBeLessThan(130_000)
    const covered = window.clutter.map((range) => window.text.slice(range.start, range.end))
    expect(covered).toContain('a'.repeat(10))
    expect(covered).toContain('CLUTTER')
    for (const range of window.clutter) expect(range.end).toBeGreaterThan(range.start)
  })
})
