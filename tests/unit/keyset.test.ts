import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CLAIM_SORT_FIELDS } from '../../src/shared/contract'
import { call } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

type Project = Awaited<ReturnType<typeof tempProject>>
type Filter = { tagIds?: string[] }
type Sort = Array<{ field: (typeof CLAIM_SORT_FIELDS)[number]; direction: 'asc' | 'desc' }>

/** A small deterministic generator: the same claims on every run. */
function generator(seed: number): () => number {
  let x = seed
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x >>> 8
  }
}

/** Claims with many ties and NULLs in every sortable column: the hard cases for paging. */
/** The sort fields as SQL, written out for the expected order. */
const SQL_OF: Record<string, string> = {
  text: 'c.text COLLATE NOCASE',
  status: 'c.status',
  eventDate: 'c.event_date',
  credibility: 'c.credibility',
  confidence: 'c.confidence',
  citationCount: 'c.citation_count',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at'
}

function fill(project: Project, tagSeq: number): number {
  let tagged = 0
  const next = generator(7)
  const pick = <T>(values: readonly T[]): T => values[next() % values.length] as T
  project.ctx.store.write((db) => {
    for (let n = 0; n < 260; n++) {
      const stamp = `2026-01-0${1 + (next() % 3)}T10:00:00.000Z`
      db.run(
        `INSERT INTO claims (id, text, status, event_date, credibility, confidence, created_at,
           updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          randomUUID(),
          pick(['alpha', 'Alpha', 'beta', 'BETA', 'gamma', 'Delta']),
          pick(['unverified', 'corroborated', 'contested', 'refuted', 'retracted']),
          pick([null, null, '2024', '2024-05', '2024-05-14', '2025-01-02']),
          pick([null, 1, 2, 6]),
          pick([null, 0, 50, 50, 100]),
          stamp,
          stamp
        ]
      )
      if (next() % 3 === 0) {
        tagged += 1
        db.run(`INSERT INTO claim_tags (claim_seq, tag_seq) VALUES (last_insert_rowid(), ?)`, [
          tagSeq
        ])
      }
    }
  })
  project.ctx.caches.invalidate()
  return tagged
}

async function ids(project: Project, offset: number, limit: number, sort: Sort, filter: Filter) {
  const page = await call(project, 'claims.list', { offset, limit, sort, filter })
  return page.rows.map((row) => row.id)
}

/** Block after block, as the grid scrolls: each block after the first starts at a cursor. */
async function scrolled(project: Project, sort: Sort, filter: Filter): Promise<string[]> {
  const all: string[] = []
  for (let offset = 0; ; offset += 37) {
    const block = await ids(project, offset, 37, sort, filter)
    all.push(...block)
    if (block.length < 37) return all
  }
}

describe('keyset paging', () => {
  it('gives block after block exactly the rows of one long page, for every sort and a tag filter', async () => {
    const project = await tempProject()
    const tag = await call(project, 'tags.create', { name: 'Tagged' })
    const tagSeq = Number(project.ctx.store.db.pluck(`SELECT seq FROM tags WHERE id = ?`, [tag.id]))
    const tagged = fill(project, tagSeq)
    const sorts: Sort[] = [[]]
    for (const field of CLAIM_SORT_FIELDS) {
      if (field === 'deletedAt') continue
      sorts.push([{ field, direction: 'asc' }], [{ field, direction: 'desc' }])
    }
    // Every statement the pages run, to see that later blocks do not count rows with OFFSET.
    const db = project.ctx.store.db
    const statements: string[] = []
    const all = db.all.bind(db)
    db.all = ((sql: string, params?: never[]) => {
      statements.push(sql)
      return all(sql, params)
    }) as typeof db.all
    for (const filter of [{}, { tagIds: [tag.id] }]) {
      for (const sort of sorts) {
        // The order SQLite gives for the same rows, written out here, not by the code tested.
        const [first] = sort
        const column = first ? SQL_OF[first.field] : null
        const dir = first?.direction === 'asc' ? 'ASC' : 'DESC'
        const expected = db
          .all<{ id: string }>(
            `SELECT c.id FROM claims c WHERE c.deleted_at IS NULL
             ${filter.tagIds ? `AND c.seq IN (SELECT claim_seq FROM claim_tags WHERE tag_seq = ${tagSeq})` : ''}
             ORDER BY ${column ? `${column} ${dir}, ` : ''}c.seq ${dir}`
          )
          .map((row) => row.id)
        expect(expected.length).toBe(filter.tagIds ? tagged : 260)
        statements.length = 0
        expect(await scrolled(project, sort, filter), JSON.stringify(sort)).toEqual(expected)
        const pages = statements.filter((sql) => /\bLIMIT\b/.test(sql) && /FROM claims c/.test(sql))
        expect(pages.filter((sql) => /\bOFFSET\b/.test(sql))).toHaveLength(1)
      }
    }
  })

  it('falls back to counting rows after an edit, and stays exact', async () => {
    const project = await tempProject()
    const tag = await call(project, 'tags.create', { name: 'Tagged' })
    const tagSeq = Number(project.ctx.store.db.pluck(`SELECT seq FROM tags WHERE id = ?`, [tag.id]))
    fill(project, tagSeq)
    const sort: Sort = [{ field: 'confidence', direction: 'desc' }]
    const first = await ids(project, 0, 37, sort, {})
    const list = JSON.stringify([{}, sort])
    expect(project.ctx.caches.cursors.get(list, 37)).toBeDefined()
    // An edit moves a row from the first block to the end; the next block is read afresh.
    const moved = first[0] as string
    await call(project, 'claims.update', { id: moved, changes: { confidence: null } })
    expect(project.ctx.caches.cursors.get(list, 37)).toBeUndefined()
    const second = await ids(project, 37, 37, sort, {})
    const whole = await ids(project, 0, 1000, sort, {})
    expect(second).toEqual(whole.slice(37, 74))
    // Descending, empty confidences come last: the edited claim is now among them.
    expect(whole.indexOf(moved)).toBeGreaterThanOrEqual(74)
  })
})
