// Per-language rule tables. Separators and month names come from Intl (CLDR); the words
// around figures (scales, bounds, currencies, forecasts, periods) are listed here, one table
// per language. Unknown languages use the English words with their own Intl separators.

export interface LangRules {
  lang: string
  /** Decimal and grouping characters of the language (Intl.NumberFormat). */
  decimal: string
  group: string
  /** Scale words after a number, with their power of ten (long scale where it applies). */
  scales: Record<string, number>
  /** Number words for small counts. */
  numberWords: Record<string, number>
  /** Words that may start a range of number words but are not counts alone ("ein bis zwei"). */
  rangeOnlyWords: Record<string, number>
  /** Currency words and symbols after or before a number → ISO 4217. */
  currencies: Record<string, string>
  /** Bound words before a number. */
  atLeast: string[]
  atMost: string[]
  approx: string[]
  /** Bound words after a number ("or more", "以上"). */
  atLeastAfter: string[]
  atMostAfter: string[]
  approxAfter: string[]
  /** Words joining the two ends of a range ("1 to 2", "ein bis zwei"). */
  rangeWords: string[]
  /** Words that mark a sentence's figures as forecast or plan. */
  forecast: string[]
  /** Month forms, index 0 = January (Intl names plus common abbreviations). */
  months: string[][]
  /** Words before a date that leave its end open. */
  since: string[]
  /** Words that make a following year a date ("in 2025", "bis 2030"). */
  yearPrepositions: string[]
  /** "this year", "next year", "last year" → offset from the published year. */
  relativeYears: Record<string, number>
  /** "annual" words: a figure covering a whole year. */
  annual: string[]
  /** Percent words after a number. */
  percentWords: string[]
  /** Words that never count as the counted noun after a number. */
  stopWords: Set<string>
}

const ISO_CURRENCIES = ['USD', 'EUR', 'JPY', 'VND', 'NOK', 'GBP', 'CNY', 'KRW', 'CHF', 'SEK', 'DKK']

function separators(lang: string): { decimal: string; group: string } {
  let parts: Intl.NumberFormatPart[]
  try {
    parts = new Intl.NumberFormat(lang).formatToParts(1234567.5)
  } catch {
    parts = new Intl.NumberFormat('en').formatToParts(1234567.5)
  }
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ','
  }
}

function intlMonths(lang: string): string[][] {
  const out: string[][] = []
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2001, m, 15))
    const forms = new Set<string>()
    for (const month of ['long', 'short'] as const) {
      try {
        const name = new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' }).format(date)
        // Only names made of letters: "10月" and "Tháng 10" are handled by their own patterns.
        if (/^[\p{L}.]+$/u.test(name)) forms.add(name.toLowerCase())
        const dayForm = new Intl.DateTimeFormat(lang, { month, day: 'numeric', timeZone: 'UTC' })
          .formatToParts(date)
          .find((p) => p.type === 'month')?.value
        if (dayForm && /^[\p{L}.]+$/u.test(dayForm)) forms.add(dayForm.toLowerCase())
      } catch {
        // Intl without this locale: the English names below still apply.
      }
    }
    out.push([...forms].map((f) => f.replace(/\.$/, '')).filter((f) => f.length >= 3))
  }
  return out
}

function words(list: string): string[] {
  return list
    .split('|')
    .map((w) => w.trim())
    .filter(Boolean)
}

function numberMap(list: string, from = 2): Record<string, number> {
  const out: Record<string, number> = {}
  words(list).forEach((w, i) => {
    for (const form of w.split('/')) out[form] = i + from
  })
  return out
}

function currencyMap(extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { $: 'USD', us$: 'USD', '€': 'EUR', '£': 'GBP', '₫': 'VND' }
  for (const code of ISO_CURRENCIES) out[code.toLowerCase()] = code
  return { ...out, ...extra }
}

interface Table {
  scales: Record<string, number>
  numberWords: Record<string, number>
  rangeOnlyWords: Record<string, number>
  fractions: Record<string, number>
  currencies: Record<string, string>
  atLeast: string
  atMost: string
  approx: string
  atLeastAfter: string
  atMostAfter: string
  approxAfter: string
  rangeWords: string
  forecast: string
  months: string[][]
  since: string
  yearPrepositions: string
  relativeYears: Record<string, number>
  annual: string
  percentWords: string
  stopWords: string
}

