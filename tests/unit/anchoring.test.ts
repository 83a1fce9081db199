import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  anchorQuote,
  describeRange,
  findApproximateMatches,
  normalizeSelection,
  type Anchor
} from '../../src/shared/anchoring'

// Fixtures written for these tests (fictional reporting).
const ARTICLE = [
  'The regional council met on Tuesday to discuss the new ferry timetable.',
  'According to the harbour office, 4,200 passengers used the night ferry in August.',
  'The council agreed to add two departures on weekends from next spring.',
  'Critics said the decision came too late for the summer season.'
].join('\n\n')

function rangeOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from)
  if (start === -1) throw new Error(`fixture does not contain ${needle}`)
  return { start, end: start + needle.length }
}

function expectFound(anchor: Anchor): Extract<Anchor, { start: number }> {
  if (anchor.status === 'orphaned') throw new Error('expected the quote to be found')
  return anchor
}

describe('describeRange', () => {
  it('builds quote and position selectors with context', () => {
    const { start, end } = rangeOf(ARTICLE, '4,200 passengers')
    const { quote, position } = describeRange(ARTICLE, start, end, 10)
    expect(quote.exact).toBe('4,200 passengers')
    expect(quote.prefix).toBe('r office, ')
    expect(quote.suffix).toBe(' used the ')
    expect(position).toEqual({ start, end })
  })

  it('uses 32 characters of context by default and clips at the text edges', () => {
    const { quote } = describeRange(ARTICLE, 0, 3)
    expect(quote.prefix).toBe('')
    expect(quote.suffix).toHaveLength(32)
    const tail = describeRange(ARTICLE, ARTICLE.length - 5, ARTICLE.length)
    expect(tail.quote.suffix).toBe('')
    expect(tail.quote.prefix).toHaveLength(32)
  })

  it('does not cut a surrogate pair in the context', () => {
    const text = 'ab😀cdef'
    // A context of 1 before 'c' would start in the middle of the emoji.
    expect(describeRange(text, 4, 5, 1).quote.prefix).toBe('')
    expect(describeRange(text, 4, 5, 2).quote.prefix).toBe('😀')
    expect(describeRange('xy😀', 0, 2, 1).quote.suffix).toBe('')
    expect(describeRange('xy😀', 0, 2, 2).quote.suffix).toBe('😀')
  })

  it('throws clear errors for empty or out-of-range ranges', () => {
    expect(() => describeRange(ARTICLE, 5, 5)).toThrow(/empty/)
    expect(() => describeRange(ARTICLE, -1, 5)).toThrow(/outside the text/)
    expect(() => describeRange(ARTICLE, 0, ARTICLE.length + 1)).toThrow(/outside the text/)
    expect(() => describeRange(ARTICLE, 9, 3)).toThrow(/outside the text/)
    expect(() => describeRange(ARTICLE, 1.5, 3)).toThrow(/integers/)
    expect(() => describeRange('', 0, 0)).toThrow(/empty/)
  })
})

describe('normalizeSelection', () => {
  it('trims whitespace around the selection', () => {
    const text = 'one  two three\n'
    expect(normalizeSelection(text, 3, 15)).toEqual({ start: 5, end: 14 })
  })

  it('handles no-break and ideographic spaces, reversed and out-of-range input', () => {
    const text = '\u00a0東京\u3000'
    expect(normalizeSelection(text, 0, 4)).toEqual({ start: 1, end: 3 })
    expect(normalizeSelection(text, 99, -5)).toEqual({ start: 1, end: 3 })
  })

  it('collapses an all-whitespace selection', () => {
    expect(normalizeSelection('a   b', 1, 4)).toEqual({ start: 1, end: 1 })
  })
})

