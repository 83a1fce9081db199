import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import initSqlJs from 'sql.js'
import { call } from '../../src/server/core'
import { parseRequest, runRequest } from '../../src/server/dispatch'
import { Caches } from '../../src/server/records/context'
import { readJournal } from '../../src/server/store/journal'
import { LATEST_VERSION } from '../../src/server/store/migrations'
import { ProjectStore, journalPath } from '../../src/server/store/projectStore'
import { tempDir, tempProject } from './helpers/tempProject'

describe('project store', () => {
  it('creates a valid SQLite file at once, readable by any SQLite tool', async () => {
    const project = await tempProject()
    expect(fs.existsSync(project.file)).toBe(true)
    const SQL = await initSqlJs()
    const db = new SQL.Database(fs.readFileSync(project.file))
    expect(db.exec('PRAGMA user_version')[0]?.values[0]?.[0]).toBe(LATEST_VERSION)
    expect(db.exec(`SELECT value FROM meta WHERE key = 'app'`)[0]?.values[0]?.[0]).toBe('attest')
    db.close()
  })

  it('acknowledges a write only once it is in the journal on disk', async () => {
    const project = await tempProject()
    await call(project, 'claims.create', { text: 'Bilateral trade reached 50 bn USD' })
    const { entries } = readJournal(journalPath(project.file))
    expect(entries).toHaveLength(1)
    expect(JSON.stringify(entries[0]?.statements)).toContain('Bilateral trade reached 50 bn USD')
  })

  it('folds the journal into the file after 30 s without requests, and not before', async () => {
    const file = path.join(tempDir(), 'idle.attest')
    const store = await ProjectStore.open(file, { create: true })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    onTestFinished(() => {
      vi.useRealTimers()
      store.close()
    })
    const now = new Date().toISOString()
    const insert = (i: number): void => {
      store.write((db) =>
        db.run(`INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
          `00000000-0000-4000-8000-00000000000${i}`,
          `Claim ${i}`,
          now,
          now
        ])
      )
    }
    const journalSize = (): number => fs.statSync(journalPath(file)).size
    /** The claims the project file holds by itself, read from a copy without the journal. */
    const inFileAlone = async (): Promise<unknown> => {
      const copy = path.join(tempDir(), 'copy.attest')
      fs.copyFileSync(file, copy)
      const opened = await ProjectStore.open(copy, { idleCheckpointMs: 0 })
      try {
        return opened.db.pluck(`SELECT count(*) FROM claims`)
      } finally {
        opened.close()
      }
    }
    const ctx = { store, deviceId: 'test', caches: new Caches() }
    const ask = (name: string, input: unknown) => {
      const parsed = parseRequest(name, input)
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.error))
      return runRequest(ctx, parsed.name, parsed.input)
    }
    insert(1)
    vi.advanceTimersByTime(25_000)
    insert(2)
    // Each write starts the quiet period again: 25 s after the second, nothing is folded.
    vi.advanceTimersByTime(25_000)
    expect(journalSize()).toBeGreaterThan(0)
    // Reading (a page of the grid) is work too: the fold waits, since it would block the page.
    expect(await ask('claims.list', { limit: 10 })).toMatchObject({ ok: true })
    vi.advanceTimersByTime(25_000)
    expect(journalSize()).toBeGreaterThan(0)
    expect(await inFileAlone()).toBe(0)
    // The window's own health poll is not: it does not hold the fold back.
    expect(await ask('project.health', {})).toMatchObject({ ok: true })
    vi.advanceTimersByTime(5_000)
    expect(journalSize()).toBe(0)
    expect(await inFileAlone()).toBe(2)
  })

  it('replays the journal when a project is reopened without a checkpoint', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'p.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
    const now = new Date().toISOString()
    for (let i = 0; i < 5; i++) {
      store.write((db) =>
        db.run(`INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
          `00000000-0000-4000-8000-00000000000${i}`,
          `Claim ${i}`,
          now,
          now
        ])
      )
    }
    // Simulate a crash: copy the file and the journal as they are now, without closing.
    const crashed = path.join(dir, 'crashed.attest')
    fs.copyFileSync(file, crashed)
    fs.copyFileSync(journalPath(file), journalPath(crashed))
    store.close()

    const reopened = await ProjectStore.open(crashed)
    expect(reopened.db.pluck(`SELECT count(*) FROM claims`)).toBe(5)
    // The replay was folded into the file: it alone now holds the claims.
    expect(fs.statSync(journalPath(crashed)).size).toBe(0)
    reopened.close()
    expect(fs.existsSync(journalPath(crashed))).toBe(false)
  })

  it('ignores a torn last journal line (a write that was never acknowledged)', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'p.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
    const now = new Date().toISOString()
    store.write((db) =>
      db.run(`INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
        '00000000-0000-4000-8000-000000000001',
        'Kept',
        now,
        now
      ])
    )
    const crashed = path.join(dir, 'crashed.attest')
    fs.copyFileSync(file, crashed)
    fs.copyFileSync(journalPath(file), journalPath(crashed))
    fs.appendFileSync(journalPath(crashed), '{"s":2,"q":[["INSERT INTO cla')
    store.close()
    const reopened = await ProjectStore.open(crashed)
    expect(reopened.db.pluck(`SELECT group_concat(text) FROM claims`)).toBe('Kept')
    reopened.close()
  })

  it('refuses a damaged journal and leaves the files untouched', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'p.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
    store.close()
    const journal = journalPath(file)
    fs.writeFileSync(journal, 'garbage\n{"s":1,"q":[]}\tbadc0ffee\n')
    const before = fs.readFileSync(file)
    const line = `{"s":2,"q":[]}`
    const { createHash } = await import('node:crypto')
    fs.appendFileSync(
      journal,
      `${line}\t${createHash('sha256').update(line).digest('hex').slice(0, 16)}\n`
    )
    await expect(ProjectStore.open(file)).rejects.toThrow(/journal is damaged/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a file that is not SQLite, with a clear message, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'notes.attest')
    fs.writeFileSync(file, 'These are my notes, not a project.')
    await expect(ProjectStore.open(file)).rejects.toThrow(/not an Attest project/)
    expect(fs.readFileSync(file, 'utf8')).toBe('These are my notes, not a project.')
  })

  it('refuses an SQLite database that is not an Attest project', async () => {
    const SQL = await initSqlJs()
    const db = new SQL.Database()
    db.exec('CREATE TABLE other (x)')
    const file = path.join(tempDir(), 'other.sqlite')
    fs.writeFileSync(file, db.export())
    await expect(ProjectStore.open(file)).rejects.toThrow(
      /SQLite database, but not an Attest project/
    )
  })

  it('refuses a damaged SQLite file', async () => {
    const project = await tempProject()
    await project.close()
    const bytes = fs.readFileSync(project.file)
    bytes.fill(0x5a, 100, Math.min(bytes.length, 9000))
    fs.writeFileSync(project.file, bytes)
    await expect(ProjectStore.open(project.file)).rejects.toThrow(/damaged|not an Attest project/)
  })

  it('refuses a project from a newer version of Attest and does not touch it', async () => {
    const project = await tempProject()
    await project.close()
    const SQL = await initSqlJs()
    const db = new SQL.Database(fs.readFileSync(project.file))
    db.exec(`PRAGMA user_version = ${LATEST_VERSION + 5}`)
    fs.writeFileSync(project.file, db.export())
    const before = fs.readFileSync(project.file)
    await expect(ProjectStore.open(project.file)).rejects.toThrow(
      /newer version of Attest \(schema \d+; this version reads up to \d+\)/
    )
    expect(fs.readFileSync(project.file).equals(before)).toBe(true)
  })

  it('refuses a second process on the same project while the first is alive', async () => {
    const project = await tempProject()
    fs.writeFileSync(`${project.file}.lock`, String(process.ppid))
    await project.close()
    fs.writeFileSync(`${project.file}.lock`, String(process.ppid))
    await expect(ProjectStore.open(project.file)).rejects.toThrow(
      /in use by another Attest process/
    )
    // A lock left by a process that no longer exists is taken over.
    fs.writeFileSync(`${project.file}.lock`, '999999999')
    const store = await ProjectStore.open(project.file)
    store.close()
  })

  it('checkpoints on close, so the file alone holds every change', async () => {
    const project = await tempProject()
    await call(project, 'claims.create', { text: 'Japan received 63 PhD students' })
    await project.close()
    expect(fs.existsSync(journalPath(project.file))).toBe(false)
    const SQL = await initSqlJs()
    const onDisk = new SQL.Database(fs.readFileSync(project.file))
    expect(onDisk.exec('SELECT text FROM claims')[0]?.values).toEqual([
      ['Japan received 63 PhD students']
    ])
    onDisk.close()
  })

  it('tidies the search index at checkpoints: fewer segments, the same matches', async () => {
    const project = await tempProject()
    for (let n = 0; n < 40; n++) {
      await call(project, 'claims.create', { text: `Delegation ${n} visited Gunma` })
    }
    const db = project.ctx.store.db
    const segments = (): number => Number(db.pluck(`SELECT count(*) FROM claims_fts_segdir`))
    const found = async (query: string) =>
      (await call(project, 'claims.list', { limit: 100, filter: { query } })).rows.map(
        (row) => row.text
      )
    const before = segments()
    const all = await found('gunma delegation')
    expect(all).toHaveLength(40)
    expect(before).toBeGreaterThan(8)
    project.ctx.store.checkpoint()
    expect(segments()).toBeLessThan(before)
    expect(await found('gunma delegation')).toEqual(all)
    expect(await found('delegation 17')).toEqual(['Delegation 17 visited Gunma'])
  })
})
