import { describe, expect, it } from 'vitest'
import {
  escapeHtml,
  html,
  Html,
  joinHtml,
  renderBriefingHtml,
  type BriefingClaim,
  type BriefingData
} from '../../src/server/export/briefing'
import { trustedCss } from '../../src/server/export/briefing/html'
import STYLES from '../../src/server/export/briefing/briefing.css?raw'
import { FONT_FAMILY_STACK } from '../../src/server/export/fonts'

describe('html`…`', () => {
  it('escapes every interpolated string and number', () => {
    const text = `<script>alert("x")</script> & 'quotes'`
    expect(html`<p title="${text}">${text}</p>`.toString()).toBe(
      `<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`
    )
    expect(html`<b>${1 / 3}</b>`.toString()).toBe(`<b>${String(1 / 3)}</b>`)
  })

  it('keeps fragments, flattens lists and drops null, undefined and false', () => {
    const inner = html`<i>${'a & b'}</i>`
    expect(html`<p>${inner}${[inner, 'c<d', [null, false, undefined]]}</p>`.toString()).toBe(
      '<p><i>a &amp; b</i><i>a &amp; b</i>c&lt;d</p>'
    )
    expect(joinHtml([html`<b>x</b>`, '', null, 'a<b'], ' & ').toString()).toBe(
      '<b>x</b> &amp; a&lt;b'
    )
  })

  it('cannot be fed markup except through its own fragments', () => {
    // A look-alike object is text, not markup.
    const fake = { toString: () => '<script>' } as unknown as string
    expect(html`${fake}`.toString()).toBe('&lt;script&gt;')
    expect(() => new Html(Symbol('html fragment'), '<script>')).toThrow(/html`/)
    expect(() => trustedCss('p{} </style><script>')).toThrow('</style')
  })
})

describe('the stylesheet', () => {
  it('is the bundled briefing.css, with the fonts the PDF embeds', () => {
    expect(STYLES).toMatch(/@page\s*\{\s*size: A4;\s*\}/)
    expect(STYLES).toContain(`font-family: ${FONT_FAMILY_STACK};`)
    const out = renderBriefingHtml(minimal([]), { fontCss: '' })
    expect(out).toContain(STYLES)
  })
})

function claim(partial: Partial<BriefingClaim> & Pick<BriefingClaim, 'id' | 'text'>) {
  return {
    status: 'unverified',
    credibility: null,
    confidence: null,
    eventDate: null,
    tags: [],
    notes: [],
    relations: [],
    citations: [],
    ...partial
  } satisfies BriefingClaim
}

function minimal(claims: BriefingClaim[]): BriefingData {
  return {
    options: {
      title: 'T & <b>',
      author: '',
      classification: '',
      scopeLabel: 'All claims',
      groupBy: 'tag',
      include: {
        statusAndCredibility: true,
        citations: true,
        notes: true,
        relations: true,
        sourceReliability: true
      },
      generatedAt: '2024-04-12T14:05:00Z',
      audience: '',
      date: '',
      bottomLine: '',
      judgements: []
    },
    groups: [{ label: 'g <i>', claims }],
    sources: [
      {
        id: 's',
        number: 1,
        title: 'Nguồn <tin> & “báo”',
        publisher: '日本経済ジャーナル',
        url: 'https://example.org/?a=1&b=<2>',
        publishedAt: '2024-04-05',
        reliability: 'B'
      }
    ]
  }
}

describe('user text in a briefing', () => {
  const RLO = '\u202e'
  const long = `${'Lorem ipsum dolor sit amet, '.repeat(357)}END-OF-QUOTE`
  const hostile = [
    claim({
      id: 'a',
      text: '<script>alert(1)</script> & <img src=x onerror=alert(2)>',
      tags: ['<b>tag</b>'],
      notes: [{ body: '</p><p onclick="x">', createdAt: '2024-04-01' }],
      relations: [{ kind: 'contradicts', direction: 'in', otherText: '"><svg onload=x>' }],
      citations: [
        { sourceId: 's', quote: long, stance: 'supports', locator: '<p. 3>', note: '&amp;' }
      ]
    }),
    claim({ id: 'b', text: `Quote ends ${RLO}txet desrever and goes on` }),
    claim({ id: 'c', text: 'Thủ tướng Phạm Minh Chính nói: “kim ngạch sẽ đạt 50 tỷ USD”.' }),
    claim({ id: 'd', text: '日本の対ベトナム直接投資は過去最高の4800億円に達した。' })
  ]
  const out = renderBriefingHtml(minimal(hostile), { fontCss: '' })
  const body = out.slice(out.indexOf('<body>'))

  it('prints markup as text and adds no element or handler', () => {
    expect(body).not.toMatch(/<(script|img)\b/i)
    // The only drawings are the briefing's own two charts.
    expect(body.match(/<svg\b[^>]*>/gi)?.map((tag) => /class="chart-svg"/.test(tag))).toEqual([
      true,
      true
    ])
    expect(body).not.toMatch(/<[^>]*\son\w+=/i)
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x')
    expect(body).toContain('<span class="tag">&lt;b&gt;tag&lt;/b&gt;</span>')
    expect(body).toContain('&lt;/p&gt;&lt;p onclick=&quot;x&quot;&gt;')
    expect(body).toContain('“&quot;&gt;&lt;svg onload=x&gt;”')
    expect(body).toContain(', &lt;p. 3&gt;')
    expect(body).toContain('<div class="cite-note">&amp;amp;</div>')
    expect(out).toContain('<title>T &amp; &lt;b&gt;</title>')
    expect(body).toContain('href="https://example.org/?a=1&amp;b=%3C2%3E"')
  })

  it('keeps long quotes whole and non-Latin text as written', () => {
    expect(body).toContain(long)
    expect(body).toContain(`Quote ends ${RLO}txet desrever`)
    expect(body).toContain('Thủ tướng Phạm Minh Chính nói: “kim ngạch sẽ đạt 50 tỷ USD”.')
    expect(body).toContain('日本の対ベトナム直接投資は過去最高の4800億円に達した。')
    expect(body).toContain('Nguồn &lt;tin&gt; &amp; “báo”')
  })

  it('keeps a bidi override inside the text it came with', () => {
    // Quotes, titles and tags are isolated, so an override cannot reorder what follows them.
    const rule =
      /([^{}]+)\{\s*unicode-bidi:\s*isolate;\s*\}/.exec(
        STYLES.replace(/\/\*[\s\S]*?\*\//g, '')
      )?.[1] ?? ''
    const selectors = rule.split(',').map((selector) => selector.trim())
    for (const selector of ['cite', '.tag', '.claim-text', '.en-quote', '.src-title', 'dd']) {
      expect(selectors).toContain(selector)
    }
  })
})

describe('bottom line and key judgements', () => {
  const claims = [claim({ id: 'a', text: 'First' }), claim({ id: 'b', text: 'Second' })]
  const data = minimal(claims)
  data.options.bottomLine = 'Exports grow <fast> & steady.'
  data.options.judgements = [
    { text: 'Growth continues.', confidence: 'very likely', claimIds: ['b', 'a'], outside: {} },
    {
      text: 'Rice <b>recovers</b>.',
      confidence: '',
      claimIds: ['gone', 'elsewhere'],
      outside: { elsewhere: 'A claim outside the scope' }
    }
  ]
  const out = renderBriefingHtml(data, { fontCss: '' })

  it('come right after the cover, before the summary', () => {
    const cover = out.indexOf('class="cover"')
    const bottom = out.indexOf('<p class="bottom-line">Exports grow &lt;fast&gt; &amp; steady.</p>')
    const summary = out.indexOf('class="summary"')
    expect(cover).toBeGreaterThan(0)
    expect(bottom).toBeGreaterThan(cover)
    expect(summary).toBeGreaterThan(bottom)
  })

  it('give each judgement its confidence word and the claims it rests on', () => {
    expect(out).toContain('<span class="kj-confidence">very likely</span> Growth continues.')
    expect(out).toContain(
      'Rests on claims <a class="claim-link" href="#claim-1">1</a>, <a class="claim-link" href="#claim-2">2</a>'
    )
    expect(out).toContain('id="claim-1"')
    expect(out).toContain('Rice &lt;b&gt;recovers&lt;/b&gt;.')
    expect(out).toContain(
      '“<span class="rel-text">A claim outside the scope</span>” (not in this briefing)'
    )
  })

  it('are left out when the analyst wrote none', () => {
    expect(renderBriefingHtml(minimal(claims), { fontCss: '' })).not.toContain('class="judgements"')
  })
})

describe('the Disagreements section', () => {
  const quote = 'Trade reached 50 billion US dollars <b>this year</b>.'
  const contradicted = claim({
    id: 'x',
    text: 'Trade was 42.5 billion USD in ten months.',
    relations: [
      { kind: 'contradicts', direction: 'in', otherText: 'Trade reached 50 billion USD.' }
    ]
  })
  const contradicting = claim({
    id: 'y',
    text: 'Trade reached 50 billion USD.',
    credibility: 2,
    relations: [
      {
        kind: 'contradicts',
        direction: 'out',
        otherText: 'Trade was 42.5 billion USD in ten months.'
      },
      { kind: 'contradicts', direction: 'out', otherText: 'A claim outside the scope & <then>' }
    ],
    citations: [{ sourceId: 's', quote, stance: 'supports', locator: null, note: null }]
  })
  const data = minimal([contradicted, contradicting])
  const out = renderBriefingHtml(data, { fontCss: '' })
  const section = out.slice(out.indexOf('class="disagreements"'), out.indexOf('class="summary"'))

  it('prints each contradicts pair once, side by side, with the quotes, before the summary', () => {
    expect(out.indexOf('class="disagreements"')).toBeGreaterThan(out.indexOf('class="cover"'))
    expect(section.match(/class="dis-pair"/g)).toHaveLength(2)
    const [first] = section.split('class="dis-pair"').slice(1)
    // The claim contradicted on the left, the one contradicting it on the right, with its quote.
    expect(first!.indexOf('42.5 billion')).toBeLessThan(first!.indexOf('Trade reached 50'))
    expect(first).toContain('“Trade reached 50 billion US dollars &lt;b&gt;this year&lt;/b&gt;.”')
    expect(first).toContain('<span class="grade">B2</span>')
    expect(section).toContain('A claim outside the scope &amp; &lt;then&gt;')
    expect(section).toContain('Not in this briefing.')
  })

  it('is left out when no claim contradicts another, or relations are not included', () => {
    expect(
      renderBriefingHtml(minimal([claim({ id: 'z', text: 'Alone.' })]), { fontCss: '' })
    ).not.toContain('class="disagreements"')
    const hidden = minimal([contradicted, contradicting])
    hidden.options.include.relations = false
    expect(renderBriefingHtml(hidden, { fontCss: '' })).not.toContain('class="disagreements"')
  })
})
