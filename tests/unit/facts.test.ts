import { describe, expect, test } from 'vitest'
import { extractFacts } from '../../src/server/facts/extract'
import type { Fact } from '../../src/server/facts/types'

interface Want {
  quote: string
  low?: number | null
  high?: number | null
  bound?: Fact['bound']
  unit?: string | null
  from?: string | null
  to?: string | null
  status?: Fact['status']
  period?: Fact['period']
}

function facts(text: string, lang: string, published: string | null = '2025-09-21'): Fact[] {
  return extractFacts(text, { lang, published })
}

/** The fact quoted `want.quote`, with every field the row names. */
function expectFact(text: string, lang: string, want: Want, published?: string | null): void {
  const all = facts(text, lang, published)
  const hit = all.find((f) => f.quote === want.quote)
  expect(hit, `no fact "${want.quote}" in ${JSON.stringify(all.map((f) => f.quote))}`).toBeDefined()
  const { quote: _quote, ...fields } = want
  expect(hit).toMatchObject(fields)
  expect(text.slice(hit!.start, hit!.end)).toBe(hit!.quote)
  expect(hit!.sentence.includes(hit!.quote)).toBe(true)
}

function quotes(text: string, lang: string, kind?: Fact['kind']): string[] {
  return facts(text, lang)
    .filter((f) => !kind || f.kind === kind)
    .map((f) => f.quote)
}

