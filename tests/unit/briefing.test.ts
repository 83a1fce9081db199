import { execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  admiraltyGrade,
  escapeHtml,
  percentages,
  renderBriefingHtml,
  safeHttpUrl,
  type BriefingClaim,
  type BriefingData,
  type BriefingSource
} from '../../src/server/export/briefing'
import {
  fontCss,
  fontCssInline,
  fontFaceRules,
  fontFaceRulesFor,
  parseUnicodeRange
} from '../../src/server/export/fonts'
import {
  createPlaywrightPrinter,
  findChromium,
  writePdfFile,
  type PdfPrinter
} from '../../src/server/export/pdf'

// ------------------------------------------------------------------------------------------------
// Fixture: invented claims about trade between Vietnam, Japan and Germany.

const SCRIPT_TEXT = 'A press-release template contained <script>alert(1)</script> & "quotes"'

const sources: BriefingSource[] = [
  {
    id: 'src-vna',
    number: 1,
    title: "Viet Nam's exports to Japan rise 12% in first quarter",
    publisher: 'Viet Nam Trade Wire',
    url: 'https://example.org/trade-wire/2024/04/exports-japan-q1',
    publishedAt: '2024-04-05T08:30:00Z',
    reliability: 'B'
  },
  {
    id: 'src-nord',
    number: 2,
    title: 'Außenhandel: Deutschland und Vietnam vertiefen Rohstoffpartnerschaft',
    publisher: 'Wirtschaftsdienst Nord',
    url: 'https://example.de/wirtschaft/aussenhandel/vietnam-rohstoffe-partnerschaft-2024-03-18-sehr-lange-adresse?ref=feed&utm_source=rss',
    publishedAt: '2024-03-18',
    reliability: 'C'
  },
  {
    id: 'src-jp',
    number: 3,
    title: '日本の対ベトナム投資、過去最高に',
    publisher: '日本経済ジャーナル',
    url: 'https://example.jp/keizai/2024/04/10/vietnam-investment',
    publishedAt: '2024-04-10',
    reliability: 'A'
  },
  {
    id: 'src-post',
    number: 4,
    title: 'Post by an unnamed rice trader',
    publisher: null,
    url: 'javascript:alert(2)',
    publishedAt: null,
    reliability: null
  }
]

function claim(
  partial: Partial<BriefingClaim> & Pick<BriefingClaim, 'id' | 'text'>
): BriefingClaim {
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
  }
}

const exportsClaim = claim({
  id: 'c-exports',
  text: "Vietnam's exports to Japan rose 12% year on year in the first quarter of 2024, to US$5.9 billion.",
  status: 'corroborated',
  credibility: 2,
  confidence: 85,
  eventDate: '2024-03-31',
  tags: ['trade volumes', 'investment'],
  citations: [
    {
      sourceId: 'src-vna',
      quote: 'Exports to Japan reached US$5.9 billion in the first three months, up 12 per cent.',
      stance: 'supports',
      locator: 'para. 2',
      note: null
    },
    {
      sourceId: 'src-jp',
      quote: 'ベトナムから日本への輸出は第1四半期に12%増加した。',
      stance: 'supports',
      locator: null,
      note: 'Japanese customs data, quoted by the newspaper.'
    }
  ]
})