const EN: Table = {
  scales: {
    thousand: 3,
    million: 6,
    millions: 6,
    mn: 6,
    m: 6,
    billion: 9,
    billions: 9,
    bn: 9,
    trillion: 12,
    trillions: 12,
    tn: 12
  },
  numberWords: numberMap(
    'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty'
  ),
  rangeOnlyWords: { one: 1 },
  fractions: {},
  currencies: currencyMap({
    dollar: 'USD',
    dollars: 'USD',
    'us dollars': 'USD',
    'us dollar': 'USD',
    euro: 'EUR',
    euros: 'EUR',
    yen: 'JPY',
    dong: 'VND',
    'vietnamese dong': 'VND',
    'norwegian kroner': 'NOK',
    kroner: 'NOK',
    pounds: 'GBP',
    yuan: 'CNY'
  }),
  atLeast: 'more than|over|above|at least|in excess of|exceeding|upwards of',
  atMost: 'up to|at most|no more than|less than|fewer than|under|below',
  approx: 'about|around|approximately|roughly|nearly|almost|some|close to|an estimated',
  atLeastAfter: 'or more|plus',
  atMostAfter: 'or less|or fewer',
  approxAfter: 'or so',
  rangeWords: 'to|and',
  forecast:
    'expected|expects|expect|forecast|forecasts|projected|planned|plans|plan to|will|aims|aim to|target|targets|intends|is set to|are set to|considering|considers|likely to|would',
  months: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sept', 'sep'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec']
  ],
  since: 'since|from|starting|beginning',
  yearPrepositions: 'in|by|since|until|from|during|of|for|before|after|through',
  relativeYears: { 'this year': 0, 'next year': 1, 'last year': -1 },
  annual: 'annual|annually|yearly|a year|per year|each year|every year',
  percentWords: 'percent|per cent|pct',
  stopWords:
    'and|or|of|in|on|at|to|for|from|by|with|the|a|an|this|that|these|those|is|are|was|were|be|been|has|have|had|will|would|which|who|as|per|than|more|less|over|under|about|up|between|since|into|its|their|his|her'
}

const NB: Table = {
  scales: {
    tusen: 3,
    million: 6,
    millioner: 6,
    mill: 6,
    mln: 6,
    milliard: 9,
    milliarder: 9,
    mrd: 9,
    billion: 12,
    billioner: 12
  },
  numberWords: numberMap(
    'to|tre|fire|fem|seks|sju/syv|åtte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten|tjue'
  ),
  rangeOnlyWords: { en: 1, ett: 1, ei: 1 },
  fractions: { halvannen: 1.5, halvannet: 1.5 },
  currencies: currencyMap({
    dollar: 'USD',
    'amerikanske dollar': 'USD',
    'us-dollar': 'USD',
    euro: 'EUR',
    yen: 'JPY',
    'japanske yen': 'JPY',
    dong: 'VND',
    kroner: 'NOK',
    krone: 'NOK',
    kr: 'NOK',
    'norske kroner': 'NOK',
    pund: 'GBP',
    yuan: 'CNY'
  }),
  atLeast: 'mer enn|over|minst|drøyt|i overkant av|flere enn|over hele',
  atMost: 'opptil|inntil|høyst|maksimalt|under|mindre enn|færre enn',
  approx: 'rundt|omtrent|om lag|ca|cirka|nesten|nærmere|anslagsvis|rundt regnet|knapt',
  atLeastAfter: 'eller mer|eller flere',
  atMostAfter: 'eller mindre|eller færre',
  approxAfter: '',
  rangeWords: 'til|og',
  forecast:
    'forventes|forventet|forventer|ventes|ventet|anslås|planlegger|planlagt|planen|vil|skal|tar sikte på|målet|mål om|sikter mot|vurderer|kan komme til|ville|prognose',
  months: [],
  since: 'siden|fra|fra og med|helt siden',
  yearPrepositions: 'i|innen|siden|fra|til|før|etter|frem til|fram til|per|for|under',
  relativeYears: { 'i år': 0, 'neste år': 1, 'i fjor': -1, 'til neste år': 1, 'året etter': 1 },
  annual: 'årlig|årlige|årleg|per år|i året|hvert år|årets',
  percentWords: 'prosent',
  stopWords:
    'og|eller|i|på|av|til|for|fra|med|om|som|er|var|har|ble|blir|en|et|ei|den|det|de|denne|dette|disse|enn|mer|over|under|innen|mellom|siden|sin|sitt|sine|hans|hennes|deres|å|seg|også|ikke|kan|vil|skal'
}