describe('quantities', () => {
  const rows: Array<[string, string, Want]> = [
    // German: decimal comma, group point, long scale.
    [
      'de',
      'Der Umsatz erreichte 42,5 Milliarden US-Dollar.',
      { quote: '42,5 Milliarden US-Dollar', low: 42.5e9, high: 42.5e9, bound: 'exact', unit: 'USD' }
    ],
    [
      'de',
      'Die Schulden liegen bei 1,2 Billionen Euro.',
      { quote: '1,2 Billionen Euro', low: 1.2e12, unit: 'EUR' }
    ],
    [
      'de',
      'Es kamen über 2.000 Besucher.',
      { quote: 'über 2.000 Besucher', low: 2000, high: null, bound: 'at-least', unit: 'besucher' }
    ],
    [
      'de',
      'Es gibt mehr als 60 Doktoranden.',
      {
        quote: 'mehr als 60 Doktoranden',
        low: 60,
        high: null,
        bound: 'at-least',
        unit: 'doktoranden'
      }
    ],
    [
      'de',
      'Rund 20 Milliarden US-Dollar fließen.',
      { quote: 'Rund 20 Milliarden US-Dollar', low: 20e9, bound: 'approximate', unit: 'USD' }
    ],
    [
      'de',
      'Gefördert werden bis zu 300 Millionen Euro.',
      { quote: 'bis zu 300 Millionen Euro', low: 0, high: 300e6, bound: 'at-most', unit: 'EUR' }
    ],
    ['de', 'Ein Plus von 11 % gegenüber dem Vorjahr.', { quote: '11 %', low: 11, unit: '%' }],
    [
      'de',
      'Das Projekt unterstützt elf Startups.',
      { quote: 'elf Startups', low: 11, unit: 'startups' }
    ],
    [
      'de',
      'In den nächsten ein bis zwei Jahren.',
      { quote: 'ein bis zwei Jahren', low: 1, high: 2, bound: 'range', unit: 'jahren' }
    ],
    // Norwegian: space groups, milliarder = 10⁹, billioner = 10¹².
    [
      'nb',
      'Investeringene har nådd 80 milliarder dollar.',
      { quote: '80 milliarder dollar', low: 80e9, unit: 'USD' }
    ],
    [
      'nb',
      'Fondet er på 1,5 billioner kroner.',
      { quote: '1,5 billioner kroner', low: 1.5e12, unit: 'NOK' }
    ],
    ['nb', 'Det kom 12 500 gjester.', { quote: '12 500 gjester', low: 12500, unit: 'gjester' }],
    ['nb', 'Det kom 12\u00a0500 gjester.', { quote: '12\u00a0500 gjester', low: 12500 }],
    [
      'nb',
      'Et lån på over 300 millioner USD.',
      { quote: 'over 300 millioner USD', low: 300e6, high: null, bound: 'at-least', unit: 'USD' }
    ],
    [
      'nb',
      'Mottak av mer enn 60 vietnamesiske doktorgradsstudenter.',
      {
        quote: 'mer enn 60 vietnamesiske doktorgradsstudenter',
        low: 60,
        high: null,
        unit: 'doktorgradsstudenter'
      }
    ],
    [
      'nb',
      'Prosjekter verdt rundt 20 milliarder USD.',
      { quote: 'rundt 20 milliarder USD', bound: 'approximate', low: 20e9, unit: 'USD' }
    ],
    ['nb', 'Opptil 40 % av dem.', { quote: 'Opptil 40 %', bound: 'at-most', high: 40, unit: '%' }],
    [
      'nb',
      'Samarbeid mellom fem universiteter.',
      { quote: 'fem universiteter', low: 5, unit: 'universiteter' }
    ],
    // English: short scale.
    [
      'en',
      'Trade reached $50 billion last year.',
      { quote: '$50 billion', low: 50e9, unit: 'USD' }
    ],
    [
      'en',
      'It has more than 60 PhD students.',
      {
        quote: 'more than 60 PhD students',
        low: 60,
        high: null,
        bound: 'at-least',
        unit: 'students'
      }
    ],
    [
      'en',
      'We hired 60+ engineers.',
      { quote: '60+ engineers', low: 60, high: null, bound: 'at-least', unit: 'engineers' }
    ],
    ['en', 'Prices rose 3.5 percent.', { quote: '3.5 percent', low: 3.5, unit: '%' }],
    [
      'en',
      'About 1.26 million travellers came.',
      { quote: 'About 1.26 million travellers', low: 1.26e6, bound: 'approximate' }
    ],
    [
      'en',
      'Growth of 10 to 20 million users.',
      { quote: '10 to 20 million users', low: 10e6, high: 20e6, bound: 'range', unit: 'users' }
    ],
    ['en', 'It costs USD 300 million.', { quote: 'USD 300 million', low: 300e6, unit: 'USD' }],
    [
      'en',
      'Five universities joined.',
      { quote: 'Five universities', low: 5, unit: 'universities' }
    ],
    ['en', 'Up to 250 people.', { quote: 'Up to 250 people', low: 0, high: 250, bound: 'at-most' }],
    // Vietnamese: tỷ = 10⁹, triệu = 10⁶, "hơn" = at least.
    ['vi', 'Kim ngạch đạt 42,5 tỷ USD.', { quote: '42,5 tỷ USD', low: 42.5e9, unit: 'USD' }],
    [
      'vi',
      'Tiếp nhận hơn 60 nghiên cứu sinh.',
      {
        quote: 'hơn 60 nghiên cứu sinh',
        low: 60,
        high: null,
        bound: 'at-least',
        unit: 'nghiên cứu sinh'
      }
    ],
    [
      'vi',
      'Khoảng 1,26 triệu lượt khách.',
      { quote: 'Khoảng 1,26 triệu lượt khách', low: 1.26e6, bound: 'approximate' }
    ],
    ['vi', 'Vốn đầu tư 300 triệu USD.', { quote: '300 triệu USD', low: 300e6, unit: 'USD' }],
    ['vi', 'Tăng 11% so với cùng kỳ.', { quote: '11%', low: 11, unit: '%' }],
    // Japanese: 億 = 10⁸, 万 = 10⁴, compounds, bounds after the number.
    ['ja', '貿易額は425億ドルに達した。', { quote: '425億ドル', low: 425e8, unit: 'USD' }],
    [
      'ja',
      '約126万人が訪れた。',
      { quote: '約126万人', low: 1.26e6, bound: 'approximate', unit: '人' }
    ],
    [
      'ja',
      '博士課程の学生60人超を受け入れる。',
      { quote: '60人超', low: 60, high: null, bound: 'at-least', unit: '人' }
    ],
    ['ja', '総額4億2000万円の融資。', { quote: '4億2000万円', low: 420e6, unit: 'JPY' }],
    ['ja', '63人の留学生。', { quote: '63人', low: 63, unit: '人' }]
  ]
  test.each(rows)('%s: %s', (lang, text, want) => expectFact(text, lang, want))

  test('no figure from a year, a date part, a phone number, a URL or a file name', () => {
    expect(quotes('Im Jahr 2025 wurde gebaut.', 'de', 'quantity')).toEqual([])
    expect(quotes('Den 21. september 1973 ble det avtalt.', 'nb', 'quantity')).toEqual([])
    expect(quotes('Call +47 22 33 44 55 or (028) 3823 4567 today.', 'en', 'quantity')).toEqual([])
    expect(quotes('Kilde: https://example.vn/post-1063108.vnp', 'nb')).toEqual([])
    expect(quotes('Tlf. 22 33 44 55, www.example.no/2025/09/side-12', 'nb')).toEqual([])
    expect(quotes('Dato 21.09.2025', 'de')).toEqual(['21.09.2025'])
    expect(quotes('3-1.jpg', 'nb')).toEqual([])
    expect(quotes('Der G20-Gipfel und die Linie 2 in Hanoi.', 'de', 'quantity')).toEqual([])
    expect(quotes('Das 52-jährige Jubiläum des «2+2»-Formats.', 'de', 'quantity')).toEqual([])
    expect(
      quotes('Vietnam strebt an, bis 2030 500 Doktoranden auszubilden.', 'de', 'quantity')
    ).toEqual(['500 Doktoranden'])
  })
})

