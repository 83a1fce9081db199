import { call, type Core } from './core'

/**
 * The sample project: three short reports on Vietnam–Japan relations in 2025, written for
 * Attest (the figures and dates are public facts; the sentences are ours), with the claims,
 * quote-anchored citations, nested tags, Admiralty grades, relations, notes, a translation's
 * origin and a stored briefing an analyst would have made of them. Built through the same
 * requests the app sends, so it stays valid as the schema moves.
 */

const REPORT_EN = [
  'Hanoi Ledger — World',
  '',
  'Tokyo envoy: ties with Vietnam closer than ever after 52 years',
  '',
  '21/09/2025  Share  Print',
  '',
  'Vietnam and Japan opened diplomatic relations on 21 September 1973, and the two countries have grown steadily closer since, the Japanese ambassador said this week.',
  '',
  'envoy-hanoi-1.jpg',
  'The ambassador speaking in Hanoi (Photo: Hanoi Ledger)',
  '',
  'In November 2023, fifty years on, the two sides raised their ties to a comprehensive strategic partnership. Prime Minister Ishiba Shigeru confirmed that course on his visit to Vietnam in April 2025.',
  '',
  'Semiconductors are the newest field of work. Japan has taken in more than 60 Vietnamese doctoral students in chip design and materials, and a joint semiconductor research programme started in October 2025, the ambassador said.',
  '',
  'Trade between the two countries runs at around 50 billion USD a year, according to the embassy.',
  '',
  'Comments (0)',
  '',
  'Related: Hanoi metro line opens second section · Rice exports rise'
].join('\n')

const REPORT_NB = [
  'Asia i dag',
  '',
  'Japans ambassadør: båndene til Vietnam er tettere enn noen gang',
  '',
  'Publisert 22.09.2025',
  '',
  'Vietnam og Japan innledet diplomatiske forbindelser 21. september 1973, sier Japans ambassadør i Hanoi.',
  '',
  'ambassador-nb.jpg',
  'Ambassadøren i Hanoi (Foto: Asia i dag)',
  '',
  'Japan har tatt imot mer enn 60 vietnamesiske doktorgradsstudenter innen halvledere, og et felles forskningsprogram startet i oktober 2025.',
  '',
  'Kommentar (0)',
  '',
  'Les også: Ny jernbane i Nord-Vietnam'
].join('\n')

const REPORT_DE = [
  'Südostasien-Rundschau',
  '',
  'Vietnam und Japan: eine Bilanz der strategischen Partnerschaft',
  '',
  '28.11.2025 | Wirtschaft',
  '',
  'Die Partnerschaft zwischen Vietnam und Japan trägt inzwischen auch in der Forschung Früchte.',
  '',
  'Japan hat bisher 63 vietnamesische Doktoranden im Bereich Halbleiter aufgenommen. Ein gemeinsames Forschungsprogramm zu Halbleitern begann im September 2025.',
  '',
  'handel-grafik.png',
  'Grafik: Handel zwischen Vietnam und Japan',
  '',
  'In den ersten zehn Monaten des Jahres erreichte der bilaterale Handel 42,5 Milliarden USD. Für das ganze Jahr werden erstmals mehr als 50 Milliarden USD erwartet.',
  '',
  'Japan wird seit Oktober 2025 von Premierministerin Takaichi Sanae regiert.',
  '',
  'Weitere Artikel: Hafen Hai Phong wächst · Neue Flugverbindung nach Osaka'
].join('\n')

/** What the sample holds, for the CLI's message and the tests. */
export type SampleCounts = {
  sources: number
  claims: number
  citations: number
  tags: number
  relations: number
  notes: number
  briefings: number
}

function span(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`The sample quote "${quote}" is not in its source`)
  return { start, end: start + quote.length }
}

