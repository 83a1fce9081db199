import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { LATEST_VERSION, MIGRATIONS } from '../../src/server/store/migrations'
import { ProjectStore } from '../../src/server/store/projectStore'
import { SqliteDb, loadSqlJs } from '../../src/server/store/sqlite'
import { tempDir } from './helpers/tempProject'

/** Writes a project file at schema `version`, filled by `fill`, as an older Attest would. */
async function projectAtVersion(version: number, fill: (db: SqliteDb) => void): Promise<string> {
  const SQL = await loadSqlJs()
  const db = new SqliteDb(new SQL.Database(), ['PRAGMA foreign_keys = ON'])
  const file = path.join(tempDir(), `v${version}.attest`)
  ProjectStore.migrate(db, file, version)
  db.run(
    `INSERT INTO meta (key, value) VALUES ('app', 'attest'), ('created_at', '2025-01-01T00:00:00Z')`
  )
  fill(db)
  fs.writeFileSync(file, db.export())
  db.close()
  return file
}

const T = '2025-09-21T08:00:00.000Z'

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, i) => i + 1)
    )
  })

  it('1 → 2 keeps sources and claims, adds grades, tags, notes, relations and full-text search', async () => {
    const file = await projectAtVersion(1, (db) => {
      db.run(
        `INSERT INTO sources (id, title, url, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        [
          '11111111-1111-4111-8111-111111111111',
          'Ambassador interview',
          'https://example.vn/a',
          'Phạm Minh Chính met the delegation.',
          T,
          T
        ]
      )
      db.run(
        `INSERT INTO claims (id, text, status, event_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        [
          '22222222-2222-4222-8222-222222222222',
          'Trade reached 50 bn USD in 2024',
          'contested',
          '2024-12-31',
          T,
          T
        ]
      )
    })
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const claims = await call(core, 'claims.list', {})
    expect(claims.rows).toHaveLength(1)
    expect(claims.rows[0]).toMatchObject({
      text: 'Trade reached 50 bn USD in 2024',
      status: 'contested',
      eventDate: '2024-12-31',
      credibility: null,
      confidence: null,
      tags: []
    })
    const sources = await call(core, 'sources.list', {})
    expect(sources.rows[0]).toMatchObject({
      title: 'Ambassador interview',
      kind: 'article',
      reliability: null
    })
    // Rows from before the upgrade are in the full-text index.
    const found = await call(core, 'claims.list', { filter: { query: 'bn usd' } })
    expect(found.total).toBe(1)
    const bySource = await call(core, 'sources.list', { filter: { query: 'pham minh chinh' } })
    expect(bySource.total).toBe(1)
    const info = await call(core, 'project.info', {})
    expect(info.schemaVersion).toBe(LATEST_VERSION)
    await core.close()
    // The file as it was before the upgrade is kept beside it, and the file itself is upgraded
    // on disk even though nothing was edited.
    expect(fs.existsSync(`${file}.v1.backup`)).toBe(true)
    const SQL = await loadSqlJs()
    const onDisk = new SQL.Database(fs.readFileSync(file))
    expect(onDisk.exec('PRAGMA user_version')[0]?.values[0]?.[0]).toBe(LATEST_VERSION)
    onDisk.close()
  })
})

describe('migration 2 → 3', () => {
  it('adds citations and hashes the text of existing sources so duplicates are found', async () => {
    const content = 'Bilateral trade reached 50 bn USD for the first time.'
    const file = await projectAtVersion(2, (db) => {
      db.run(
        `INSERT INTO sources (id, title, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
        ['33333333-3333-4333-8333-333333333333', 'Trade report', content, T, T]
      )
    })
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const draft = await call(core, 'documents.prepare', { fileName: 'again.txt', text: content })
    expect(draft.duplicateOf).toMatchObject({ title: 'Trade report', trashed: false })
    const { claim, citation } = await call(core, 'claims.createFromSelection', {
      sourceId: '33333333-3333-4333-8333-333333333333',
      start: 0,
      end: 14
    })
    expect(citation.quote).toBe('Bilateral trad')
    expect((await call(core, 'claims.get', { id: claim.id })).citationCount).toBe(1)
    await core.close()
    expect(fs.existsSync(`${file}.v2.backup`)).toBe(true)
  })
})

describe('migration 3 → 4', () => {
  it('counts the citations of existing claims and keeps the count as citations change', async () => {
    const claimA = '44444444-4444-4444-8444-444444444444'
    const claimB = '55555555-5555-4555-8555-555555555555'
    const source = '66666666-6666-4666-8666-666666666666'
    const content = 'Exports to Japan grew by 7 percent; imports fell by 2 percent.'
    const file = await projectAtVersion(3, (db) => {
      for (const [id, text] of [
        [claimA, 'Exports grew'],
        [claimB, 'Imports fell']
      ]) {
        db.run(`INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
          id as string,
          text as string,
          T,
          T
        ])
      }
      db.run(
        `INSERT INTO sources (id, title, content, content_hash, created_at, updated_at)
         VALUES (?, 'Trade', ?, 'x', ?, ?)`,
        [source, content, T, T]
      )
      for (const [n, start, end] of [
        [1, 0, 7],
        [2, 8, 16]
      ] as const) {
        db.run(
          `INSERT INTO citations (id, claim_id, source_id, quote, start_offset, end_offset,
             source_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'x', ?, ?)`,
          [`c${n}`, claimA, source, content.slice(start, end), start, end, T, T]
        )
      }
    })
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const byCitations = async (): Promise<Array<[string, number]>> =>
      (
        await call(core, 'claims.list', {
          limit: 10,
          sort: [{ field: 'citationCount', direction: 'desc' }]
        })
      ).rows.map((row) => [row.text, row.citationCount])
    expect(await byCitations()).toEqual([
      ['Exports grew', 2],
      ['Imports fell', 0]
    ])

    // Three new citations on B put it first; undoing them restores the order.
    for (let i = 0; i < 3; i++) {
      await call(core, 'citations.create', { claimId: claimB, sourceId: source, start: 0, end: 9 })
    }
    expect(await byCitations()).toEqual([
      ['Imports fell', 3],
      ['Exports grew', 2]
    ])
    for (let i = 0; i < 3; i++) await call(core, 'history.undo', {})
    expect(await byCitations()).toEqual([
      ['Exports grew', 2],
      ['Imports fell', 0]
    ])
    await core.close()
    expect(fs.existsSync(`${file}.v3.backup`)).toBe(true)
  })
})

