import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { extractFacts } from '../../src/server/facts/extract'
import { readNumber, valueOf } from '../../src/server/facts/numbers'
import { rulesFor } from '../../src/server/facts/rules'

const LANGS = ['en', 'nb', 'de', 'vi', 'ja'] as const

/** Each language's scale word as written after a number, with its power of ten. */
const SCALE: Record<(typeof LANGS)[number], { word: string; exp: number; space: boolean }> = {
  en: { word: 'million', exp: 6, space: true },
  nb: { word: 'milliarder', exp: 9, space: true },
  de: { word: 'Milliarden', exp: 9, space: true },
  vi: { word: 'tỷ', exp: 9, space: true },
  ja: { word: '億', exp: 8, space: false }
}

/** A figure as the language formats it: integer part and up to two decimals. */
const amount = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([whole, cents]) => Number(`${whole}.${String(cents).padStart(2, '0')}`))

function quantities(text: string, lang: string): Array<{ quote: string; low: number | null }> {
  return extractFacts(text, { lang, published: '2025-06-01' }).filter((f) => f.kind === 'quantity')
}

describe('numbers as each language formats them read back', () => {
  for (const lang of LANGS) {
    test(`${lang}: Intl.NumberFormat(${lang}) with a scale word and with a currency`, () => {
      const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })
      const scale = SCALE[lang]
      fc.assert(
        fc.property(amount, (n) => {
          const written = format.format(n)
          // With the scale word: "1,5 Milliarden", "2 tỷ", "3億".
          const scaled = `${written}${scale.space ? ' ' : ''}${scale.word}`
          const withScale = quantities(scaled, lang)
          expect(withScale.map((f) => f.quote)).toEqual([scaled])
          expect(withScale[0]!.low).toBe(Number(`${n}e${scale.exp}`))
          // Plain, given a currency so that the figure has something to be about.
          const plain = `${written} USD`
          const bare = quantities(plain, lang)
          expect(bare.map((f) => f.quote)).toEqual([plain])
          expect(bare[0]!.low).toBe(Number(n.toFixed(2)))
        }),
        { numRuns: 300 }
      )
    })
  }

  for (const lang of LANGS) {
    test(`${lang}: a plain Intl.NumberFormat(${lang}) figure is read whole, to its value`, () => {
      const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })
      const rules = rulesFor(lang)
      fc.assert(
        fc.property(amount, (n) => {
          const written = format.format(n)
          const token = readNumber(written, 0, rules)
          expect(token && written.slice(token.start, token.end)).toBe(written)
          expect(valueOf(token!)).toBe(Number(n.toFixed(2)))
        }),
        { numRuns: 300 }
      )
    })
  }

  test('small fractions keep their leading zeros ("0.01", "0,01")', () => {
    expect(quantities('0.01 USD', 'en')[0]?.low).toBe(0.01)
    expect(quantities('0,01 USD', 'de')[0]?.low).toBe(0.01)
    expect(quantities('0,05 %', 'nb')[0]?.low).toBe(0.05)
    for (const [text, lang] of [
      ['0.01', 'en'],
      ['0,01', 'de'],
      ['0,01', 'nb'],
      ['0,01', 'vi'],
      ['0.01', 'ja']
    ] as const) {
      const token = readNumber(text, 0, rulesFor(lang))
      expect(token && valueOf(token)).toBe(0.01)
    }
  })
})

describe('any text is read without a crash', () => {
  const check = (text: string, lang: string): void => {
    const facts = extractFacts(text, { lang, published: '2025-06-01' })
    for (const f of facts) {
      expect(f.quote).toBe(text.slice(f.start, f.end))
      expect(f.sentence).toBe(text.slice(f.sentenceStart, f.sentenceStart + f.sentence.length))
    }
  }

  test('random strings of any code units, in every language', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(...LANGS), check),
      { numRuns: 500 }
    )
  })

  test('random mixes of digits, separators, scale and month words', () => {
    const piece = fc.constantFrom(
      '1',
      '23',
      '456',
      '0',
      '.',
      ',',
      ' ',
      '\u00a0',
      '\u202f',
      '-',
      '–',
      '+',
      '%',
      '$',
      'USD',
      ' Milliarden',
      ' millioner',
      ' triệu',
      '億',
      '万',
      ' September ',
      'tháng ',
      '年',
      '月',
      'mehr als ',
      'rundt ',
      '\n',
      '. ',
      'www.',
      '@',
      'x'
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }).map((p) => p.join('')),
        fc.constantFrom(...LANGS),
        check
      ),
      { numRuns: 1000 }
    )
  })

  test('long runs without a stop or a space end and give exact offsets', () => {
    const runs = [
      'a'.repeat(20_000),
      '12.'.repeat(5_000) + ',',
      'aβ'.repeat(5_000),
      '12 '.repeat(5_000),
      '1'.repeat(20_000),
      '日本語の文章'.repeat(2_000),
      'x'.repeat(3_000) + '.png ' + '5 millioner kroner'
    ]
    for (const text of runs) for (const lang of LANGS) check(text, lang)
    const last = extractFacts(runs[6]!, { lang: 'nb' })
    expect(last.map((f) => f.quote)).toEqual(['5 millioner kroner'])
  })
})
