import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

// A document written for these tests.
const ARTICLE = [
  'Port talks resume',
  '',
  'Oslo, 2025-09-22',
  '',
  'Talks on the port resumed on Monday.'
].join('\n')

describe('timeline.list', () => {
  it('gives dated claims in date order with the days their sources reported them', async () => {
    const project = await tempProject()
    const source = await call(project, 'sources.create', {
      title: 'Port talks resume',
      publishedAt: '2025-09-22',
      content: ARTICLE
    })
    const tag = await call(project, 'tags.create', { name: 'Ports', parentId: null, colour: null })
    const late = await call(project, 'claims.create', {
      text: 'Talks resumed',
      eventDate: '2025-09-21'
    })
    const early = await call(project, 'claims.create', {
      text: '<b>Talks</b> & stopped',
      eventDate: '2025-03-02'
    })
    await call(project, 'claims.create', { text: 'No date' })
    const start = ARTICLE.indexOf('Talks on the port')
    await call(project, 'citations.create', {
      claimId: late.id,
      sourceId: source.id,
      start,
      end: start + 17
    })
    await call(project, 'claims.tag', { ids: [late.id], tagId: tag.id, tagged: true })

    const all = await call(project, 'timeline.list', {})
    expect(all.total).toBe(2)
    expect(all.claims).toEqual([
      { id: early.id, text: '<b>Talks</b> & stopped', eventDate: '2025-03-02', reported: [] },
      { id: late.id, text: 'Talks resumed', eventDate: '2025-09-21', reported: ['2025-09-22'] }
    ])
    const tagged = await call(project, 'timeline.list', { filter: { tagIds: [tag.id] } })
    expect(tagged.claims.map((claim) => claim.id)).toEqual([late.id])
    const one = await call(project, 'timeline.list', { limit: 1 })
    expect(one).toMatchObject({ total: 2, claims: [{ id: early.id }] })
    await expect(call(project, 'timeline.list', { limit: 0 })).rejects.toThrow()
  })
})
