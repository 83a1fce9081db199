// Pairs facts from different sources that speak of the same thing, and says how they compare.
// Same dimension first (money in one currency, percent, a count of the same kind of thing, a
// date), then shared context in the two sentences: names and words with diacritics folded,
// the other figures of the sentence, and concepts from a small table of cognates and
// translations. Each fact is paired at most once per other source, best context first.
// Pure: no I/O. Nothing is decided for the analyst: both quotes are always given.

import type { FactPair, PairOutcome, StoredFact } from '../../shared/factTypes'

/**
 * Key nouns across en, nb, de, vi, ja: folded stems (lower case, no diacritics). A word holding
 * a stem stands for its concept. Kept small on purpose: the nouns figures are reported about.
 */
const CONCEPTS: Record<string, readonly string[]> = {
  phd: [
    'phd',
    'doctoral',
    'doctorate',
    'doktorgrad',
    'doktorand',
    'nghien cuu sinh',
    'tien si',
    '博士'
  ],
  student: ['student', 'studierend', 'sinh vien', '学生'],
  university: ['universit', 'dai hoc', '大学'],
  programme: ['program', 'chuong trinh', 'プログラム', '計画'],
  research: ['research', 'forskning', 'forschung', 'nghien cuu', '研究'],
  trade: ['trade', 'handel', 'thuong mai', 'kim ngach', '貿易'],
  investment: ['invest', 'dau tu', '投資'],
  company: [
    'compan',
    'business',
    'firm',
    'bedrift',
    'selskap',
    'unternehm',
    'firma',
    'doanh nghiep',
    '企業'
  ],
  project: ['project', 'prosjekt', 'projekt', 'du an', 'プロジェクト', '案件'],
  loan: ['loan', 'programlan', 'odalan', 'kredit', 'darlehen', 'khoan vay', '借款', '融資'],
  energy: ['energ', 'nang luong', 'エネルギー'],
  visitor: [
    'visitor',
    'travel',
    'tourist',
    'reisend',
    'reiseverkehr',
    'besokende',
    'du khach',
    '旅行'
  ],
  bilateral: ['bilateral', 'song phuong', '二国間'],
  half: ['half', 'halvpart', 'halfte', 'mot nua', '半分'],
  metro: ['metro', 'u-bahn', 'ubahn', 'subway', 'tau dien', '地下鉄'],
  wastewater: ['wastewater', 'avlop', 'klaranlage', 'nuoc thai', '下水'],
  passenger: ['passenger', 'passasjer', 'passagier', 'hanh khach', '乗客'],
  worker: ['worker', 'arbeider', 'arbeiter', 'cong nhan', '労働者'],
  site: ['site', 'byggeplass', 'baustelle', 'cong truong', '現場'],
  meeting: ['meeting', 'mote', 'treff', 'cuoc gap', '会談', '会合'],
  vietnamese: ['vietnames', 'viet nam', 'vietnam', 'ベトナム'],
  japanese: ['japan', 'nhat ban', '日本']
}

/** Counted nouns that say nothing of what is counted: compatible with any count. */
const GENERIC_COUNTS = /^(people|persons?|personen|mennesker|personer|nguoi|人|名)$/

/** Words too common to tell two sentences apart, in any of the five languages. */
const STOP = new Set(
  (
    'the and for with from that this have has been will were over more than about into ' +
    'der die das und mit von den dem des ein eine einer eines sich auch sind wird werden ' +
    'zwischen bei nach aus sowie rund uber mehr als seit fur dass ' +
    'det den som med til for fra har ble blir ved mer enn over rundt ogsa eller etter innen ' +
    'cac cua va voi cho trong nhung duoc mot nam thang'
  ).split(' ')
)

function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

type Context = {
  words: Set<string>
  concepts: Set<string>
  numbers: Set<number>
}