const DE: Table = {
  scales: {
    tausend: 3,
    tsd: 3,
    million: 6,
    millionen: 6,
    mio: 6,
    milliarde: 9,
    milliarden: 9,
    mrd: 9,
    billion: 12,
    billionen: 12
  },
  numberWords: numberMap(
    'zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig'
  ),
  rangeOnlyWords: { ein: 1, eine: 1, einem: 1, einer: 1, eins: 1 },
  fractions: {
    anderthalb: 1.5,
    eineinhalb: 1.5,
    zweieinhalb: 2.5,
    dreieinhalb: 3.5,
    viereinhalb: 4.5
  },
  currencies: currencyMap({
    'us-dollar': 'USD',
    'us dollar': 'USD',
    dollar: 'USD',
    euro: 'EUR',
    yen: 'JPY',
    dong: 'VND',
    'norwegische kronen': 'NOK',
    kronen: 'NOK',
    pfund: 'GBP',
    yuan: 'CNY'
  }),
  atLeast: 'mehr als|über|mindestens|gut|weit über|knapp über',
  atMost: 'bis zu|höchstens|maximal|weniger als|unter|knapp unter',
  approx: 'rund|etwa|ca|circa|ungefähr|fast|knapp|nahezu|beinahe|annähernd|schätzungsweise|gegen',
  atLeastAfter: 'oder mehr',
  atMostAfter: 'oder weniger',
  approxAfter: '',
  rangeWords: 'bis|und',
  forecast:
    'voraussichtlich|erwartet|erwarten|erwartete|soll|sollen|sollte|sollten|dürfte|dürften|plant|planen|geplant|Ziel|zielt|strebt|streben|anstreben|prognostiziert|Prognose|erwägt|erwägen|angekündigt|würde|würden|will|wollen|beabsichtigt',
  months: [],
  since: 'seit|ab|von|seit dem|seit Anfang',
  yearPrepositions: 'im|in|bis|seit|ab|von|vor|nach|für|zum|Jahr|Jahres|Jahre',
  relativeYears: {
    'in diesem jahr': 0,
    'dieses jahr': 0,
    'nächstes jahr': 1,
    'im nächsten jahr': 1,
    'im vorjahr': -1,
    'letztes jahr': -1,
    'im vergangenen jahr': -1
  },
  annual: 'jährlich|jährliche|jährlichen|jährlicher|pro jahr|im jahr|jahresumsatz|jahresvolumen',
  percentWords: 'prozent',
  stopWords:
    'und|oder|in|im|an|am|auf|aus|bei|bis|mit|nach|von|vom|vor|zu|zum|zur|für|über|unter|der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|als|mehr|seit|sowie|dieser|diese|dieses|sich|auch|nicht'
}

