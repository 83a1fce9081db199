import fs from 'node:fs'
import path from 'node:path'
import { test } from './fixtures'
import type { AttestServer } from './fixtures'

// The real seed articles, read beside the repository at run time (never copied into it).
const SEEDS = path.resolve(__dirname, '../../../shared/seeds')
const NORWEGIAN = path.join(SEEDS, '000_f4b2f788e06a7ca8.txt')
const GERMAN = path.join(SEEDS, '004_ec7a597c115a94a0.txt')

/**
 * Call at the top of a spec that needs the seeds. As the unit tests do: CI does not skip
 * silently unless told to run without the seeds (ATTEST_SEEDS=none).
 */
export function needsSeeds(): void {
  const missing = !fs.existsSync(NORWEGIAN) || !fs.existsSync(GERMAN)
  test.skip(
    missing && (process.env.ATTEST_SEEDS === 'none' || !process.env.CI),
    'the seed articles are not beside the repository'
  )
  test.beforeEach(() => {
    if (missing) throw new Error('Seed files missing; set ATTEST_SEEDS=none to run without them.')
  })
}

/** Both seed articles as sources, with the languages and dates their pages give. */
export async function createSeedSources(attest: AttestServer): Promise<void> {
  for (const [file, title, language, publishedAt] of [
    [NORWEGIAN, 'Japansk ambassadør (VietnamPlus)', 'nb', '2025-09-21'],
    [GERMAN, 'Vietnam–Japan-Partnerschaft (baotintuc)', 'de', '2025-11-27']
  ] as const) {
    await attest.api('sources.create', {
      title,
      language,
      publishedAt,
      content: fs.readFileSync(file, 'utf8')
    })
  }
}
