import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

const hasSqlite3 = spawnSync('sqlite3', ['-version']).status === 0

/** Rows of the printed table: measure → [Attest, native]. */
function table(stdout: string): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>()
  for (const line of stdout.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim())
    if (cells.length === 6 && !/^-+$/.test(cells[1] ?? '')) {
      rows.set(cells[1] as string, [cells[2] as string, cells[3] as string])
    }
  }
  return rows
}

describe('npm run bench', () => {
  // The bench itself at 5,000 claims, so that it cannot stop running unnoticed. Its times
  // are not asserted: they belong to the table, not to a test.
  it('runs to the end at 5,000 claims and prints its table', () => {
    const home = tempDir()
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/bench.js')], {
      cwd: home,
      env: { ...process.env, ATTEST_BENCH_CLAIMS: '5000', TMPDIR: home },
      encoding: 'utf8',
      timeout: 170_000
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const rows = table(result.stdout)
    expect(rows.get('measure')).toEqual(['Attest (sql.js)', 'native sqlite3'])
    const measures = [...rows.keys()]
    for (const expected of [
      /^generate 5,000 claims/,
      /^open project$/,
      /^first page sorted by eventDate \+ tag filter$/,
      /^scrolled to rows 200–400, same list$/,
      /^quick search, top 200: four common words$/,
      /^bulk tag 5,000 selected claims$/,
      /^CSV export of all 5,000 claims/,
      /^request wait while working: \d+ pages after an edit$/,
      /^a request arriving 30 ms into an idle checkpoint$/,
      /^briefing PDF print/,
      /^timeline: lay out 10,000 dated claims$/,
      /^timeline: read 10,000 dated claims \(request\)$/,
      /^peak RSS/
    ]) {
      expect(
        measures.some((measure) => expected.test(measure)),
        String(expected)
      ).toBe(true)
    }
    for (const [measure, [ours]] of rows) {
      if (measure !== 'measure') expect(ours, measure).toMatch(/\d/)
    }
    if (hasSqlite3) {
      const scrolled = rows.get('scrolled to rows 200–400, same list')
      expect(scrolled?.[1]).toMatch(/^[\d.]+ ms$/)
    }
  }, 180_000)
})