const claims: Record<string, BriefingClaim> = {
  pm: claim({
    id: 'c-pm',
    text: 'Prime Minister Phạm Minh Chính said bilateral trade with 日本 would reach US$50 billion by 2025.',
    status: 'unverified',
    credibility: 3,
    confidence: 55,
    eventDate: '2024-04-02',
    tags: ['trade volumes'],
    citations: [
      {
        sourceId: 'src-vna',
        quote: 'Thủ tướng Phạm Minh Chính: kim ngạch thương mại song phương sẽ đạt 50 tỷ USD.',
        stance: 'mentions',
        locator: 'para. 7',
        note: null
      }
    ]
  }),
  rice: claim({
    id: 'c-rice',
    text: 'Rice exports from Vietnam to Japan fell by a third in March 2024.',
    status: 'contested',
    credibility: 4,
    confidence: 40,
    eventDate: '2024-03-31',
    tags: ['trade volumes'],
    notes: [
      {
        body: 'Only one source gives a figure; customs data for March is not yet published.',
        createdAt: '2024-04-12T10:00:00Z'
      }
    ],
    relations: [
      {
        kind: 'contradicts',
        direction: 'in',
        otherText: 'Rice shipments to Japan were stable through March 2024.'
      },
      { kind: 'updates', direction: 'out', otherText: 'Rice exports to Japan slowed in February.' }
    ],
    citations: [
      {
        sourceId: 'src-post',
        quote: 'Orders from Japanese buyers dropped by a third this month.',
        stance: 'supports',
        locator: null,
        note: 'Unverified social-media account.'
      },
      {
        sourceId: 'src-nord',
        quote: 'Die Reisausfuhren nach Japan blieben im März stabil.',
        stance: 'contradicts',
        locator: 'S. 3',
        note: null
      }
    ]
  }),
  minister: claim({
    id: 'c-minister',
    text: 'The German Außenminister will visit Hanoi in May to sign a raw-materials agreement.',
    status: 'unverified',
    credibility: null,
    confidence: null,
    eventDate: '2024-05-14',
    tags: ['diplomacy'],
    citations: [
      {
        sourceId: 'src-nord',
        quote:
          'Der Außenminister reist im Mai nach Hanoi, um ein Rohstoffabkommen zu unterzeichnen.',
        stance: 'supports',
        locator: null,
        note: null
      }
    ]
  }),
  script: claim({
    id: 'c-script',
    text: SCRIPT_TEXT,
    status: 'refuted',
    credibility: 5,
    confidence: 10,
    tags: ['diplomacy'],
    citations: [
      {
        sourceId: 'src-post',
        quote: 'The template had <b>markup</b> & an <img src=x onerror=alert(3)> tag.',
        stance: 'mentions',
        locator: null,
        note: null
      }
    ]
  }),
  retracted: claim({
    id: 'c-retracted',
    text: 'Hanoi cancelled the Japanese trade delegation’s visit.',
    status: 'retracted',
    credibility: 6,
    tags: ['diplomacy'],
    notes: [{ body: 'Retracted: the source corrected its report.', createdAt: '2024-04-08' }],
    relations: [
      {
        kind: 'duplicates',
        direction: 'out',
        otherText: 'The Japanese delegation will not travel to Hanoi.'
      }
    ]
  }),
  fdi: claim({
    id: 'c-fdi',
    text: 'Japanese direct investment in Vietnam reached a record ¥480 billion in the 2023 fiscal year (日本の対ベトナム直接投資は過去最高).',
    status: 'corroborated',
    credibility: 1,
    confidence: 90,
    tags: ['investment'],
    relations: [
      {
        kind: 'corroborates',
        direction: 'in',
        otherText: "Vietnam's exports to Japan rose 12% year on year in the first quarter of 2024."
      }
    ],
    citations: [
      {
        sourceId: 'src-jp',
        quote: '日本の対ベトナム直接投資は2023年度に過去最高の4800億円に達した。',
        stance: 'supports',
        locator: 'p. 2',
        note: null
      },
      {
        sourceId: 'src-vna',
        quote: 'Japan remained the largest source of new investment pledges.',
        stance: 'supports',
        locator: null,
        note: null
      }
    ]
  }),
  plant: claim({
    id: 'c-plant',
    text: 'A Japanese electronics maker plans a second factory in Bắc Ninh province employing about 3,000 workers, according to the provincial People’s Committee, which said the licence would be issued before the end of the second quarter if the environmental assessment is approved.',
    status: 'unverified',
    credibility: 3,
    confidence: 60,
    tags: ['investment'],
    citations: [
      {
        sourceId: 'src-jp',
        quote: 'バクニン省に第2工場を建設する計画で、約3000人を雇用する見通し。',
        stance: 'supports',
        locator: null,
        note: null
      }
    ]
  })
}

