import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { call, openLocalCore, openWorkerCore } from '../../src/server/core'
import { readJournal } from '../../src/server/store/journal'
import { ProjectStore, journalPath } from '../../src/server/store/projectStore'
import { clearFaults, injectFault } from '../../src/server/store/storeFs'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

afterEach(() => clearFaults())

/** Copies the project and its journal as they are now: what a crash would leave. */
function crashCopy(file: string, name: string): string {
  const copy = path.join(path.dirname(file), name)
  fs.copyFileSync(file, copy)
  if (fs.existsSync(journalPath(file))) fs.copyFileSync(journalPath(file), journalPath(copy))
  return copy
}

async function claimTexts(file: string): Promise<string[]> {
  const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
  const list = await call(core, 'claims.list', {
    limit: 1000,
    sort: [{ field: 'text', direction: 'asc' }]
  })
  await core.close()
  return list.rows.map((row) => row.text)
}

async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('a full disk while appending to the journal', () => {
  it('cuts a half-written entry back, so the 3 writes acknowledged after it survive a crash', async () => {
    const file = path.join(tempDir(), 'full.attest')
    const core = await openLocalCore({
      projectPath: file,
      deviceId: 'test',
      create: true,
      idleCheckpointMs: 0
    })
    await call(core, 'claims.create', { text: 'Claim 0, saved before the disk filled' })
    injectFault({ op: 'write', code: 'ENOSPC', match: '.journal', times: 1, partial: true })
    const refused = await core.invoke('claims.create', { text: 'Claim refused by a full disk' })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'disk_full',
        message: expect.stringMatching(
          /^The disk is full: this change was not saved\. Free some space .* everything saved before is safe\.$/
        ) as unknown
      }
    })
    const health = await call(core, 'project.health', {})
    expect(health.saving).toBe('disk_full')
    for (let i = 1; i <= 3; i++)
      await call(core, 'claims.create', { text: `Claim ${i}, acknowledged` })
    expect((await call(core, 'project.health', {})).saving).toBe('ok')

    const crashed = crashCopy(file, 'crashed.attest')
    expect(readJournal(journalPath(crashed)).tornTail).toBe(false)
    expect(await claimTexts(crashed)).toEqual([
      'Claim 0, saved before the disk filled',
      'Claim 1, acknowledged',
      'Claim 2, acknowledged',
      'Claim 3, acknowledged'
    ])
    await core.close()
  })

  it('refuses every write while the torn entry cannot be cut off (2 refusals), then saves again', async () => {
    const file = path.join(tempDir(), 'full2.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
    const insert = (text: string) => () =>
      store.write((db) =>
        db.run(`INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
          `00000000-0000-4000-8000-${String(text.length).padStart(12, '0')}`,
          text,
          '2024-01-01T00:00:00Z',
          '2024-01-01T00:00:00Z'
        ])
      )
    injectFault({ op: 'write', code: 'ENOSPC', match: '.journal', times: 1, partial: true })
    injectFault({ op: 'truncate', code: 'ENOSPC', match: '.journal', times: 2 })
    expect(insert('a')).toThrow(/The disk is full: this change was not saved/)
    // The truncation fails once more here, so this write is refused before it is written.
    expect(insert('bb')).toThrow(/The disk is full: this change was not saved/)
    insert('ccc')()
    const crashed = crashCopy(file, 'crashed.attest')
    const read = readJournal(journalPath(crashed))
    expect(read.tornTail).toBe(false)
    expect(read.entries).toHaveLength(1)
    store.close()
  })
})

describe('a full disk while checkpointing', () => {
  it('answers 12 saved writes with ok, keeps the journal, and retries until the disk has room', async () => {
    const file = path.join(tempDir(), 'checkpoint.attest')
    const core = await openLocalCore({
      projectPath: file,
      deviceId: 'test',
      create: true,
      idleCheckpointMs: 0,
      checkpointBytes: 1,
      retryMs: 5
    })
    injectFault({ op: 'write', code: 'ENOSPC', match: '.tmp', partial: true })
    const results = []
    for (let i = 0; i < 12; i++) {
      results.push(await core.invoke('claims.create', { text: `Saved while full ${i}` }))
    }
    expect(results.filter((result) => result.ok)).toHaveLength(12)
    const health = await call(core, 'project.health', {})
    expect(health.saving).toBe('disk_full')
    expect(health.message).toMatch(/^The disk is full: checkpoint\.attest could not be updated\./)
    expect(health.pendingEntries).toBe(12)
    // No temp file of a failed checkpoint is left behind.
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(readJournal(journalPath(file)).entries).toHaveLength(12)

    clearFaults()
    await waitFor(async () => (await call(core, 'project.health', {})).saving === 'ok')
    expect(fs.statSync(journalPath(file)).size).toBe(0)
    const crashed = crashCopy(file, 'crashed.attest')
    expect(await claimTexts(crashed)).toHaveLength(12)
    await core.close()
  })

  it('keeps the project open after a failed idle checkpoint on the worker (5 later writes ok)', async () => {
    const file = path.join(tempDir(), 'idle.attest')
    ;(await ProjectStore.open(file, { create: true })).close()
    process.env.ATTEST_FAULTS = JSON.stringify([
      { op: 'write', code: 'ENOSPC', match: '.tmp', times: 1 }
    ])
    let core
    try {
      core = await openWorkerCore({
        projectPath: file,
        deviceId: 'test',
        idleCheckpointMs: 20,
        retryMs: 60_000,
        workerPath: path.join(REPO_ROOT, 'out/main/storeWorker.js')
      })
    } finally {
      delete process.env.ATTEST_FAULTS
    }
    await call(core, 'claims.create', { text: 'Before the idle checkpoint' })
    await waitFor(async () => (await call(core, 'project.health', {})).saving === 'disk_full')
    for (let i = 0; i < 5; i++) {
      expect((await core.invoke('claims.create', { text: `After it ${i}` })).ok).toBe(true)
    }
    await core.close()
    expect(await claimTexts(file)).toHaveLength(6)
  })
})

describe('a renamed checkpoint held open on Windows', () => {
  it('retries EPERM and EBUSY on rename (4 refusals) and then replaces the file', async () => {
    const file = path.join(tempDir(), 'held.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
    store.write((db) => db.run(`INSERT INTO meta (key, value) VALUES ('note', 'x')`))
    injectFault({ op: 'rename', code: 'EPERM', match: 'held.attest', times: 2 })
    injectFault({ op: 'rename', code: 'EBUSY', match: 'held.attest', times: 2 })
    store.checkpoint()
    expect(store.health().saving).toBe('ok')
    expect(fs.statSync(journalPath(file)).size).toBe(0)
    store.close()
  })
})

describe('journals tied to their project', () => {
  const claim = (store: ProjectStore, id: number, text: string): void => {
    store.write((db) =>
      db.run(`INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
        `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
        text,
        '2024-01-01T00:00:00Z',
        '2024-01-01T00:00:00Z'
      ])
    )
  }

  it('refuses another project’s journal (3 entries) and leaves it in place, byte for byte', async () => {
    const dir = tempDir()
    const other = await ProjectStore.open(path.join(dir, 'other.attest'), {
      create: true,
      idleCheckpointMs: 0
    })
    for (let i = 1; i <= 3; i++) claim(other, i, `Other project's claim ${i}`)
    const target = path.join(dir, 'mine.attest')
    ;(await ProjectStore.open(target, { create: true })).close()
    fs.copyFileSync(journalPath(other.path), journalPath(target))
    const journalBytes = fs.readFileSync(journalPath(target))
    await expect(ProjectStore.open(target)).rejects.toThrow(
      /^Cannot open mine\.attest: the change journal beside it \(mine\.attest\.journal\) belongs to another project\. It was left in place/
    )
    expect(fs.readFileSync(journalPath(target))).toEqual(journalBytes)
    other.close()
  })

  it('refuses a newer journal beside a backup put back (2 checkpoints later), instead of a FOREIGN KEY failure', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'restored.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
    const backup = path.join(dir, 'backup.attest')
    fs.copyFileSync(file, backup)
    // A tag made after the backup, checkpointed; then a link to it, only in the journal.
    store.write((db) =>
      db.run(
        `INSERT INTO tags (id, name, created_at, updated_at) VALUES ('10000000-0000-4000-8000-000000000001', 'Energy', '2024-01-01', '2024-01-01')`
      )
    )
    claim(store, 1, 'Claim made after the backup')
    store.checkpoint()
    store.write((db) =>
      db.run(`INSERT INTO claim_tags (claim_seq, tag_seq) VALUES (?, ?)`, [
        db.pluck<number>(`SELECT seq FROM claims`),
        db.pluck<number>(`SELECT seq FROM tags`)
      ] as number[])
    )
    const journal = fs.readFileSync(journalPath(file))
    store.close()
    // The user puts the backup back; the newer journal is still beside it.
    fs.copyFileSync(backup, file)
    fs.writeFileSync(journalPath(file), journal)
    await expect(ProjectStore.open(file)).rejects.toThrow(
      /^Cannot open restored\.attest: its change journal continues a later save of this project than the file holds \(was the file put back from a backup\?\)\. It was left in place/
    )
    expect(fs.readFileSync(journalPath(file))).toEqual(journal)
    // Moved away as the sentence says, the backup opens as it was.
    fs.renameSync(journalPath(file), `${journalPath(file)}.set-aside`)
    const reopened = await ProjectStore.open(file, { idleCheckpointMs: 0 })
    expect(reopened.db.pluck(`SELECT count(*) FROM claims`)).toBe(0)
    reopened.close()
  })
})

