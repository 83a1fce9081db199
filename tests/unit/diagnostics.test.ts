import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { configureDiagnostics, logFile, recordUnexpected } from '../../src/server/diagnostics'
import { loadSqlJs } from '../../src/server/store/sqlite'
import { AttestError } from '../../src/shared/result'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

function attest(args: string[], home: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A project whose relations table another tool dropped: every count then fails inside SQL. */
async function projectMissingATable(dir: string): Promise<string> {
  const file = path.join(dir, 'broken.attest')
  expect(attest(['new', file], dir).code).toBe(0)
  const SQL = await loadSqlJs()
  const db = new SQL.Database(fs.readFileSync(file))
  db.exec('PRAGMA foreign_keys = OFF; DROP TABLE relations;')
  fs.writeFileSync(file, db.export())
  db.close()
  return file
}

afterEach(() => configureDiagnostics({ dir: null }))

describe('diagnostics', () => {
  it('keeps the stack of an unexpected error in the log while the user reads one sentence', async () => {
    const home = tempDir()
    const file = await projectMissingATable(home)
    const result = attest(['stats', file], home)
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('attest: Unexpected error: no such table: relations')
    const log = fs.readFileSync(path.join(home, 'logs', 'attest.log'), 'utf8')
    expect(log).toMatch(/request stats\nError: no such table: relations\n\s+at /)
  })

  it('prints the stack too with --verbose, wherever the flag stands', async () => {
    const home = tempDir()
    const file = await projectMissingATable(home)
    const result = attest(['--verbose', 'stats', file], home)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Error: no such table: relations\n\s+at /)
    expect(result.stderr.trim().split('\n').pop()).toBe(
      'attest: Unexpected error: no such table: relations'
    )
    expect(attest(['stats', path.join(home, 'broken.attest'), '--verbose'], home).code).toBe(1)
  })

  it('logs nothing for errors that are already sentences for the user', () => {
    const dir = tempDir()
    configureDiagnostics({ dir })
    recordUnexpected(new AttestError('not_found', 'There is no claim with that id.'), 'claims.get')
    expect(fs.existsSync(logFile()!)).toBe(false)
    recordUnexpected(new TypeError('x is undefined'), 'claims.get')
    expect(fs.readFileSync(logFile()!, 'utf8')).toContain('claims.get\nTypeError: x is undefined')
  })

  it('rotates the log at 1 MB and keeps three old files', () => {
    const dir = tempDir()
    configureDiagnostics({ dir })
    const big = new Error('x'.repeat(300 * 1024))
    for (let k = 0; k < 20; k++) recordUnexpected(big, `round ${k}`)
    const files = fs.readdirSync(path.join(dir, 'logs')).sort()
    expect(files).toEqual(['attest.1.log', 'attest.2.log', 'attest.3.log', 'attest.log'])
    for (const name of files) {
      expect(fs.statSync(path.join(dir, 'logs', name)).size).toBeLessThan(1024 * 1024 + 310 * 1024)
    }
    expect(fs.readFileSync(logFile()!, 'utf8')).toContain('round 19')
  })

  it('never throws when the log cannot be written', () => {
    const dir = tempDir()
    const notAFolder = path.join(dir, 'file')
    fs.writeFileSync(notAFolder, '')
    configureDiagnostics({ dir: notAFolder })
    expect(() => recordUnexpected(new Error('disk fault'), 'anything')).not.toThrow()
  })
})