const VI: Table = {
  scales: { nghìn: 3, ngàn: 3, triệu: 6, tỷ: 9, tỉ: 9, 'nghìn tỷ': 12, 'ngàn tỷ': 12 },
  numberWords: numberMap('hai|ba|bốn|năm|sáu|bảy|tám|chín|mười'),
  rangeOnlyWords: { một: 1 },
  fractions: {},
  currencies: currencyMap({
    'đô la mỹ': 'USD',
    'đô la': 'USD',
    đô: 'USD',
    đồng: 'VND',
    'yên nhật': 'JPY',
    yên: 'JPY',
    euro: 'EUR',
    'nhân dân tệ': 'CNY'
  }),
  atLeast: 'hơn|trên|vượt|vượt quá|ít nhất|tối thiểu|vượt mốc|hơn mức',
  atMost: 'lên tới|lên đến|tối đa|dưới|không quá|chưa đến|chưa tới',
  approx: 'khoảng|gần|chừng|xấp xỉ|độ|ước tính|ước',
  atLeastAfter: '',
  atMostAfter: '',
  approxAfter: '',
  rangeWords: 'đến|tới',
  forecast:
    'dự kiến|dự báo|kế hoạch|sẽ|mục tiêu|dự định|ước tính|phấn đấu|hướng tới|xem xét|có thể đạt',
  months: [],
  since: 'từ|kể từ|từ khi|bắt đầu từ',
  yearPrepositions: 'năm|trong năm|đến năm|từ năm|vào năm',
  relativeYears: { 'năm nay': 0, 'năm tới': 1, 'năm sau': 1, 'năm ngoái': -1, 'năm trước': -1 },
  annual: 'hằng năm|hàng năm|mỗi năm|một năm|/năm',
  percentWords: 'phần trăm',
  stopWords:
    'và|hoặc|của|trong|tại|ở|với|cho|từ|đến|là|được|đã|sẽ|các|những|này|đó|năm|tháng|ngày|hơn|trên|khoảng|theo|vào|so'
}

const JA: Table = {
  scales: { 千: 3, 万: 4, 億: 8, 兆: 12 },
  numberWords: {},
  rangeOnlyWords: {},
  fractions: {},
  currencies: currencyMap({
    米ドル: 'USD',
    ドル: 'USD',
    円: 'JPY',
    ユーロ: 'EUR',
    ドン: 'VND',
    ウォン: 'KRW',
    元: 'CNY',
    '¥': 'JPY',
    '￥': 'JPY'
  }),
  atLeast: '',
  atMost: '最大|最高',
  approx: '約|およそ|ほぼ|概ね|おおむね',
  atLeastAfter: '超|以上|余り|あまり|強',
  atMostAfter: '以下|未満|まで|弱',
  approxAfter: '程度|ほど|前後|近く',
  rangeWords: '～|〜|から',
  forecast: '見込み|見通し|予定|計画|目標|見込む|予想|方針|目指す|検討',
  months: [],
  since: '',
  yearPrepositions: '',
  relativeYears: { 今年: 0, 来年: 1, 昨年: -1, 去年: -1 },
  annual: '年間|毎年|年額',
  percentWords: 'パーセント',
  stopWords: ''
}

const TABLES: Record<string, Table> = { en: EN, nb: NB, no: NB, nn: NB, de: DE, vi: VI, ja: JA }

const cache = new Map<string, LangRules>()

/** The rules for a language (ISO 639-1); an unknown one gets English words, its own separators. */
export function rulesFor(lang: string): LangRules {
  const code = (lang || 'en').toLowerCase().split(/[-_]/)[0] || 'en'
  const hit = cache.get(code)
  if (hit) return hit
  const table = TABLES[code] ?? EN
  const intl = intlMonths(code === 'no' ? 'nb' : code)
  const months = intl.map((forms, i) => [...new Set([...forms, ...(table.months[i] ?? [])])])
  const { decimal, group } = separators(code)
  const rules: LangRules = {
    lang: code,
    decimal,
    group,
    scales: table.scales,
    numberWords: { ...table.numberWords, ...table.fractions },
    rangeOnlyWords: table.rangeOnlyWords,
    currencies: table.currencies,
    atLeast: words(table.atLeast),
    atMost: words(table.atMost),
    approx: words(table.approx),
    atLeastAfter: words(table.atLeastAfter),
    atMostAfter: words(table.atMostAfter),
    approxAfter: words(table.approxAfter),
    rangeWords: words(table.rangeWords),
    forecast: words(table.forecast),
    months,
    since: words(table.since),
    yearPrepositions: words(table.yearPrepositions),
    relativeYears: table.relativeYears,
    annual: words(table.annual),
    percentWords: words(table.percentWords),
    stopWords: new Set(words(table.stopWords).map((w) => w.toLowerCase()))
  }
  cache.set(code, rules)
  return rules
}