describe('a damaged project file', () => {
  /** A project of 3,000 claims with one page in the middle overwritten by random bytes. */
  async function damagedProject(): Promise<{ file: string; bytes: Buffer }> {
    const file = path.join(tempDir(), 'damaged.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
    store.bulkLoad((db) => {
      for (let i = 0; i < 3000; i++) {
        db.run(`INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
          `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          `Exports of rice to Japan rose ${i} per cent in quarter ${i % 4}`,
          '2024-01-01T00:00:00Z',
          '2024-01-01T00:00:00Z'
        ])
      }
    })
    store.close()
    const bytes = fs.readFileSync(file)
    const pageSize = bytes.readUInt16BE(16)
    const page = Math.floor(bytes.length / pageSize / 2)
    let seed = 16
    for (let i = 0; i < pageSize; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      bytes[page * pageSize + i] = seed & 0xff
    }
    fs.writeFileSync(file, bytes)
    return { file, bytes }
  }

  it('opens read-only when 1 page is random bytes, refuses writes, and never overwrites it', async () => {
    const { file, bytes } = await damagedProject()
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const health = await call(core, 'project.health', {})
    expect(health.readOnly).toMatch(
      /^damaged\.attest is damaged \(.+\), so it was opened read-only: nothing in it will be changed or overwritten\. Export what can still be read into a new project/
    )
    const refused = await core.invoke('claims.create', { text: 'Not into a damaged file' })
    expect(refused.ok ? null : refused.error.code).toBe('read_only')
    await core.close()
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
    expect(fs.existsSync(journalPath(file))).toBe(false)
  })

  it('exports what can be read (most of 3,000 claims) into a new project that opens normally', async () => {
    const { file, bytes } = await damagedProject()
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const result = await call(core, 'project.salvage', {})
    await core.close()
    expect(path.basename(result.path)).toBe('damaged (recovered).attest')
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
    const recovered = await openLocalCore({
      projectPath: result.path,
      deviceId: 'test',
      idleCheckpointMs: 0
    })
    expect((await call(recovered, 'project.health', {})).readOnly).toBeNull()
    const stats = await call(recovered, 'stats', {})
    expect(stats.claims).toBe(result.copied.claims)
    expect(stats.claims).toBeGreaterThan(2000)
    expect(stats.claims).toBeLessThanOrEqual(3000)
    const found = await call(recovered, 'claims.list', {
      filter: { query: 'rice Japan' },
      limit: 5
    })
    expect(found.rows.length).toBeGreaterThan(0)
    await call(recovered, 'claims.create', { text: 'Work goes on in the recovered project' })
    await recovered.close()
  })
})

