import fs from 'node:fs'
import path from 'node:path'
import { describe, it } from 'vitest'

/** The real seed articles, read at run time beside the repository (never copied into it). */
export const SEEDS_DIR = path.resolve(__dirname, '../../../../shared/seeds')

/**
 * A describe block over seed files. When a file is missing it is skipped on a developer's
 * machine, but FAILS in CI (CI set), where a skip would read as a pass: CI runs without the
 * seeds only when told so with ATTEST_SEEDS=none (which .ci/run sets, loudly, on a clone
 * that has no ../shared/seeds).
 */
export function describeWithSeeds(name: string, files: string[], body: () => void): void {
  const missing = files.filter((file) => !fs.existsSync(file))
  if (missing.length === 0) {
    describe(name, body)
    return
  }
  const list = missing.map((file) => path.relative(process.cwd(), file)).join(', ')
  if (process.env.ATTEST_SEEDS === 'none' || !process.env.CI) {
    describe.skip(`${name} (seed files missing: ${list})`, body)
    return
  }
  describe(name, () => {
    it('finds its seed files', () => {
      throw new Error(
        `Seed files missing: ${list}. CI does not skip these tests; set ATTEST_SEEDS=none to run without the seeds on purpose.`
      )
    })
  })
}
