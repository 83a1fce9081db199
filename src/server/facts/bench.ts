// Bench rows for facts: extraction from a 1,400-word article and pairing over 200 sources.
// Texts are generated here (figures, dates, names in three languages), never taken from
// real articles.

import { performance } from 'node:perf_hooks'
import type { StoredFact } from '../../shared/factTypes'
import { extractFacts } from './extract'
import { pairFacts } from './match'

type BenchRow = { measure: string; ours: string; native: string; target: string }

const TOWNS = ['Tromsø', 'Bodø', 'Hà Nội', 'Đà Nẵng', 'München', 'Köln', 'Osaka', 'Sapporo']
const MONTHS = {
  en: ['January', 'March', 'May', 'July', 'September', 'November'],
  de: ['Januar', 'März', 'Mai', 'Juli', 'September', 'November'],
  nb: ['januar', 'mars', 'mai', 'juli', 'september', 'november']
}

/** One sentence with two or three figures, in the language asked for; i varies it. */
function sentenceOf(lang: 'en' | 'de' | 'nb', i: number): string {
  const town = TOWNS[i % TOWNS.length] as string
  const month = MONTHS[lang][i % 6] as string
  const amount = 10 + ((i * 37) % 90)
  const count = 100 + ((i * 53) % 900)
  const pct = 1 + ((i * 7) % 40)
  switch (lang) {
    case 'de':
      return `Der Rat von ${town} gab im ${month} ${2020 + (i % 6)} rund ${amount},5 Millionen Euro für ${count} neue Wohnungen aus, ein Plus von ${pct} % gegenüber dem Vorjahr.`
    case 'nb':
      return `Kommunen i ${town} brukte i ${month} ${2020 + (i % 6)} over ${amount} millioner kroner på ${count} nye boliger, en økning på ${pct} prosent fra året før.`
    default:
      return `The council of ${town} spent about ${amount}.5 million USD on ${count} new homes in ${month} ${2020 + (i % 6)}, up ${pct}% on the year before.`
  }
}

function article(lang: 'en' | 'de' | 'nb', words: number, seed: number): string {
  const parts: string[] = []
  let count = 0
  for (let i = seed; count < words; i++) {
    const sentence = sentenceOf(lang, i)
    parts.push(sentence)
    count += sentence.split(/\s+/).length
    // Plain prose between figures, as in a real article.
    const prose = 'The plan was discussed at length by residents and officials at the meeting.'
    parts.push(prose)
    count += prose.split(/\s+/).length
  }
  return parts.join(' ')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`

/** A deterministic pseudo-random sequence (xorshift), so every run reads the same text. */
function randomOf(seed: number): () => number {
  let x = seed | 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
}

/**
 * About `bytes` characters of what a large import holds: articles in three languages, tables
 * of bare figures, long runs without a stop or a space, and binary-looking noise.
 */
export function mixedText(bytes: number, seed = 1): string {
  const next = randomOf(seed)
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < bytes; i++) {
    let part: string
    switch (i % 6) {
      case 0:
      case 1:
      case 2:
        part = article((['en', 'de', 'nb'] as const)[i % 3]!, 400, i)
        break
      case 3: {
        const cells: string[] = []
        for (let k = 0; k < 2000; k++) cells.push(String(Math.floor(next() * 1e6)))
        part = cells.join(k3(next))
        break
      }
      case 4:
        part = 'abcdefghij'.repeat(1 + Math.floor(next() * 800)) + '1.2.3.4.5.6.7.8.9'.repeat(40)
        break
      default: {
        const codes: number[] = []
        for (let k = 0; k < 8000; k++) codes.push(Math.floor(next() * 0x3000))
        part = String.fromCharCode(...codes)
      }
    }
    parts.push(part)
    length += part.length + 1
  }
  return parts.join('\n').slice(0, bytes)
}

function k3(next: () => number): string {
  return [' ', '.', ',', '\u00a0', ' ; '][Math.floor(next() * 5)]!
}

export function benchFacts(rows: BenchRow[]): void {
  const text = article('en', 1400, 0)
  const took: number[] = []
  let found = 0
  for (let i = 0; i < 7; i++) {
    const start = performance.now()
    found = extractFacts(text, { lang: 'en', published: '2025-06-01' }).length
    took.push(performance.now() - start)
  }
  rows.push({
    measure: `facts: a 1,400-word article (${found} facts)`,
    ours: ms(median(took)),
    native: '',
    target: '≤ 50 ms'
  })

  const big = mixedText(5_000_000)
  for (const lang of ['en', 'de', 'ja'] as const) {
    const start = performance.now()
    const count = extractFacts(big, { lang, published: '2025-06-01' }).length
    rows.push({
      measure: `facts: 5 MB of mixed text and noise, ${lang} (${count} facts)`,
      ours: ms(performance.now() - start),
      native: '',
      target: '≤ 3 s'
    })
  }

  const langs = ['en', 'de', 'nb'] as const
  const facts: StoredFact[] = []
  for (let s = 0; s < 200; s++) {
    const lang = langs[s % 3] as 'en' | 'de' | 'nb'
    const sourceId = `source-${s}`
    for (const fact of extractFacts(article(lang, 300, s * 3), { lang, published: '2025-06-01' })) {
      facts.push({ ...fact, owner: 'source', ownerId: sourceId, sourceId })
    }
  }
  const pairTimes: number[] = []
  let pairs = 0
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    pairs = pairFacts(facts).length
    pairTimes.push(performance.now() - start)
  }
  rows.push({
    measure: `facts: pairs over 200 sources (${facts.length} facts, ${pairs} pairs)`,
    ours: ms(median(pairTimes)),
    native: '',
    target: '≤ 2 s'
  })
}