describe('leftovers of checkpoints that died', () => {
  it('removes 3 dead checkpoint temp files (3 MB) at open and nothing else', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'left.attest')
    ;(await ProjectStore.open(file, { create: true })).close()
    const dead = ['0123456789ab', 'ba9876543210', 'aaaaaaaaaaaa'].map((hex) =>
      path.join(dir, `.left.attest.${hex}.tmp`)
    )
    for (const temp of dead) fs.writeFileSync(temp, Buffer.alloc(1024 * 1024, 1))
    const unrelated = path.join(dir, '.left.attest.notes.tmp')
    fs.writeFileSync(unrelated, 'mine')
    fs.writeFileSync(`${file}.prev`, 'an earlier checkpoint')
    const store = await ProjectStore.open(file)
    expect(dead.filter((temp) => fs.existsSync(temp))).toEqual([])
    expect(fs.existsSync(unrelated)).toBe(true)
    // The file itself passed its check, so the earlier checkpoint is no longer needed.
    expect(fs.existsSync(`${file}.prev`)).toBe(false)
    store.close()
  })

  it('keeps the previous checkpoint as .prev until the new one reads back (1 checkpoint)', async () => {
    const file = path.join(tempDir(), 'prev.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
    const before = fs.readFileSync(file)
    store.write((db) => db.run(`INSERT INTO meta (key, value) VALUES ('note', 'x')`))
    injectFault({ op: 'sync', code: 'EIO', match: '.tmp', times: 1 })
    expect(() => store.checkpoint()).toThrow(/prev\.attest could not be updated/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.existsSync(`${file}.prev`)).toBe(false)
    store.checkpoint()
    expect(fs.existsSync(`${file}.prev`)).toBe(false)
    store.close()
  })
})