const data: BriefingData = {
  options: {
    title: 'Vietnam–Japan trade: first-quarter picture',
    author: 'Southeast Asia desk, Economic Analysis Unit',
    classification: 'OFFICIAL – SENSITIVE',
    scopeLabel: 'Project “Mekong trade”, claims updated 1–12 April 2024',
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
  groups: [
    { label: 'trade volumes', claims: [exportsClaim, claims.pm!, claims.rice!] },
    { label: 'diplomacy', claims: [claims.minister!, claims.script!, claims.retracted!] },
    { label: 'investment', claims: [exportsClaim, claims.fdi!, claims.plant!] }
  ],
  sources
}

const allClaims = [exportsClaim, ...Object.values(claims)]
const HEADER = {
  headerLeft: data.options.classification,
  headerRight: data.options.title,
  footerLeft: data.options.classification
}

// ------------------------------------------------------------------------------------------------

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;'
    )
  })
  it('leaves other text alone and renders null as empty', () => {
    expect(escapeHtml('Phạm Minh Chính · 日本 · Außenminister')).toBe(
      'Phạm Minh Chính · 日本 · Außenminister'
    )
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(undefined)).toBe('')
    expect(escapeHtml(42)).toBe('42')
  })
})

describe('safeHttpUrl / admiraltyGrade', () => {
  it('accepts only http and https', () => {
    expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1')
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/')
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull()
    expect(safeHttpUrl('file:///etc/passwd')).toBeNull()
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull()
    expect(safeHttpUrl('not a url')).toBeNull()
    expect(safeHttpUrl(null)).toBeNull()
  })
  it('combines source reliability and claim credibility', () => {
    expect(admiraltyGrade('B', 2)).toBe('B2')
    expect(admiraltyGrade('b', 6)).toBe('B6')
    expect(admiraltyGrade(null, 3)).toBe('–3')
    expect(admiraltyGrade('A', null)).toBe('A–')
    expect(admiraltyGrade(null, null)).toBe('')
    expect(admiraltyGrade('Z', 9)).toBe('')
  })
})

describe('percentages', () => {
  it('adds up to 100 and leaves zero counts at zero', () => {
    expect(percentages([2, 3, 1, 1, 1], 8)).toEqual([25, 38, 13, 12, 12])
    expect(percentages([1, 1, 1], 3)).toEqual([34, 33, 33])
    expect(percentages([0, 5, 0], 5)).toEqual([0, 100, 0])
    expect(percentages([0, 0], 0)).toEqual([0, 0])
  })
})

