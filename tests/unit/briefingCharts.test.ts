import { DOMParser } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import {
  renderBriefingHtml,
  renderContext,
  type BriefingClaim,
  type BriefingData
} from '../../src/server/export/briefing'
import { briefingCharts, chartSvg, fitLabel } from '../../src/server/export/briefing/charts'

function claim(partial: Partial<BriefingClaim> & Pick<BriefingClaim, 'id'>): BriefingClaim {
  return {
    text: `Claim ${partial.id}`,
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

function data(claims: BriefingClaim[]): BriefingData {
  return {
    options: {
      title: 'Charts',
      author: '',
      audience: '',
      classification: '',
      date: '',
      bottomLine: '',
      judgements: [],
      scopeLabel: 'All claims',
      groupBy: 'tag',
      include: {
        statusAndCredibility: true,
        citations: true,
        notes: true,
        relations: true,
        sourceReliability: true
      },
      generatedAt: '2026-03-01T10:00:00Z'
    },
    groups: [{ label: '', claims }],
    sources: []
  }
}

const HOSTILE_TAG = '<script>alert(1)</script> & \u202eevil'
const LONG_TAG = `Ngoại giao ${'Việt Nam – Nhật Bản '.repeat(40)}`

const CLAIMS = [
  claim({ id: 'a', status: 'corroborated', credibility: 1, topTags: ['Trade'] }),
  claim({ id: 'b', status: 'contested', credibility: 3, topTags: ['Trade', '貿易'] }),
  claim({ id: 'c', status: 'refuted', credibility: 5, topTags: [HOSTILE_TAG] }),
  claim({ id: 'd', status: 'unverified', credibility: null, topTags: [LONG_TAG] }),
  claim({ id: 'e', status: 'unverified', credibility: 2, tags: ['Energy / Solar'] }),
  claim({ id: 'f', status: 'retracted', credibility: 6 })
]

function parse(svg: string) {
  const errors: string[] = []
  const doc = new DOMParser({
    errorHandler: {
      error: (message: string) => errors.push(message),
      fatalError: (message: string) => errors.push(message)
    }
  }).parseFromString(svg, 'image/svg+xml')
  expect(errors).toEqual([])
  return doc
}

describe('the briefing’s charts', () => {
  it('count claims by status and by credibility for each top-level tag', () => {
    const [status, credibility] = briefingCharts(renderContext(data(CLAIMS)))
    const row = (chart: typeof status, label: string) =>
      chart?.rows.find((entry) => entry.label === label)
    // Corroborated, unverified, contested, refuted, retracted.
    expect(row(status, 'Trade')).toEqual({ label: 'Trade', total: 2, counts: [1, 0, 1, 0, 0] })
    expect(row(status, '貿易')?.counts).toEqual([0, 0, 1, 0, 0])
    // A tag path is read up to its top-level tag.
    expect(row(status, 'Energy')?.counts).toEqual([0, 1, 0, 0, 0])
    expect(row(status, 'Untagged')?.counts).toEqual([0, 0, 0, 0, 1])
    // 1 … 6, then not graded.
    expect(row(credibility, 'Trade')?.counts).toEqual([1, 0, 1, 0, 0, 0, 0])
    expect(row(credibility, LONG_TAG)?.counts).toEqual([0, 0, 0, 0, 0, 0, 1])
  })

  it('are well-formed SVG with a title, a description and every count as text', () => {
    for (const chart of briefingCharts(renderContext(data(CLAIMS)))) {
      const { svg, desc } = chartSvg(chart)
      const doc = parse(svg.toString())
      const root = doc.documentElement
      expect(root?.getAttribute('role')).toBe('img')
      const [titleId, descId] = (root?.getAttribute('aria-labelledby') ?? '').split(' ')
      expect(doc.getElementById(titleId ?? '')?.textContent).toBe(chart.title)
      expect(doc.getElementById(descId ?? '')?.textContent).toBe(desc)
      expect(desc).toContain('Trade (2)')
      const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '')
      // A count beside every bar, a label over every column: colour is never the only cue.
      const counts = chart.rows.flatMap((entry) => entry.counts.map(String))
      for (const count of counts) expect(texts).toContain(count)
      for (const column of chart.columns) expect(texts).toContain(column.head[0])
    }
  })

  it('escape tag names and cut long ones, Vietnamese and Japanese kept', () => {
    const html = renderBriefingHtml(data(CLAIMS), { fontCss: '' })
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; \u202eevil')
    expect(html).toContain('貿易')
    const cut = fitLabel(LONG_TAG, 126)
    expect(cut.endsWith('…')).toBe(true)
    expect(cut.startsWith('Ngoại giao Việt Nam')).toBe(true)
    expect(html).toContain(cut)
    expect(fitLabel('東京'.repeat(40), 126).length).toBeLessThan(16)
  })

  it('draw nothing when the briefing leaves status and credibility out', () => {
    const off = data(CLAIMS)
    off.options.include.statusAndCredibility = false
    expect(briefingCharts(renderContext(off))).toEqual([])
    const html = renderBriefingHtml(off, { fontCss: '' })
    expect(html.slice(html.indexOf('<body>'))).not.toContain('<svg')
  })
})