describe('migration 4 → 5', () => {
  it('re-indexes existing claims into search parts, far and near', async () => {
    const file = await projectAtVersion(4, (db) => {
      for (const [seq, text] of [
        [3, 'Phạm Minh Chính opened the forum'],
        [150_000, 'The forum in Hà Nội drew 1,000 firms']
      ] as const) {
        db.run(
          `INSERT INTO claims (seq, id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
          [seq, `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`, text, T, T]
        )
      }
    })
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const found = await call(core, 'claims.list', { limit: 10, filter: { query: 'forum' } })
    expect(found.rows.map((row) => row.text)).toEqual([
      'The forum in Hà Nội drew 1,000 firms',
      'Phạm Minh Chính opened the forum'
    ])
    const byName = await call(core, 'claims.list', { limit: 10, filter: { query: 'pham chinh' } })
    expect(byName.rows.map((row) => row.text)).toEqual(['Phạm Minh Chính opened the forum'])
    await core.close()
    expect(fs.existsSync(`${file}.v4.backup`)).toBe(true)
  })
})

describe('migration 5 → 6', () => {
  it('finds from the history which claim a deleted note was about', async () => {
    const claimId = '77777777-7777-4777-8777-777777777777'
    const noteId = '88888888-8888-4888-8888-888888888888'
    const file = await projectAtVersion(5, (db) => {
      db.run(
        `INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, 'Exports grew', ?, ?)`,
        [claimId, T, T]
      )
      const snapshot = JSON.stringify({ targetKind: 'claim', targetId: claimId, body: 'Check' })
      for (const [seq, label, oldValue, newValue] of [
        [1, 'Add note', null, snapshot],
        [2, 'Delete note', snapshot, null]
      ] as const) {
        db.run(
          `INSERT INTO operations (seq, id, kind, label, at, device_id) VALUES (?, ?, 'edit', ?, ?, 'old')`,
          [seq, `op-${seq}`, label, T]
        )
        db.run(
          `INSERT INTO changes (operation_seq, record_kind, record_id, field, old_value, new_value, at, device_id)
           VALUES (?, 'note', ?, '*', ?, ?, ?, 'old')`,
          [seq, noteId, oldValue, newValue, T]
        )
      }
    })
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const history = await call(core, 'history.list', { recordId: claimId, limit: 10 })
    expect(history).toMatchObject([
      { operation: 'Delete note', recordKind: 'note', oldValue: { body: 'Check' }, newValue: null },
      { operation: 'Add note', recordKind: 'note', oldValue: null, newValue: { body: 'Check' } }
    ])
    await core.close()
    expect(fs.existsSync(`${file}.v5.backup`)).toBe(true)
  })
})

describe('migration 6 → 7', () => {
  it('keeps older sources without a page layout; a new PDF source keeps its pages', async () => {
    const sourceId = '99999999-9999-4999-8999-999999999999'
    const file = await projectAtVersion(6, (db) => {
      db.run(
        `INSERT INTO sources (id, title, content, content_hash, created_at, updated_at)
         VALUES (?, 'Older article', 'Text', 'hash', ?, ?)`,
        [sourceId, T, T]
      )
    })
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    expect((await call(core, 'sources.get', { id: sourceId })).layout).toBeNull()
    const paged = await call(core, 'sources.create', {
      title: 'Report',
      content: 'Page one\n\nPage two',
      layout: { pageStarts: [0, 10], furniture: [] }
    })
    expect(paged.layout).toEqual({ pageStarts: [0, 10], furniture: [] })
    await core.close()
    expect(fs.existsSync(`${file}.v6.backup`)).toBe(true)
  })
})