describe('renderBriefingHtml', () => {
  const html = renderBriefingHtml(data, { fontCss: '/* fonts */' })

  it('is self-contained, script-free and carries the strict CSP', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src file: data:; img-src data:">`
    )
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/<[^>]*\son\w+=/i)
    expect(html).not.toMatch(/<[^>]+\ssrc=/i)
    expect(html).not.toMatch(/url\(\s*["']?https?:/i)
  })

  it('escapes user text everywhere', () => {
    expect(html).toContain(
      'A press-release template contained &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'
    )
    expect(html).toContain('&lt;b&gt;markup&lt;/b&gt; &amp; an &lt;img src=x onerror=alert(3)&gt;')
  })

  it('links only http(s) URLs and shows the others as text', () => {
    expect(html).toContain('<a href="https://example.jp/keizai/2024/04/10/vietnam-investment">')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('<div class="url">javascript:alert(2)</div>')
    expect(html).toContain('utm_source=rss">https://example.de/') // &amp; in href is escaped
    expect(html).toContain('?ref=feed&amp;utm_source=rss')
  })

  it('counts distinct claims by status and credibility', () => {
    const cell = (attr: string, key: string): number => {
      const match = new RegExp(
        `<tr ${attr}="${key}"[^>]*>[\\s\\S]*?<td class="num">(\\d+)</td>`
      ).exec(html)
      if (!match?.[1]) throw new Error(`no row ${attr}=${key}`)
      return Number(match[1])
    }
    // exportsClaim appears in two groups but counts once: 8 distinct claims.
    expect(cell('data-status', 'corroborated')).toBe(2)
    expect(cell('data-status', 'unverified')).toBe(3)
    expect(cell('data-status', 'contested')).toBe(1)
    expect(cell('data-status', 'refuted')).toBe(1)
    expect(cell('data-status', 'retracted')).toBe(1)
    expect(cell('data-credibility', '1')).toBe(1)
    expect(cell('data-credibility', '2')).toBe(1)
    expect(cell('data-credibility', '3')).toBe(2)
    expect(cell('data-credibility', '4')).toBe(1)
    expect(cell('data-credibility', '5')).toBe(1)
    expect(cell('data-credibility', '6')).toBe(1)
    expect(cell('data-credibility', 'none')).toBe(1)
    expect([...html.matchAll(/data-group-count="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([
      3, 3, 3
    ])
    expect(html).toContain('<div class="figure-value">8</div><div class="figure-label">Claims')
  })

  it('keeps one number per claim and numbers endnotes in reading order', () => {
    const numbers = [...html.matchAll(/data-claim="(\d+)"/g)].map((m) => Number(m[1]))
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 1, 7, 8])
    const markers = [...html.matchAll(/<span class="marker">(\d+)<\/span>/g)].map((m) =>
      Number(m[1])
    )
    expect(markers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(html).toContain('Given in full under “trade volumes”.')
  })

  it('shows badges, grades and call-outs', () => {
    expect(html).toContain('>Contested · 4</span>')
    expect(html).toContain('>Corroborated · 2</span>')
    expect(html).toContain('<span class="grade">B2</span>') // VNA (B) on a credibility-2 claim
    expect(html).toContain('<span class="grade">–4</span>') // ungraded post on the rice claim
    expect(html).toContain('<strong>Contradicted by</strong> “Rice shipments to Japan')
    expect(html).toMatch(/class="claim claim-contested flagged"/)
    expect(html).toMatch(/class="claim claim-refuted flagged"/)
    expect(html).not.toMatch(/class="claim claim-corroborated flagged"/)
  })

  it('keeps hostile values inside their attribute', () => {
    // The store's CHECK constraints hold the vocabularies; were one to slip, escaping still holds.
    const odd = {
      ...exportsClaim,
      id: 'odd',
      status: 'bogus" onmouseover="x' as BriefingClaim['status'],
      citations: [{ ...exportsClaim.citations[0]!, stance: '"><script>x</script>' as 'supports' }]
    }
    const out = renderBriefingHtml(
      { ...data, groups: [{ label: 'x', claims: [odd] }] },
      { fontCss: '' }
    )
    expect(out).not.toMatch(/onmouseover="/i)
    expect(out).not.toMatch(/<script/i)
    expect(out).toContain('class="claim claim-bogus&quot; onmouseover=&quot;x"')
    expect(out).toContain('class="stance sn-&quot;&gt;&lt;script&gt;x&lt;/script&gt;"')
  })

  it('renders an empty briefing', () => {
    const empty = renderBriefingHtml({ ...data, groups: [], sources: [] }, { fontCss: '' })
    expect(empty).toContain('No claims are in the scope of this briefing.')
    expect(empty).toContain('<div class="figure-value">0</div>')
  })

  it('respects the include switches', () => {
    const bare = renderBriefingHtml(
      {
        ...data,
        options: {
          ...data.options,
          groupBy: 'none',
          include: {
            statusAndCredibility: false,
            citations: false,
            notes: false,
            relations: false,
            sourceReliability: false
          }
        },
        groups: [{ label: '', claims: allClaims }]
      },
      { fontCss: '' }
    )
    expect(bare).not.toContain('class="badge')
    expect(bare).not.toContain('class="marker"')
    expect(bare).not.toContain('class="endnotes"')
    expect(bare).not.toContain('Analyst notes')
    expect(bare).not.toContain('Contradicted by')
    expect(bare).not.toContain('class="grade')
    expect(bare).not.toContain('data-status=')
    expect(bare).not.toContain('class="group-title"')
    for (const c of allClaims) expect(bare).toContain(escapeHtml(c.text))
  })
})

describe('fonts', () => {
  it('parses fontsource CSS into rules with existing files', () => {
    const rules = fontFaceRules()
    expect(rules.some((r) => r.family === 'Noto Sans Variable' && r.style === 'italic')).toBe(true)
    expect(rules.filter((r) => r.family === 'Noto Sans JP Variable').length).toBeGreaterThan(100)
    for (const rule of rules) expect(existsSync(rule.file)).toBe(true)
  })

  it('writes absolute file:// URLs and keeps unicode-range', () => {
    const css = fontCss()
    expect(css).not.toContain('./files/')
    const urls = [...css.matchAll(/url\("(file:[^"]+)"\)/g)].map((m) => m[1] ?? '')
    expect(urls.length).toBeGreaterThan(100)
    expect(existsSync(fileURLToPath(urls[0] ?? ''))).toBe(true)
    expect(css).toContain('unicode-range: U+0102-0103')
  })

  it('selects and inlines only the subsets a text needs', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+4??')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x400, 0x4ff]
    ])
    const latin = fontFaceRulesFor('Hello')
    expect(latin.map((r) => r.file)).toContainEqual(
      expect.stringMatching(/noto-sans-latin-wght-normal\.woff2$/)
    )
    expect(latin.length).toBeLessThanOrEqual(4)
    const jp = fontFaceRulesFor('日本').filter((r) => r.family === 'Noto Sans JP Variable')
    expect(jp.length).toBeGreaterThan(0)
    expect(jp.length).toBeLessThan(5)
    const inline = fontCssInline('Phạm 日本')
    expect(inline).toContain('data:font/woff2;base64,')
    expect(inline).not.toContain('file://')
  })
})