describe('dates and periods', () => {
  const rows: Array<[string, string, Want, string?]> = [
    ['nb', 'Publisert 21/09/2025.', { quote: '21/09/2025', from: '2025-09-21', to: '2025-09-21' }],
    [
      'nb',
      'Den 21. september 1973 ble forbindelsene opprettet.',
      { quote: '21. september 1973', from: '1973-09-21', to: '1973-09-21' }
    ],
    [
      'nb',
      'Programmet lanseres fra oktober i år.',
      { quote: 'oktober i år', from: '2025-10-01', to: null },
      '2025-09-21'
    ],
    [
      'nb',
      'Byggingen starter i oktober.',
      { quote: 'oktober', from: '2025-10-01', to: '2025-10-31' },
      '2025-09-21'
    ],
    [
      'nb',
      'I november 2023 ble det oppgradert.',
      { quote: 'november 2023', from: '2023-11-01', to: '2023-11-30' }
    ],
    [
      'nb',
      'Siden september 2025 har de samarbeidet.',
      { quote: 'september 2025', from: '2025-09-01', to: null }
    ],
    [
      'de',
      'Das Forum fand am 24. und 25. November 2025 statt.',
      { quote: '24. und 25. November 2025', from: '2025-11-24', to: '2025-11-25' }
    ],
    [
      'de',
      'Die Programme laufen seit September 2025.',
      { quote: 'September 2025', from: '2025-09-01', to: null }
    ],
    [
      'de',
      'Er trat sein Amt im Oktober an.',
      { quote: 'Oktober', from: '2025-10-01', to: '2025-10-31' },
      '2025-11-27'
    ],
    [
      'de',
      'Am Innovationstag (1.–3. Oktober) ging es los.',
      { quote: '1.–3. Oktober', from: '2025-10-01', to: '2025-10-03' },
      '2025-11-27'
    ],
    [
      'de',
      'Der Umsatz in den ersten zehn Monaten des Jahres 2025 stieg.',
      { quote: 'in den ersten zehn Monaten des Jahres 2025', from: '2025-01-01', to: '2025-10-31' }
    ],
    [
      'en',
      'Sales in the first six months rose.',
      { quote: 'the first six months', from: '2025-01-01', to: '2025-06-30' },
      '2025-09-21'
    ],
    [
      'en',
      'It opened on September 21, 2025.',
      { quote: 'September 21, 2025', from: '2025-09-21', to: '2025-09-21' }
    ],
    ['en', 'Since March 2024 prices rose.', { quote: 'March 2024', from: '2024-03-01', to: null }],
    [
      'vi',
      'Từ tháng 9 năm 2025, chương trình bắt đầu.',
      { quote: 'tháng 9 năm 2025', from: '2025-09-01', to: null }
    ],
    [
      'vi',
      'Kim ngạch 6 tháng đầu năm tăng.',
      { quote: '6 tháng đầu năm', from: '2025-01-01', to: '2025-06-30' },
      '2025-09-21'
    ],
    [
      'vi',
      'Ngày 21/9/2025 là kỷ niệm.',
      { quote: '21/9/2025', from: '2025-09-21', to: '2025-09-21' }
    ],
    ['ja', '2025年10月に就任した。', { quote: '2025年10月', from: '2025-10-01', to: '2025-10-31' }],
    ['ja', '2025年9月から実施されている。', { quote: '2025年9月', from: '2025-09-01', to: null }],
    [
      'ja',
      '1973年9月21日に国交を樹立した。',
      { quote: '1973年9月21日', from: '1973-09-21', to: '1973-09-21' }
    ]
  ]
  test.each(rows)('%s: %s', (lang, text, want, published) =>
    expectFact(text, lang, { ...want }, published)
  )

  test('a month without a year and without a published date is left out', () => {
    expect(quotes('Er trat sein Amt im Oktober an.', 'de').length).toBe(1)
    expect(facts('Er trat sein Amt im Oktober an.', 'de', null)).toEqual([])
  })

  test('English "may" and "march" are words unless a year or day makes them months', () => {
    expect(quotes('Prices may rise as workers march.', 'en')).toEqual([])
    expect(quotes('It opened in May 2024.', 'en')).toEqual(['May 2024'])
  })
})