type Item = {
  fact: StoredFact
  source: string
  dim: string
  ctx: Context
  /** Words and concepts close to the quote: what tells apart the dates of one listing. */
  near: Set<string>
}

/** Characters either side of a quote that count as its near context. */
const NEAR = 60

function nearOf(fact: StoredFact): Set<string> {
  const at = Math.max(0, fact.sentence.indexOf(fact.quote))
  const folded = fold(
    fact.sentence.slice(Math.max(0, at - NEAR), at) +
      ' ' +
      fact.sentence.slice(at + fact.quote.length, at + fact.quote.length + NEAR)
  )
  const near = new Set(
    (folded.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []).filter((word) => !STOP.has(word))
  )
  for (const concept of conceptsOf(folded)) near.add(`#${concept}`)
  return near
}

function conceptsOf(folded: string): Set<string> {
  const found = new Set<string>()
  for (const [concept, stems] of Object.entries(CONCEPTS)) {
    if (stems.some((stem) => folded.includes(stem))) found.add(concept)
  }
  return found
}

function nounConcept(unit: string): string {
  const folded = fold(unit)
  if (GENERIC_COUNTS.test(folded)) return '*'
  for (const [concept, stems] of Object.entries(CONCEPTS)) {
    if (stems.some((stem) => folded.includes(stem))) return concept
  }
  // Unknown nouns compare by their first letters (Universiteter / Universitäten).
  return `~${folded.slice(0, 5)}`
}

/** What a fact measures; facts pair only within one dimension. */
function dimensionOf(fact: StoredFact): string {
  if (fact.kind === 'date') return 'date'
  const unit = fact.unit
  if (unit === null) return 'count:*'
  if (unit === '%') return 'percent'
  if (/^[A-Z]{3}$/.test(unit)) return `money:${unit}`
  return `count:${nounConcept(unit)}`
}

/** How long a date is: days, months and starts compare; a year with a year; a part-year with its kind. */
function grainOf(fact: StoredFact): string {
  if (!fact.from) return 'none'
  if (fact.to === null || fact.to === fact.from) return 'point'
  const days = (Date.parse(fact.to) - Date.parse(fact.from)) / 86_400_000
  if (days <= 31) return 'point'
  if (fact.from.endsWith('-01-01') && fact.to.endsWith('-12-31') && days < 366) return 'year'
  return 'period'
}

function dimensionsMatch(a: Item, b: Item): boolean {
  if (a.dim === 'date' && b.dim === 'date') return grainOf(a.fact) === grainOf(b.fact)
  if (a.dim === b.dim) return true
  if (a.dim.startsWith('count:') && b.dim.startsWith('count:')) {
    // "250 persons" counts what its sentence speaks of: the other side's noun must be there.
    const [generic, specific] = a.dim === 'count:*' ? [a, b] : [b, a]
    if (generic.dim !== 'count:*') return false
    const concept = specific.dim.slice('count:'.length)
    return concept === '*' || generic.ctx.concepts.has(concept)
  }
  return false
}

function contextsOf(facts: StoredFact[]): Map<string, Context> {
  const bySentence = new Map<string, StoredFact[]>()
  for (const fact of facts) {
    const key = `${fact.sourceId}\u0000${fact.sentence}`
    const list = bySentence.get(key)
    if (list) list.push(fact)
    else bySentence.set(key, [fact])
  }
  const contexts = new Map<string, Context>()
  for (const [key, list] of bySentence) {
    const sentence = list[0]?.sentence ?? ''
    const folded = fold(sentence)
    const words = new Set(
      (folded.match(/[\p{L}][\p{L}\p{N}-]{2,}/gu) ?? []).filter((word) => !STOP.has(word))
    )
    const numbers = new Set<number>()
    for (const fact of list) {
      if (fact.kind === 'quantity' && fact.low !== null) numbers.add(fact.low)
      if (fact.kind === 'date' && fact.from) numbers.add(Number(fact.from.slice(0, 4)))
    }
    contexts.set(key, { words, concepts: conceptsOf(folded), numbers })
  }
  return contexts
}