describe('findChromium', () => {
  it('prefers the explicit path, then ATTEST_CHROMIUM, then existing default paths', () => {
    const none = (): boolean => false
    expect(findChromium('/opt/chrome', { ATTEST_CHROMIUM: '/env/chrome' }, none)).toBe(
      '/opt/chrome'
    )
    expect(findChromium(undefined, { ATTEST_CHROMIUM: '/env/chrome' }, none)).toBe('/env/chrome')
    expect(findChromium(undefined, {}, (p) => p === '/usr/bin/google-chrome')).toBe(
      '/usr/bin/google-chrome'
    )
    expect(findChromium(undefined, {}, none)).toBeNull()
  })

  it('names a configured path that does not exist', async () => {
    const printer = createPlaywrightPrinter({ executablePath: '/nonexistent/chrome' })
    await expect(printer.printHtml('<p>x</p>', HEADER)).rejects.toThrow(
      'No Chromium or Chrome was found at /nonexistent/chrome'
    )
    await printer.close()
  })
})

// ------------------------------------------------------------------------------------------------

const chromiumPath = findChromium()
const hasPoppler = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].some((p) => existsSync(p))

describe.skipIf(chromiumPath === null || !hasPoppler)(
  `briefing PDF (needs Chromium${chromiumPath === null ? ' — none found: set ATTEST_CHROMIUM' : ''} and poppler-utils${hasPoppler ? '' : ' — pdftotext missing'})`,
  () => {
    let dir = ''
    let printer: PdfPrinter
    let text = ''
    let pdfPath = ''

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'attest-briefing-'))
      printer = createPlaywrightPrinter()
      const html = renderBriefingHtml(data, { fontCss: fontCss() })
      let started = performance.now()
      const bytes = await printer.printHtml(html, HEADER)
      const first = performance.now() - started
      started = performance.now()
      await printer.printHtml(html, HEADER)
      const second = performance.now() - started
      console.info(`briefing print: first ${first.toFixed(0)} ms, next ${second.toFixed(0)} ms`)
      pdfPath = join(dir, 'briefing.pdf')
      await writePdfFile(pdfPath, bytes)
      const keep = process.env['ATTEST_BRIEFING_PDF']
      if (keep) {
        await mkdir(join(keep, '..'), { recursive: true })
        await copyFile(pdfPath, keep)
      }
      text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
    }, 60_000)

    afterAll(async () => {
      await printer?.close()
      if (dir) await rm(dir, { recursive: true, force: true })
    })

    const squash = (value: string): string => value.replace(/\s+/g, '')

    it('writes a PDF atomically', async () => {
      const bytes = await readFile(pdfPath)
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([])
    })

    it('contains every claim, quote and source title', () => {
      const flat = squash(text)
      for (const c of allClaims) {
        expect(flat).toContain(squash(c.text))
        for (const citation of c.citations) expect(flat).toContain(squash(citation.quote))
      }
      for (const source of sources) expect(flat).toContain(squash(source.title))
    })

    it('prints markup literally, the classification, and page numbers', () => {
      expect(text).toContain('<script>alert(1)</script>')
      expect(text).toContain(data.options.classification)
      expect(text).toMatch(/Page 1 of \d+/)
      expect(text).toContain('Phạm Minh Chính')
      expect(text).toContain('Außenminister')
    })

    it('never lets the page reach the network', async () => {
      const hits: string[] = []
      const server = createServer((request, response) => {
        hits.push(request.url ?? '')
        response.end('')
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      const base = `http://127.0.0.1:${port}`
      try {
        // No CSP here: the printer's own request blocking must hold on its own.
        const hostile = `<!doctype html><html><head>
          <link rel="stylesheet" href="${base}/style.css">
          <style>@font-face { font-family: X; src: url(${base}/font.woff2) }
          body { font-family: X; background: url(${base}/bg.png) }</style></head>
          <body><img src="${base}/pixel.png"><iframe src="${base}/frame"></iframe>
          <script>fetch('${base}/fetch')</script>text</body></html>`
        const bytes = await printer.printHtml(hostile, HEADER)
        expect(bytes.length).toBeGreaterThan(500)
      } finally {
        await new Promise((resolve) => server.close(resolve))
      }
      expect(hits).toEqual([])
    })

    it('prints with inlined data: fonts too', async () => {
      const plain = renderBriefingHtml(data, { fontCss: '' })
      const inline = renderBriefingHtml(data, { fontCss: fontCssInline(plain) })
      expect(inline).not.toContain('file://')
      const path = join(dir, 'inline.pdf')
      await writePdfFile(path, await printer.printHtml(inline, HEADER))
      const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
      expect(fonts).toContain('Type 3')
      expect(fonts).not.toMatch(/CJK|DejaVu|Droid|Liberation/)
      const flat = squash(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }))
      expect(flat).toContain(squash(claims.pm!.text))
    })

    it('embeds the bundled Noto fonts (no tofu fallback)', () => {
      const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })
      // Skia embeds variable fonts as Type 3; the only named fonts are the system ones used by
      // Chromium's header/footer templates. A CJK or DejaVu font would mean a fallback happened.
      expect(fonts).toContain('Type 3')
      expect(fonts).not.toMatch(/CJK|DejaVu|Droid|Liberation/)
    })
  }
)