describe('status and period of a figure', () => {
  test('a forecast word before a figure, or after it in its clause, makes it a forecast', () => {
    expectFact('Der Handelsumsatz dürfte 50 Milliarden US-Dollar überschreiten.', 'de', {
      quote: '50 Milliarden US-Dollar',
      status: 'forecast'
    })
    expectFact('Japan planlegger å motta 250 doktorgradsstudenter.', 'nb', {
      quote: '250 doktorgradsstudenter',
      status: 'forecast'
    })
    expectFact('Rund 1,4 Millionen Reisende werden erwartet.', 'de', {
      quote: 'Rund 1,4 Millionen Reisende',
      status: 'forecast'
    })
    expectFact('Kim ngạch dự kiến đạt 50 tỷ USD.', 'vi', { quote: '50 tỷ USD', status: 'forecast' })
    expectFact('貿易額は500億ドルに達する見込みだ。', 'ja', {
      quote: '500億ドル',
      status: 'forecast'
    })
    expectFact('Kapitalen har nådd 80 milliarder dollar, og 60 % planlegger å utvide.', 'nb', {
      quote: '80 milliarder dollar',
      status: 'actual'
    })
  })

  test('a figure for a part of a year carries that period; "annual" the whole year', () => {
    expectFact(
      'In den ersten zehn Monaten des Jahres 2025 erreichte der Umsatz 42,5 Milliarden US-Dollar.',
      'de',
      {
        quote: '42,5 Milliarden US-Dollar',
        status: 'actual',
        period: { from: '2025-01-01', to: '2025-10-31' }
      }
    )
    expectFact('Den årlige handelen har nådd 50 milliarder dollar.', 'nb', {
      quote: '50 milliarder dollar',
      period: { from: '2025-01-01', to: '2025-12-31' }
    })
    expectFact('Trade reached $50 billion.', 'en', { quote: '$50 billion', period: null })
  })
})

describe('other languages', () => {
  test('an unknown language reads English words with its own separators', () => {
    expectFact('Il y a 1 234,5 millions.', 'fr', { quote: '1 234,5 millions', low: 1234.5e6 })
  })
})
