import { describe, expect, it } from 'vitest'
import { clusterTimeline, dateSpan, layoutTimeline } from '../../src/shared/timeline'
import { renderBriefingHtml } from '../../src/server/export/briefing'

describe('dateSpan', () => {
  it.each([
    ['2025-09-21', '2025-09-21', '2025-09-21'],
    ['2025-10', '2025-10-01', '2025-10-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025', '2025-01-01', '2025-12-31']
  ])('%s covers %s to %s', (value, from, to) => {
    const span = dateSpan(value)
    expect(span && new Date(span.from).toISOString().slice(0, 10)).toBe(from)
    expect(span && new Date(span.to).toISOString().slice(0, 10)).toBe(to)
  })

  it.each(['', 'soon', '2025-13', '2025-02-30', 'Oct 2025'])('%j is not a date', (value) => {
    expect(dateSpan(value)).toBeNull()
  })
})

describe('layoutTimeline', () => {
  it('orders by date, keeps markers apart within a lane and lists the undated', () => {
    const layout = layoutTimeline(
      [
        { id: 'b', date: '2025-10', label: 'October' },
        { id: 'a', date: '2025-09-21', label: 'A day', reported: ['2025-09-22'] },
        { id: 'c', date: '2025-09-21', label: 'Same day' },
        { id: 'u', date: 'later', label: 'Undated' }
      ],
      600,
      18
    )
    expect(layout.items.map((item) => item.id)).toEqual(['a', 'c', 'b'])
    expect(layout.undated.map((item) => item.id)).toEqual(['u'])
    // Two claims on one day cannot share a lane.
    expect(layout.items[0]!.lane).not.toBe(layout.items[1]!.lane)
    expect(layout.lanes).toBe(2)
    const [a, , october] = layout.items
    expect(october!.x2 - october!.x).toBeGreaterThan(0)
    expect(a!.reportedX[0]).toBeGreaterThan(a!.x)
    for (const item of layout.items) {
      expect(item.x).toBeGreaterThanOrEqual(0)
      expect(item.x2).toBeLessThanOrEqual(600)
    }
    for (let i = 0; i < layout.items.length; i++) {
      for (let j = i + 1; j < layout.items.length; j++) {
        const [p, q] = [layout.items[i]!, layout.items[j]!]
        if (p.lane === q.lane) expect(Math.abs(q.x - p.x)).toBeGreaterThanOrEqual(18)
      }
    }
    expect(layout.ticks.some((tick) => tick.label.includes('2025'))).toBe(true)
  })

  it('labels every January with its year on a two-year axis', () => {
    const layout = layoutTimeline(
      [
        { id: 'a', date: '2024-03-18', label: 'a' },
        { id: 'b', date: '2025-11-27', label: 'b' }
      ],
      640
    )
    const labels = layout.ticks.map((tick) => tick.label)
    expect(labels).toContain('Jan 2025')
    expect(layout.ticks.filter((tick) => tick.major).map((tick) => tick.label)).toEqual([
      'Jan 2025'
    ])
  })

  it('lays out 10,000 claims on one day in a bounded number of lanes', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      id: String(i),
      date: '2025-09-21',
      label: `Claim ${i}`
    }))
    const layout = layoutTimeline(items, 640, 20, 12)
    expect(layout.items).toHaveLength(10_000)
    expect(layout.lanes).toBe(12)
  })
})

describe('the briefing timeline', () => {
  it('draws dated claims as numbered markers in an SVG, escaped, with a list in date order', () => {
    const claim = (id: string, text: string, eventDate: string | null) => ({
      id,
      text,
      status: 'unverified' as const,
      credibility: null,
      confidence: null,
      eventDate,
      tags: [],
      notes: [],
      relations: [],
      citations: [
        { sourceId: 's', quote: 'q', stance: 'supports' as const, locator: null, note: null }
      ]
    })
    const out = renderBriefingHtml(
      {
        options: {
          title: 'T',
          author: '',
          classification: '',
          scopeLabel: 'All claims',
          groupBy: 'none',
          include: {
            statusAndCredibility: true,
            citations: true,
            notes: true,
            relations: true,
            sourceReliability: true
          },
          generatedAt: '2025-11-01T10:00:00Z',
          audience: '',
          date: '',
          bottomLine: '',
          judgements: []
        },
        groups: [
          {
            label: '',
            claims: [
              claim('late', 'The programme started <b>in October</b>.', '2025-10'),
              claim('early', 'The visit took place & ended.', '2025-09-21'),
              claim('none', 'Undated claim.', null)
            ]
          }
        ],
        sources: [
          {
            id: 's',
            number: 1,
            title: 'S',
            publisher: null,
            url: null,
            publishedAt: '2025-09-22',
            reliability: null
          }
        ]
      },
      { fontCss: '' }
    )
    const section = out.slice(out.indexOf('class="timeline"'))
    expect(section).toContain('<svg class="tl-svg" role="img"')
    expect(section).not.toContain('<b>')
    expect(section).toContain('The programme started &lt;b&gt;in October&lt;/b&gt;.')
    // Claim 2 (the visit) comes first on the time axis and in the list.
    expect(section.indexOf('The visit took place &amp; ended.')).toBeLessThan(
      section.indexOf('The programme started')
    )
    expect(section).toContain('reported 2025-09-22')
    expect(section.match(/class="tl-item"/g)).toHaveLength(2)
    expect(section).not.toContain('Undated claim.')
  })
})

describe('clusterTimeline', () => {
  it('gathers only the stretches too crowded to draw, in axis order', () => {
    const items = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `busy${i}`, date: '2025-03-10', label: 'x' })),
      { id: 'alone', date: '2025-09-01', label: 'y' }
    ]
    const layout = layoutTimeline(items, 800, 20, 8)
    const marks = clusterTimeline(layout, 20, 8)
    expect(marks).toHaveLength(2)
    expect(marks[0]!.kind).toBe('cluster')
    if (marks[0]!.kind === 'cluster') expect(marks[0]!.cluster.items).toHaveLength(30)
    expect(marks[1]).toMatchObject({ kind: 'item', item: { id: 'alone' } })
    // Zoomed in far enough, each claim is its own marker again.
    const wide = clusterTimeline(layoutTimeline(items, 800_000, 20, 40), 20, 40)
    expect(wide.every((mark) => mark.kind === 'item')).toBe(true)
  })
})