describe('anchorQuote', () => {
  it('anchors exactly when the text is unchanged', () => {
    const { start, end } = rangeOf(ARTICLE, 'two departures on weekends')
    const { quote, position } = describeRange(ARTICLE, start, end)
    expect(anchorQuote(ARTICLE, quote, position)).toEqual({
      status: 'exact',
      start,
      end,
      quote: 'two departures on weekends'
    })
  })

  it('finds a quote that moved after text was inserted before it', () => {
    const { start, end } = rangeOf(ARTICLE, 'two departures on weekends')
    const { quote, position } = describeRange(ARTICLE, start, end)
    const inserted = 'Editor’s note: this story was updated on Wednesday.\n\n'
    const edited = inserted + ARTICLE
    const anchor = expectFound(anchorQuote(edited, quote, position))
    expect(anchor.status).toBe('moved')
    expect(anchor.start).toBe(start + inserted.length)
    expect(anchor.quote).toBe('two departures on weekends')
  })

  it('picks the occurrence whose context matches when the quote appears twice', () => {
    const text =
      'The mayor said the budget was balanced. Later the auditor said the budget was balanced, ' +
      'but only on paper.'
    const second = rangeOf(text, 'the budget was balanced', text.indexOf('auditor'))
    const { quote } = describeRange(text, second.start, second.end)
    // Shift everything and give a stale position near the first occurrence, so nearest-first
    // would be wrong: only the context identifies the right one.
    const edited = 'UPDATED. ' + text
    const anchor = expectFound(anchorQuote(edited, quote, { start: 0, end: quote.exact.length }))
    expect(anchor.status).toBe('moved')
    expect(anchor.start).toBe(second.start + 'UPDATED. '.length)
    // And the first occurrence with its own context is found as well.
    const first = rangeOf(text, 'the budget was balanced')
    const firstSelectors = describeRange(text, first.start, first.end)
    const firstAnchor = expectFound(
      anchorQuote(edited, firstSelectors.quote, { start: text.length, end: text.length + 3 })
    )
    expect(firstAnchor.start).toBe(first.start + 'UPDATED. '.length)
  })

  it('falls back to the nearest occurrence when the context does not help', () => {
    const text = 'yes no yes no yes'
    const third = rangeOf(text, 'yes', 13)
    const quote = { exact: 'yes', prefix: '', suffix: '' }
    const anchor = expectFound(anchorQuote(text, quote, { start: 12, end: 14 }))
    expect(anchor.start).toBe(third.start)
  })

  it('finds a quote fuzzily after a typo inside it was fixed', () => {
    const original = ARTICLE.replace('passengers', 'pasengers')
    const { start, end } = rangeOf(original, 'harbour office, 4,200 pasengers used the night ferry')
    const { quote, position } = describeRange(original, start, end)
    const anchor = expectFound(anchorQuote(ARTICLE, quote, position))
    expect(anchor.status).toBe('fuzzy')
    expect(anchor.quote).toBe('harbour office, 4,200 passengers used the night ferry')
    expect(ARTICLE.slice(anchor.start, anchor.end)).toBe(anchor.quote)
  })

  it('finds a fuzzy match after both a typo fix and a move', () => {
    const original = ARTICLE.replace('decision came', 'decison came')
    const { start, end } = rangeOf(original, 'the decison came too late')
    const { quote, position } = describeRange(original, start, end)
    const edited = 'Background: the timetable dates from 2019.\n\n' + ARTICLE
    const anchor = expectFound(anchorQuote(edited, quote, position))
    expect(anchor.status).toBe('fuzzy')
    expect(anchor.quote).toBe('the decision came too late')
  })

  it('orphans a quote whose sentence was deleted', () => {
    const sentence = 'The council agreed to add two departures on weekends from next spring.'
    const { start, end } = rangeOf(ARTICLE, sentence)
    const { quote, position } = describeRange(ARTICLE, start, end)
    const edited = ARTICLE.replace(sentence + '\n\n', '')
    expect(anchorQuote(edited, quote, position)).toEqual({ status: 'orphaned' })
  })

  it('orphans empty quotes and quotes in an empty text', () => {
    expect(
      anchorQuote(ARTICLE, { exact: '', prefix: '', suffix: '' }, { start: 0, end: 0 })
    ).toEqual({ status: 'orphaned' })
    expect(anchorQuote('', { exact: 'a', prefix: '', suffix: '' }, { start: 0, end: 1 })).toEqual({
      status: 'orphaned'
    })
  })

  it('handles Vietnamese diacritics', () => {
    const text =
      'Ngày 2 tháng 9, hàng nghìn người dân đã tập trung tại quảng trường để xem lễ diễu hành. ' +
      'Ban tổ chức cho biết chương trình kéo dài khoảng hai giờ.'
    const { start, end } = rangeOf(text, 'hàng nghìn người dân đã tập trung')
    const { quote, position } = describeRange(text, start, end)
    const moved = 'Tin mới cập nhật. ' + text
    const anchor = expectFound(anchorQuote(moved, quote, position))
    expect(anchor).toMatchObject({ status: 'moved', quote: 'hàng nghìn người dân đã tập trung' })
    // A reworded phrase inside the quote is found fuzzily.
    const corrected = text.replace('tập trung', 'tập chung')
    const fuzzy = expectFound(anchorQuote(corrected, quote, position))
    expect(fuzzy.status).toBe('fuzzy')
    expect(fuzzy.quote).toBe('hàng nghìn người dân đã tập chung')
  })

  it('handles Japanese text', () => {
    const text =
      '市議会は火曜日に新しい図書館の建設計画を承認した。開館は二〇二七年の春を予定している。'
    const { start, end } = rangeOf(text, '新しい図書館の建設計画')
    const { quote, position } = describeRange(text, start, end)
    expect(anchorQuote(text, quote, position)).toMatchObject({ status: 'exact', start, end })
    const moved = '【速報】' + text
    expect(anchorQuote(moved, quote, position)).toMatchObject({
      status: 'moved',
      start: start + 4,
      quote: '新しい図書館の建設計画'
    })
    const edited = text.replace('建設計画', '建築計画')
    const fuzzy = expectFound(anchorQuote(edited, quote, position))
    expect(fuzzy.status).toBe('fuzzy')
    expect(fuzzy.quote).toBe('新しい図書館の建築計画')
  })

  it('never splits a surrogate pair in a fuzzy match', () => {
    const text = 'Fans cheered 🎉🎉 when the team won the cup final on Sunday'
    // The best alignment substitutes 'X' for the second half of the emoji.
    const quote = { exact: 'X when the team wan the cup', prefix: '', suffix: '' }
    const anchor = expectFound(anchorQuote(text, quote, { start: 0, end: 1 }))
    expect(anchor.status).toBe('fuzzy')
    expect(anchor.quote).toBe('🎉 when the team won the cup')
  })

  // Its speed is a row of npm run bench (re-anchoring), not an assertion here.
  it('finds an edited 500-character quote in a 100 kB text, and orphans it once gone', () => {
    const words = ['ferry', 'harbour', 'council', 'budget', 'season', 'night', 'route', 'plan']
    let seed = 7
    const random = (): number => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    let text = ''
    while (text.length < 100_000) {
      text += words[Math.floor(random() * words.length)] + (random() < 0.1 ? '. ' : ' ')
      if (random() < 0.05) text += String(Math.floor(random() * 10000)) + ' '
    }
    const start = 61_234
    const { quote, position } = describeRange(text, start, start + 500)
    // Replace a few characters inside the quote and shift it.
    const editedQuote =
      text.slice(start, start + 100) +
      'XX' +
      text.slice(start + 102, start + 400) +
      'Y' +
      text.slice(start + 401, start + 500)
    const edited = 'Preface. ' + text.slice(0, start) + editedQuote + text.slice(start + 500)
    const anchor = expectFound(anchorQuote(edited, quote, position))
    expect(anchor.status).toBe('fuzzy')
    expect(anchor.start).toBe(start + 'Preface. '.length)
    expect(anchor.quote).toBe(editedQuote)

    const deleted = text.slice(0, start) + text.slice(start + 500)
    const result = anchorQuote(deleted.replace(/[a-z]/g, 'q'), quote, position)
    expect(result.status).toBe('orphaned')
  })
})

