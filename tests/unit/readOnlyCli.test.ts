import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

function attest(args: string[], home: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home, ...env },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Every file in the folder with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => {
      const stat = fs.statSync(path.join(dir, name))
      return [name, `${stat.size}:${stat.mtimeMs}`]
    })
  )
}

/** Every store call on the project's folder fails as on a read-only file system. */
function readOnlyDisk(dir: string): Record<string, string> {
  const ops = ['open', 'write', 'sync', 'truncate', 'rename', 'unlink', 'link']
  return {
    ATTEST_FAULTS: JSON.stringify(ops.map((op) => ({ op, code: 'EROFS', match: dir })))
  }
}

describe('stats and export only read', () => {
  it('count and export 5 claims (2 only in the journal) on a read-only disk while the project is open elsewhere', async () => {
    const dir = tempDir()
    const projectDir = path.join(dir, 'projects')
    const home = path.join(dir, 'home')
    fs.mkdirSync(projectDir)
    const file = path.join(projectDir, 'held.attest')
    const first = await openLocalCore({ projectPath: file, deviceId: 't', create: true })
    for (let i = 0; i < 3; i++) await call(first, 'claims.create', { text: `Checkpointed ${i}` })
    await first.close()
    // This process now holds the project, with two changes in its journal only.
    const holder = await openLocalCore({ projectPath: file, deviceId: 't', idleCheckpointMs: 0 })
    try {
      for (let i = 0; i < 2; i++) await call(holder, 'claims.create', { text: `Journaled ${i}` })
      expect(fs.statSync(`${file}.journal`).size).toBeGreaterThan(0)
      const before = snapshot(projectDir)

      const stats = attest(['stats', file, '--json'], home, readOnlyDisk(projectDir))
      expect(stats.stderr).toBe('')
      expect(stats.code).toBe(0)
      expect(JSON.parse(stats.stdout)).toMatchObject({ claims: 5 })

      const out = path.join(dir, 'claims.csv')
      const exported = attest(
        ['export', file, '--out', out, '--what', 'claims'],
        home,
        readOnlyDisk(projectDir)
      )
      expect(exported.stderr).toBe('')
      expect(exported.code).toBe(0)
      const csv = fs.readFileSync(out, 'utf8')
      for (const text of ['Checkpointed 0', 'Checkpointed 2', 'Journaled 0', 'Journaled 1']) {
        expect(csv).toContain(text)
      }

      // Nothing beside the project was written, moved or removed; the holder still holds it.
      expect(snapshot(projectDir)).toEqual(before)
      await call(holder, 'claims.create', { text: 'Still saving' })
    } finally {
      await holder.close()
    }
    expect(JSON.parse(attest(['stats', file, '--json'], home).stdout)).toMatchObject({ claims: 6 })
  })

  it('import, which writes, is still refused on a read-only disk, with one sentence', () => {
    const dir = tempDir()
    const projectDir = path.join(dir, 'projects')
    fs.mkdirSync(projectDir)
    const file = path.join(projectDir, 'ro.attest')
    expect(attest(['new', file], dir).code).toBe(0)
    const doc = path.join(dir, 'note.txt')
    fs.writeFileSync(doc, 'A short note about trade.\n')
    const result = attest(['import', file, doc], path.join(dir, 'home'), readOnlyDisk(projectDir))
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('attest: Cannot open ro.attest: the disk is read-only.')
  })
})
