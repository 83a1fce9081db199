import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

type Project = Awaited<ReturnType<typeof tempProject>>

const T = '2026-01-05T10:00:00.000Z'

/**
 * A claim created through the core whose seq is `seq`: a trashed placeholder takes seq - 1
 * first, as happens in a project that has grown past that many claims.
 */
async function claimAt(project: Project, seq: number, text: string): Promise<string> {
  project.ctx.store.write((db) =>
    db.run(
      `INSERT INTO claims (seq, id, text, status, created_at, updated_at, deleted_at)
       VALUES (?, ?, 'placeholder', 'unverified', ?, ?, ?)`,
      [seq - 1, randomUUID(), T, T, T]
    )
  )
  const claim = await call(project, 'claims.create', { text })
  expect(project.ctx.store.db.pluck(`SELECT seq FROM claims WHERE id = ?`, [claim.id])).toBe(seq)
  return claim.id
}

async function page(project: Project, query: string, offset: number, limit: number) {
  const result = await call(project, 'claims.list', { offset, limit, filter: { query } })
  return {
    texts: result.rows.map((row) => row.text),
    total: result.total,
    more: result.totalAtLeast
  }
}

describe('quick search over a project that spans several index parts', () => {
  it('pages newest first across parts, counts exactly on request and follows edits', async () => {
    const project = await tempProject()
    await claimAt(project, 10, 'Trade with Japan grew (part 0)')
    await claimAt(project, 20, 'A visit to Gunma (part 0)')
    const noted = await claimAt(project, 70_000, 'Yen loans for a metro line (part 1)')
    await claimAt(project, 140_000, 'Trade fair in Osaka (part 2)')
    const quiet = await claimAt(project, 140_010, 'Students in Fukuoka (part 2)')
    const newest = await claimAt(project, 200_000, 'Trade talks resumed (part 3)')
    await call(project, 'notes.create', {
      targetKind: 'claim',
      targetId: noted,
      body: 'The trade ministry confirmed the figure'
    })

    // The first page stops early: it says only "at least".
    expect(await page(project, 'trade', 0, 2)).toEqual({
      texts: ['Trade talks resumed (part 3)', 'Trade fair in Osaka (part 2)'],
      total: 2,
      more: true
    })
    // The next page continues the walk, the note's claim in its place by age, down to the
    // oldest part: the count is then exact.
    expect(await page(project, 'trade', 2, 2)).toEqual({
      texts: ['Yen loans for a metro line (part 1)', 'Trade with Japan grew (part 0)'],
      total: 4,
      more: undefined
    })
    expect(await page(project, 'trade', 4, 2)).toEqual({ texts: [], total: 4, more: undefined })
    expect(await call(project, 'claims.count', { filter: { query: 'trade' } })).toEqual({
      total: 4
    })
    // A count asked before any page walks the whole index too.
    expect(await call(project, 'claims.count', { filter: { query: 'pham' } })).toEqual({
      total: 0
    })

    // Sorted by another column, every part is searched at once.
    const byText = await call(project, 'claims.list', {
      limit: 10,
      sort: [{ field: 'text', direction: 'asc' }],
      filter: { query: 'trade' }
    })
    expect(byText.rows.map((row) => row.text)).toEqual([
      'Trade fair in Osaka (part 2)',
      'Trade talks resumed (part 3)',
      'Trade with Japan grew (part 0)',
      'Yen loans for a metro line (part 1)'
    ])
    expect(byText.total).toBe(4)

    // Edits are seen at once: a claim moved to the Trash leaves, an edited one joins.
    await call(project, 'claims.delete', { ids: [newest] })
    await call(project, 'claims.update', {
      id: quiet,
      changes: { text: 'Students on a trade course in Fukuoka (part 2)' }
    })
    expect(await page(project, 'trade', 0, 10)).toEqual({
      texts: [
        'Students on a trade course in Fukuoka (part 2)',
        'Trade fair in Osaka (part 2)',
        'Yen loans for a metro line (part 1)',
        'Trade with Japan grew (part 0)'
      ],
      total: 4,
      more: undefined
    })
    // Other filters narrow the walk, and the Trash is searched on its own.
    const trashed = await call(project, 'claims.list', {
      limit: 10,
      filter: { query: 'trade', trashed: true }
    })
    expect(trashed.rows.map((row) => row.text)).toEqual(['Trade talks resumed (part 3)'])
    await call(project, 'claims.update', { id: noted, changes: { status: 'contested' } })
    const contested = await call(project, 'claims.list', {
      limit: 10,
      filter: { query: 'trade', status: ['contested'] }
    })
    expect(contested.rows.map((row) => row.text)).toEqual(['Yen loans for a metro line (part 1)'])
    expect(contested.total).toBe(1)
    await call(project, 'history.undo', {})

    // Undo brings the claim back into the results, in its place.
    await call(project, 'history.undo', {})
    await call(project, 'history.undo', {})
    expect(await page(project, 'trade', 0, 10)).toEqual({
      texts: [
        'Trade talks resumed (part 3)',
        'Trade fair in Osaka (part 2)',
        'Yen loans for a metro line (part 1)',
        'Trade with Japan grew (part 0)'
      ],
      total: 4,
      more: undefined
    })
  })

  it('resumes inside a part with many hits without skipping or repeating one', async () => {
    const project = await tempProject()
    project.ctx.store.write((db) => {
      for (let n = 1; n <= 4_500; n++) {
        db.run(
          `INSERT INTO claims (id, text, status, created_at, updated_at)
           VALUES (?, ?, 'unverified', ?, ?)`,
          [randomUUID(), n % 10 === 0 ? `Memo ${n}` : `Trade item ${n}`, T, T]
        )
      }
    })
    project.ctx.caches.invalidate()
    const seen: string[] = []
    for (let offset = 0; offset < 4_200; offset += 700) {
      const result = await call(project, 'claims.list', {
        offset,
        limit: 700,
        filter: { query: 'trade item' }
      })
      seen.push(...result.rows.map((row) => row.text))
    }
    const expected = Array.from({ length: 4_500 }, (_, i) => 4_500 - i)
      .filter((n) => n % 10 !== 0)
      .map((n) => `Trade item ${n}`)
    expect(seen).toEqual(expected)
    expect(await call(project, 'claims.count', { filter: { query: 'trade item' } })).toEqual({
      total: 4_050
    })
  })

  it('finds claims in later parts after the project is closed and opened again', async () => {
    const project = await tempProject()
    await claimAt(project, 100_000, 'Phạm Minh Chính visited Gunma')
    await project.close()
    const { openLocalCore } = await import('../../src/server/core')
    const reopened = await openLocalCore({
      projectPath: project.file,
      deviceId: 'test-device',
      idleCheckpointMs: 0
    })
    const found = await call(reopened, 'claims.list', {
      limit: 5,
      filter: { query: 'Pham Minh Chinh' }
    })
    expect(found.rows.map((row) => row.text)).toEqual(['Phạm Minh Chính visited Gunma'])
    await reopened.close()
  })
})