describe('anchorQuote with long quotes', () => {
  const paragraph = (i: number): string =>
    `Paragraph ${i}: the committee reviewed item ${i * 7} and noted ${i % 5} objections. `
  const text = Array.from({ length: 400 }, (_, i) => paragraph(i)).join('')

  it('re-anchors a 3,000-character quote with edits by its head and tail', () => {
    const start = text.indexOf(paragraph(100))
    const end = start + 3000
    const { quote, position } = describeRange(text, start, end)
    const edited =
      'Intro. ' +
      text.slice(0, start + 1500) +
      'EDITED' +
      text.slice(start + 1510).replace('item 777', 'item 778')
    const anchor = expectFound(anchorQuote(edited, quote, position))
    expect(anchor.status).toBe('fuzzy')
    expect(anchor.start).toBe(start + 'Intro. '.length)
    expect(anchor.end - anchor.start).toBeGreaterThan(2900)
    expect(anchor.end - anchor.start).toBeLessThan(3100)
  })

  it('answers for a 20,000-character quote with every occurrence of a word changed', () => {
    const start = 5000
    const { quote, position } = describeRange(text, start, start + 20_000)
    const edited =
      text.slice(0, start) +
      text.slice(start, start + 20_000).replace(/committee/g, 'board') +
      text.slice(start + 20_000)
    const anchor = anchorQuote(edited, quote, position)
    expect(anchor.status === 'fuzzy' || anchor.status === 'orphaned').toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

const alphabet = fc.constantFrom(
  ...Array.from('aab cde.\nđặ日本😀'),
  ...Array.from('xyzXYZ0123456789 ,;')
)
const textArb = fc.string({ unit: alphabet, minLength: 1, maxLength: 160 })

/** A text and a non-empty range in it. */
const textWithRange = textArb.chain((text) =>
  fc.tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 })).map(([a, b]) => {
    const start = Math.min(a, b)
    const end = Math.max(a, b) + 1
    return { text, start, end }
  })
)

describe('anchorQuote properties', () => {
  it('an unchanged text always anchors exactly at the same range', () => {
    fc.assert(
      fc.property(textWithRange, fc.nat({ max: 40 }), ({ text, start, end }, context) => {
        const { quote, position } = describeRange(text, start, end, context)
        expect(anchorQuote(text, quote, position)).toEqual({
          status: 'exact',
          start,
          end,
          quote: text.slice(start, end)
        })
      }),
      { numRuns: 500 }
    )
  })

  it('an edit outside the quote never orphans it and yields the exact quote', () => {
    const editArb = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'replace'),
      before: fc.boolean(),
      a: fc.nat(),
      b: fc.nat(),
      inserted: fc.string({ unit: alphabet, maxLength: 40 })
    })
    fc.assert(
      fc.property(textWithRange, editArb, ({ text, start, end }, edit) => {
        const { quote, position } = describeRange(text, start, end)
        // The edited region [from, to) lies entirely before the quote or entirely after it.
        const [lo, hi] = edit.before ? [0, start] : [end, text.length]
        const x = lo + (edit.a % (hi - lo + 1))
        const y = lo + (edit.b % (hi - lo + 1))
        let from = Math.min(x, y)
        let to = Math.max(x, y)
        if (edit.kind === 'insert') to = from
        // Do not split a surrogate pair at the edit boundaries.
        const low = (i: number): boolean => /[\udc00-\udfff]/.test(text.charAt(i))
        if (low(from) && from > lo) from--
        if (low(to) && to < hi) to++
        const replacement = edit.kind === 'delete' ? '' : edit.inserted
        const edited = text.slice(0, from) + replacement + text.slice(to)
        const anchor = anchorQuote(edited, quote, position)
        expect(anchor.status === 'exact' || anchor.status === 'moved').toBe(true)
        const found = expectFound(anchor)
        expect(found.quote).toBe(quote.exact)
        expect(edited.slice(found.start, found.end)).toBe(quote.exact)
      }),
      { numRuns: 1000 }
    )
  })

  it('never returns a range outside the text', () => {
    fc.assert(
      fc.property(
        textArb,
        textArb,
        textArb,
        fc.nat({ max: 300 }),
        fc.nat({ max: 300 }),
        (text, exact, context, s, len) => {
          const anchor = anchorQuote(
            text,
            { exact, prefix: context, suffix: context },
            { start: s, end: s + len }
          )
          if (anchor.status === 'orphaned') return
          expect(anchor.start).toBeGreaterThanOrEqual(0)
          expect(anchor.end).toBeLessThanOrEqual(text.length)
          expect(anchor.start).toBeLessThan(anchor.end)
          expect(text.slice(anchor.start, anchor.end)).toBe(anchor.quote)
        }
      ),
      { numRuns: 500 }
    )
  })

  it('the bit-parallel search agrees with the textbook dynamic programme', () => {
    /** Minimum edit distance of the pattern to any substring ending at each offset (Sellers). */
    const sellers = (text: string, pattern: string): number[] => {
      let prev = Array.from({ length: text.length + 1 }, () => 0)
      for (let i = 1; i <= pattern.length; i++) {
        const row = [i]
        for (let j = 1; j <= text.length; j++) {
          const cost = pattern[i - 1] === text[j - 1] ? 0 : 1
          row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost)
        }
        prev = row
      }
      return prev
    }
    const abc = fc.constantFrom('a', 'b', 'c')
    fc.assert(
      fc.property(
        fc.string({ unit: abc, maxLength: 150 }),
        fc.string({ unit: abc, minLength: 1, maxLength: 90 }),
        fc.nat({ max: 12 }),
        (text, pattern, k) => {
          const maxErrors = Math.min(k, pattern.length - 1)
          const columns = sellers(text, pattern)
          const matches = findApproximateMatches(text, pattern, maxErrors)
          const expected = columns.some((d, j) => j > 0 && d <= maxErrors)
          expect(matches.length > 0).toBe(expected)
          for (const m of matches) {
            expect(columns[m.end]).toBeLessThanOrEqual(maxErrors)
            expect(m.errors).toBe(columns[m.end])
          }
        }
      ),
      { numRuns: 1500 }
    )
  })
})