/** Words found in more than this share of all sentences carry no weight. */
const COMMON_SHARE = 0.3

function sharedScore(a: Item, b: Item, common: Set<string>): number {
  let score = 0
  for (const word of a.ctx.words) if (b.ctx.words.has(word) && !common.has(word)) score += 1
  for (const concept of a.ctx.concepts) {
    if (b.ctx.concepts.has(concept) && !common.has(`#${concept}`)) score += 1
  }
  // Other figures of the sentence (not the pair's own).
  const own = new Set([a.fact.low, b.fact.low])
  for (const n of a.ctx.numbers) if (!own.has(n) && b.ctx.numbers.has(n)) score += 1
  for (const word of a.near) if (b.near.has(word) && !common.has(word)) score += 1
  return score
}

/** Context tokens of a fact for the candidate index (an upper bound of sharedScore). */
function tokens(item: Item, common: Set<string>): string[] {
  const out: string[] = []
  for (const word of item.ctx.words) if (!common.has(word)) out.push(`w:${word}`)
  for (const concept of item.ctx.concepts) if (!common.has(`#${concept}`)) out.push(`c:${concept}`)
  for (const n of item.ctx.numbers) out.push(`n:${n}`)
  for (const word of item.near) if (!common.has(word)) out.push(`r:${word}`)
  return out
}

/**
 * Most pairs one fact takes part in, best context first: a figure repeated by many sources
 * is compared with the closest few, not with all of them.
 */
const MAX_PAIRS_PER_FACT = 8

/** Tokens held by more facts than this do not find candidates (they still score). */
const MAX_HOLDERS = 64

/** Lowest context score for a pair: dates need more, being everywhere in an article. */
const MIN_SCORE = { quantity: 2, date: 3 } as const

type Interval = { lo: number; hi: number; exact: boolean }

function intervalOf(fact: StoredFact): Interval {
  const low = fact.low ?? 0
  switch (fact.bound) {
    case 'at-least':
      return { lo: low, hi: fact.high ?? Infinity, exact: false }
    case 'at-most':
      return { lo: -Infinity, hi: fact.high ?? low, exact: false }
    case 'approximate':
      return { lo: low * 0.9, hi: (fact.high ?? low) * 1.1, exact: false }
    case 'range':
      return { lo: low, hi: fact.high ?? low, exact: false }
    default:
      return { lo: low, hi: fact.high ?? low, exact: true }
  }
}

function periodText(period: StoredFact['period']): string {
  if (!period) return 'no stated period'
  return `${period.from} to ${period.to ?? 'open end'}`
}

export function compareFacts(
  a: StoredFact,
  b: StoredFact
): { outcome: PairOutcome; reason: string } {
  if (a.status !== b.status) {
    return {
      outcome: 'not-comparable',
      reason: `"${a.quote}" is ${a.status === 'actual' ? 'an actual figure' : 'a forecast'}, "${b.quote}" ${b.status === 'actual' ? 'an actual figure' : 'a forecast'}`
    }
  }
  if (a.kind === 'date') return compareDates(a, b)
  const pa = a.period
  const pb = b.period
  if ((pa || pb) && (pa?.from !== pb?.from || pa?.to !== pb?.to)) {
    return {
      outcome: 'not-comparable',
      reason: `different periods: ${periodText(pa)} vs ${periodText(pb)}`
    }
  }
  const ia = intervalOf(a)
  const ib = intervalOf(b)
  if (ia.lo === ib.lo && ia.hi === ib.hi) {
    return { outcome: 'consistent', reason: `both give ${describe(a)}` }
  }
  const aInB = ia.lo >= ib.lo && ia.hi <= ib.hi
  const bInA = ib.lo >= ia.lo && ib.hi <= ia.hi
  if (!ia.exact && !ib.exact && ia.lo <= ib.hi && ib.lo <= ia.hi && !aInB && !bInA) {
    return { outcome: 'consistent', reason: `${describe(a)} and ${describe(b)} overlap` }
  }
  if (aInB || bInA) {
    const [precise, loose] = aInB ? [a, b] : [b, a]
    if (!intervalOf(loose).exact && !intervalOf(precise).exact && loose.bound === precise.bound) {
      return { outcome: 'consistent', reason: `${describe(a)} and ${describe(b)} agree` }
    }
    return {
      outcome: 'more-precise',
      reason: `"${precise.quote}" lies within "${loose.quote}" and is more precise`
    }
  }
  return { outcome: 'conflict', reason: `${describe(a)} vs ${describe(b)}` }
}