/** Fills an open, empty project with the sample. */
export async function writeSample(core: Core): Promise<SampleCounts> {
  const en = await call(core, 'sources.create', {
    title: 'Tokyo envoy: ties with Vietnam closer than ever after 52 years',
    publisher: 'Hanoi Ledger',
    author: 'Staff reporter',
    publishedAt: '2025-09-21',
    language: 'en',
    kind: 'article',
    reliability: 'B',
    url: 'https://example.org/hanoi-ledger/envoy-52-years',
    content: REPORT_EN
  })
  const nb = await call(core, 'sources.create', {
    title: 'Japans ambassadør: båndene til Vietnam er tettere enn noen gang',
    publisher: 'Asia i dag',
    publishedAt: '2025-09-22',
    language: 'nb',
    kind: 'article',
    reliability: 'C',
    url: 'https://example.org/asia-i-dag/ambassador',
    content: REPORT_NB
  })
  // The Norwegian piece retells the English one: the same origin, not a second witness.
  await call(core, 'sources.update', { id: nb.id, changes: { originId: en.id } })
  const de = await call(core, 'sources.create', {
    title: 'Vietnam und Japan: eine Bilanz der strategischen Partnerschaft',
    publisher: 'Südostasien-Rundschau',
    author: 'Redaktion Wirtschaft',
    publishedAt: '2025-11-28',
    language: 'de',
    kind: 'report',
    reliability: 'B',
    url: 'https://example.org/rundschau/vietnam-japan-bilanz',
    content: REPORT_DE
  })

  const region = await call(core, 'tags.create', { name: 'Vietnam–Japan', colour: '#2f6fb3' })
  const diplomacy = await call(core, 'tags.create', {
    name: 'Diplomacy',
    parentId: region.id,
    colour: '#7a4fb3'
  })
  const economy = await call(core, 'tags.create', {
    name: 'Economy',
    parentId: region.id,
    colour: '#2f8f5b'
  })
  const trade = await call(core, 'tags.create', {
    name: 'Trade',
    parentId: economy.id,
    colour: '#3fa36b'
  })
  const chips = await call(core, 'tags.create', {
    name: 'Semiconductors',
    parentId: region.id,
    colour: '#c2762b',
    description: 'Training, research and investment in chips'
  })

  const claim = (
    text: string,
    fields: {
      status?: 'unverified' | 'corroborated' | 'contested' | 'refuted' | 'retracted'
      eventDate?: string
      credibility?: 1 | 2 | 3 | 4 | 5 | 6
      confidence?: number
      tagIds: string[]
    }
  ) => call(core, 'claims.create', { text, ...fields })

  const established = await claim(
    'Vietnam and Japan established diplomatic relations on 21 September 1973.',
    {
      status: 'corroborated',
      eventDate: '1973-09-21',
      credibility: 1,
      confidence: 95,
      tagIds: [diplomacy.id]
    }
  )
  const partnership = await claim(
    'The two countries upgraded their ties to a comprehensive strategic partnership in November 2023.',
    {
      status: 'corroborated',
      eventDate: '2023-11-27',
      credibility: 2,
      confidence: 85,
      tagIds: [diplomacy.id]
    }
  )
  const visit = await claim('Prime Minister Ishiba Shigeru visited Vietnam in April 2025.', {
    status: 'unverified',
    eventDate: '2025-04-27',
    credibility: 2,
    tagIds: [diplomacy.id]
  })
  const october = await claim(
    'The joint semiconductor research programme started in October 2025.',
    {
      status: 'contested',
      eventDate: '2025-10-01',
      credibility: 3,
      confidence: 40,
      tagIds: [chips.id]
    }
  )
  const september = await claim(
    'The joint semiconductor research programme started in September 2025.',
    {
      status: 'contested',
      eventDate: '2025-09-01',
      credibility: 3,
      confidence: 50,
      tagIds: [chips.id]
    }
  )
  const students = await claim(
    'Japan has taken in 63 Vietnamese doctoral students in semiconductors.',
    { status: 'corroborated', credibility: 2, confidence: 75, tagIds: [chips.id] }
  )
  const tenMonths = await claim(
    'Bilateral trade reached 42.5 billion USD in the first ten months of 2025.',
    { status: 'unverified', eventDate: '2025-10-31', credibility: 3, tagIds: [trade.id] }
  )
  const yearly = await claim(
    'Bilateral trade is expected to pass 50 billion USD for the first time in 2025.',
    { status: 'unverified', eventDate: '2025-12-31', credibility: 3, tagIds: [trade.id] }
  )
  const premier = await claim(
    'Takaichi Sanae has been Japan’s prime minister since October 2025.',
    {
      status: 'unverified',
      eventDate: '2025-10-21',
      credibility: 2,
      tagIds: [diplomacy.id]
    }
  )

  const cite = (
    claimId: string,
    source: { id: string },
    text: string,
    quote: string,
    extra: {
      stance?: 'supports' | 'contradicts' | 'mentions'
      translation?: string
      note?: string
    } = {}
  ) =>
    call(core, 'citations.create', { claimId, sourceId: source.id, ...span(text, quote), ...extra })

  const citations = [
    await cite(
      established.id,
      en,
      REPORT_EN,
      'Vietnam and Japan opened diplomatic relations on 21 September 1973'
    ),
    await cite(
      established.id,
      nb,
      REPORT_NB,
      'Vietnam og Japan innledet diplomatiske forbindelser 21. september 1973',
      {
        translation: 'Vietnam and Japan opened diplomatic relations on 21 September 1973'
      }
    ),
    await cite(
      partnership.id,
      en,
      REPORT_EN,
      'In November 2023, fifty years on, the two sides raised their ties to a comprehensive strategic partnership'
    ),
    await cite(
      visit.id,
      en,
      REPORT_EN,
      'Prime Minister Ishiba Shigeru confirmed that course on his visit to Vietnam in April 2025'
    ),
    await cite(
      october.id,
      en,
      REPORT_EN,
      'a joint semiconductor research programme started in October 2025'
    ),
    await cite(
      october.id,
      de,
      REPORT_DE,
      'Ein gemeinsames Forschungsprogramm zu Halbleitern begann im September 2025',
      {
        stance: 'contradicts',
        translation: 'A joint research programme on semiconductors began in September 2025.'
      }
    ),
    await cite(
      september.id,
      de,
      REPORT_DE,
      'Ein gemeinsames Forschungsprogramm zu Halbleitern begann im September 2025',
      {
        translation: 'A joint research programme on semiconductors began in September 2025.'
      }
    ),
    await cite(
      students.id,
      de,
      REPORT_DE,
      'Japan hat bisher 63 vietnamesische Doktoranden im Bereich Halbleiter aufgenommen',
      {
        translation: 'So far Japan has taken in 63 Vietnamese doctoral students in semiconductors.'
      }
    ),
    await cite(
      students.id,
      en,
      REPORT_EN,
      'Japan has taken in more than 60 Vietnamese doctoral students in chip design and materials',
      {
        note: 'Rounded down: consistent with 63.'
      }
    ),
    await cite(
      tenMonths.id,
      de,
      REPORT_DE,
      'In den ersten zehn Monaten des Jahres erreichte der bilaterale Handel 42,5 Milliarden USD',
      {
        translation: 'In the first ten months of the year bilateral trade reached 42.5 billion USD.'
      }
    ),
    await cite(
      yearly.id,
      de,
      REPORT_DE,
      'Für das ganze Jahr werden erstmals mehr als 50 Milliarden USD erwartet',
      {
        translation: 'For the whole year, more than 50 billion USD is expected for the first time.'
      }
    ),
    await cite(
      yearly.id,
      en,
      REPORT_EN,
      'Trade between the two countries runs at around 50 billion USD a year',
      {
        stance: 'mentions',
        note: 'The embassy’s round figure; the German report says 50 billion would be a first.'
      }
    ),
    await cite(
      premier.id,
      de,
      REPORT_DE,
      'Japan wird seit Oktober 2025 von Premierministerin Takaichi Sanae regiert',
      {
        translation: 'Japan has been governed by Prime Minister Takaichi Sanae since October 2025.'
      }
    )
  ]

  const relations = [
    await call(core, 'relations.create', {
      fromClaimId: september.id,
      toClaimId: october.id,
      kind: 'contradicts',
      note: 'The two reports give different start months.'
    }),
    await call(core, 'relations.create', {
      fromClaimId: yearly.id,
      toClaimId: tenMonths.id,
      kind: 'corroborates'
    }),
    await call(core, 'relations.create', {
      fromClaimId: premier.id,
      toClaimId: visit.id,
      kind: 'updates',
      note: 'Ishiba was prime minister in April; Takaichi since October.'
    })
  ]

  const notes = [
    await call(core, 'notes.create', {
      targetKind: 'claim',
      targetId: october.id,
      body: 'Ask the embassy which month the programme formally began; the English report may date the first intake, not the launch.'
    }),
    await call(core, 'notes.create', {
      targetKind: 'source',
      targetId: nb.id,
      body: 'A retelling of the Hanoi Ledger piece: it adds no independent confirmation.'
    })
  ]

  await call(core, 'briefings.create', {
    title: 'Vietnam–Japan ties in 2025',
    author: 'Sample analyst',
    audience: 'Regional desk',
    classification: 'Unclassified',
    date: '2025-12-01',
    bottomLine:
      'Ties are at their closest since 1973, with semiconductors the fastest-growing field; the reports disagree on when the joint research programme began.',
    judgements: [
      {
        text: 'Training of Vietnamese chip researchers in Japan will keep growing in 2026.',
        confidence: 'likely',
        claimIds: [students.id, september.id]
      },
      {
        text: 'Bilateral trade will pass 50 billion USD for 2025.',
        confidence: 'roughly even chance',
        claimIds: [tenMonths.id, yearly.id]
      }
    ],
    groupBy: 'tag'
  })

  return {
    sources: 3,
    claims: 9,
    citations: citations.length,
    tags: 5,
    relations: relations.length,
    notes: notes.length,
    briefings: 1
  }
}
