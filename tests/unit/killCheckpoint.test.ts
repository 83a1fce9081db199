import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { ProjectStore, journalPath } from '../../src/server/store/projectStore'
import { clearFaults, injectFault, type Fault } from '../../src/server/store/storeFs'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

afterEach(() => clearFaults())

const SOAK = path.join(REPO_ROOT, 'out/main/soak.js')

/**
 * Runs the soak writer (out/main/soak.js --child): it opens the project, writes `writes`
 * claims, printing each once acknowledged, and closes it. `faults` end it with SIGKILL at
 * an exact step.
 */
function writer(
  file: string,
  writes: number,
  faults: Fault[]
): Promise<{ acked: string[]; signal: string | null; ready: boolean }> {
  const child = spawn(process.execPath, [SOAK, '--child', file, '--writes', String(writes)], {
    env: { ...process.env, ATTEST_FAULTS: JSON.stringify(faults) },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const acked: string[] = []
  let ready = false
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') ready = true
    if (line.startsWith('ack ')) acked.push(line.slice(4))
  })
  return new Promise((resolve) =>
    child.once('close', (_code, signal) => resolve({ acked, signal, ready }))
  )
}

/** Opens the project as a user would next: its claims, and what integrity_check says. */
async function reopen(file: string): Promise<{ texts: Set<string>; integrity: string }> {
  const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
  try {
    const rows = core.ctx.store.read((db) => db.all('SELECT text FROM claims'))
    const integrity = core.ctx.store.read((db) =>
      db
        .all('PRAGMA integrity_check')
        .map((row) => String(Object.values(row)[0]))
        .join('; ')
    )
    return { texts: new Set(rows.map((row) => String(row.text))), integrity }
  } finally {
    await core.close()
  }
}

const temps = (file: string): string[] =>
  fs
    .readdirSync(path.dirname(file))
    .filter((name) => name.startsWith(`.${path.basename(file)}.`) && name.endsWith('.tmp'))

describe('a kill during a checkpoint or start-up', () => {
  it('keeps every acknowledged write when killed halfway through the checkpoint temp write', async () => {
    const file = path.join(tempDir(), 'temp.attest')
    const run = await writer(file, 300, [
      // The fourth checkpoint after the file's creation: three are folded in, one is not.
      { op: 'write', code: 'KILL', match: '.tmp', partial: true, skip: 4 }
    ])
    expect(run.signal).toBe('SIGKILL')
    expect(temps(file)).toHaveLength(1)
    const after = await reopen(file)
    expect(after.integrity).toBe('ok')
    const lost = run.acked.filter((text) => !after.texts.has(text))
    process.stdout.write(`kill in temp write: ${run.acked.length} writes checked\n`)
    expect(run.acked.length).toBeGreaterThan(0)
    expect(lost).toEqual([])
    expect(temps(file)).toEqual([])
  })

  it('keeps every acknowledged write when killed at the checkpoint rename', async () => {
    const file = path.join(tempDir(), 'rename.attest')
    const run = await writer(file, 300, [
      { op: 'rename', code: 'KILL', match: 'rename.attest', skip: 4 }
    ])
    expect(run.signal).toBe('SIGKILL')
    const after = await reopen(file)
    expect(after.integrity).toBe('ok')
    process.stdout.write(`kill at rename: ${run.acked.length} writes checked\n`)
    expect(run.acked.length).toBeGreaterThan(0)
    expect(run.acked.filter((text) => !after.texts.has(text))).toEqual([])
    expect(temps(file)).toEqual([])
  })

  it('keeps every acknowledged write when killed during start-up replay, then during its checkpoint', async () => {
    const file = path.join(tempDir(), 'replay.attest')
    // Killed at its first checkpoint after the file was created: every write is in the
    // journal only.
    const first = await writer(file, 300, [{ op: 'write', code: 'KILL', match: '.tmp', skip: 1 }])
    expect(first.signal).toBe('SIGKILL')
    expect(first.acked.length).toBeGreaterThan(0)
    const journalBefore = fs.readFileSync(journalPath(file))
    // The child pauses at random, so its first checkpoint comes after a varying number of
    // writes; acknowledgements travel through a pipe and the last may die with the process.
    // The journal is what counts: the next start is killed halfway through replaying it.
    const entries = journalBefore
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '').length
    expect(entries).toBeGreaterThan(1)
    const halfway = Math.floor(entries / 2)
    const replay = await writer(file, 1, [{ op: 'replay', code: 'KILL', skip: halfway }])
    expect(replay).toMatchObject({ signal: 'SIGKILL', ready: false })
    expect(fs.readFileSync(journalPath(file)).equals(journalBefore)).toBe(true)
    // The one after replays everything and is killed renaming the checkpoint that folds it in.
    const fold = await writer(file, 1, [{ op: 'rename', code: 'KILL', match: 'replay.attest' }])
    expect(fold).toMatchObject({ signal: 'SIGKILL', ready: false })
    const after = await reopen(file)
    expect(after.integrity).toBe('ok')
    process.stdout.write(`kill during replay: ${first.acked.length} writes checked\n`)
    expect(first.acked.filter((text) => !after.texts.has(text))).toEqual([])
  })
})

describe('a checkpoint rename refused for good (Windows: the file held open)', () => {
  it('keeps the journal and the store open after 12 EPERM refusals, and saves on the retry (25 writes checked)', async () => {
    const file = path.join(tempDir(), 'held.attest')
    const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0, retryMs: 20 })
    const write = (i: number): void => {
      store.write((db) =>
        db.run(`INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
          `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          `Held ${i}`,
          '2024-01-01T00:00:00Z',
          '2024-01-01T00:00:00Z'
        ])
      )
    }
    for (let i = 0; i < 20; i++) write(i)
    // More refusals than the rename retries: the checkpoint fails, the retry later succeeds.
    injectFault({ op: 'rename', code: 'EPERM', match: 'held.attest', times: 12 })
    expect(store.tryCheckpoint()).toBe(false)
    expect(store.health()).toMatchObject({ saving: 'failing', pendingEntries: 20 })
    expect(store.health().message).toMatch(/Every saved change is kept in held\.attest\.journal/)
    expect(fs.statSync(journalPath(file)).size).toBeGreaterThan(0)
    // Writes go on being saved meanwhile.
    for (let i = 20; i < 25; i++) write(i)
    // A crash now loses nothing: the journal holds all 25.
    const copy = path.join(path.dirname(file), 'copy.attest')
    fs.copyFileSync(file, copy)
    fs.copyFileSync(journalPath(file), journalPath(copy))
    expect((await reopen(copy)).texts.size).toBe(25)
    clearFaults()
    const deadline = Date.now() + 10_000
    while (store.health().saving !== 'ok' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(store.health()).toMatchObject({ saving: 'ok', pendingEntries: 0 })
    store.close()
    const after = await reopen(file)
    expect(after.integrity).toBe('ok')
    expect(after.texts.size).toBe(25)
    const listed = await (async () => {
      const c = await openLocalCore({ projectPath: file, deviceId: 't', idleCheckpointMs: 0 })
      const list = await call(c, 'claims.list', { limit: 100 })
      await c.close()
      return list.total
    })()
    expect(listed).toBe(25)
  })
})