function describe(fact: StoredFact): string {
  const unit = fact.unit ? ` ${fact.unit}` : ''
  const value = (n: number | null): string => (n === null ? '?' : n.toLocaleString('en'))
  switch (fact.bound) {
    case 'at-least':
      return `at least ${value(fact.low)}${unit}`
    case 'at-most':
      return `at most ${value(fact.high)}${unit}`
    case 'approximate':
      return `about ${value(fact.low)}${unit}`
    case 'range':
      return `${value(fact.low)}–${value(fact.high)}${unit}`
    default:
      return `${value(fact.low)}${unit}`
  }
}

function compareDates(a: StoredFact, b: StoredFact): { outcome: PairOutcome; reason: string } {
  const span = (f: StoredFact): string =>
    `${f.from}${f.to === f.from ? '' : ` to ${f.to ?? 'open end'}`}`
  if (a.from === b.from && a.to === b.to) {
    return { outcome: 'consistent', reason: `both give ${span(a)}` }
  }
  const aOpen = a.to === null
  const bOpen = b.to === null
  if (aOpen || bOpen) {
    // A start: "since September" against "from October" or "in October".
    if (a.from === b.from) return { outcome: 'consistent', reason: `both start ${a.from}` }
    return { outcome: 'conflict', reason: `starts ${a.from} vs ${b.from}` }
  }
  const within = (x: StoredFact, y: StoredFact): boolean =>
    (x.from ?? '') >= (y.from ?? '') && (x.to ?? '') <= (y.to ?? '')
  if (within(a, b) || within(b, a)) {
    const [precise, loose] = within(a, b) ? [a, b] : [b, a]
    return {
      outcome: 'more-precise',
      reason: `"${precise.quote}" lies within "${loose.quote}" and is more precise`
    }
  }
  return { outcome: 'conflict', reason: `${span(a)} vs ${span(b)}` }
}

/**
 * Pairs over all sources: candidates are facts of one dimension from two different sources
 * whose sentences share enough context; the best-scored candidates are kept first, each fact
 * at most once per other source.
 */
/**
 * `origins` maps a source to the root of its origin (the source it was translated or copied
 * from, followed to the end); sources not in it are their own origin.
 */
export function pairFacts(facts: StoredFact[], origins?: ReadonlyMap<string, string>): FactPair[] {
  const originOf = (source: string): string => origins?.get(source) ?? source
  const usable = facts.filter(
    (fact): fact is StoredFact & { sourceId: string } => fact.sourceId !== null
  )
  const contexts = contextsOf(usable)
  const items: Item[] = usable.map((fact) => ({
    fact,
    source: fact.sourceId,
    dim: dimensionOf(fact),
    ctx: contexts.get(`${fact.sourceId}\u0000${fact.sentence}`) as Context,
    near: nearOf(fact)
  }))
  // Words and concepts in too many sentences (Vietnam, Japan in an article about both).
  const df = new Map<string, number>()
  for (const context of contexts.values()) {
    for (const word of context.words) df.set(word, (df.get(word) ?? 0) + 1)
    for (const concept of context.concepts) df.set(`#${concept}`, (df.get(`#${concept}`) ?? 0) + 1)
  }
  const limit = Math.max(3, contexts.size * COMMON_SHARE)
  const common = new Set([...df].filter(([, n]) => n > limit).map(([word]) => word))

  // Candidates by dimension bucket, so 200 sources do not compare every fact with every fact.
  const buckets = new Map<string, Item[]>()
  for (const item of items) {
    const bucket = item.dim.startsWith('count:') ? 'count' : item.dim
    const list = buckets.get(bucket)
    if (list) list.push(item)
    else buckets.set(bucket, [item])
  }
  type Candidate = { a: Item; b: Item; score: number }
  const candidates: Candidate[] = []
  // Equal context: a pair of the same status (both forecasts) is more likely one statement.
  const sameStatus = (c: Candidate): number => (c.a.fact.status === c.b.fact.status ? 1 : 0)
  for (const list of buckets.values()) {
    // An index from each context token to the facts holding it: only facts that share
    // something are ever scored.
    const index = new Map<string, number[]>()
    const tokensOf = list.map((item) => tokens(item, common))
    tokensOf.forEach((own, i) => {
      for (const token of own) {
        const holders = index.get(token)
        if (holders) holders.push(i)
        else index.set(token, [i])
      }
    })
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as Item
      const shared = new Map<number, number>()
      for (const token of tokensOf[i] as string[]) {
        const holders = index.get(token) as number[]
        // A token many facts hold finds no particular partner (a year, a template word).
        if (holders.length > MAX_HOLDERS) continue
        for (const j of holders) {
          if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1)
        }
      }
      const mine: Candidate[] = []
      for (const [j, upper] of shared) {
        if (upper < MIN_SCORE[a.fact.kind]) continue
        const b = list[j] as Item
        if (a.source === b.source || !dimensionsMatch(a, b)) continue
        const score = sharedScore(a, b, common)
        if (score >= MIN_SCORE[a.fact.kind]) mine.push({ a, b, score })
      }
      mine.sort((x, y) => y.score - x.score || sameStatus(y) - sameStatus(x))
      candidates.push(...mine.slice(0, MAX_PAIRS_PER_FACT * 4))
    }
  }
  candidates.sort((x, y) => y.score - x.score || sameStatus(y) - sameStatus(x))
  const taken = new Set<string>()
  const keyOf = (item: Item, other: string): string =>
    `${item.source}:${item.fact.ownerId}:${item.fact.start}>${other}`
  const perFact = new Map<Item, number>()
  const pairs: FactPair[] = []
  for (const { a, b, score } of candidates) {
    const ka = keyOf(a, b.source)
    const kb = keyOf(b, a.source)
    if (taken.has(ka) || taken.has(kb)) continue
    if ((perFact.get(a) ?? 0) >= MAX_PAIRS_PER_FACT) continue
    if ((perFact.get(b) ?? 0) >= MAX_PAIRS_PER_FACT) continue
    const sameOrigin = originOf(a.source) === originOf(b.source)
    const compared = compareFacts(a.fact, b.fact)
    // A translation agreeing with its original confirms nothing: not a pair to show.
    if (sameOrigin && compared.outcome === 'consistent') continue
    taken.add(ka)
    taken.add(kb)
    perFact.set(a, (perFact.get(a) ?? 0) + 1)
    perFact.set(b, (perFact.get(b) ?? 0) + 1)
    const { outcome } = compared
    const reason = sameOrigin
      ? `${compared.reason} (same origin: one source is a translation or copy of the other)`
      : compared.reason
    pairs.push({ a: side(a), b: side(b), outcome, reason, score, sameOrigin })
  }
  return pairs
}

function side(item: Item): FactPair['a'] {
  return {
    sourceId: item.source,
    quote: item.fact.quote,
    sentence: item.fact.sentence,
    start: item.fact.start,
    end: item.fact.end,
    kind: item.fact.kind
  }
}
