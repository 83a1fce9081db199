import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SoakResult } from '../../src/server/soak'
import { REPO_ROOT } from './helpers/tempProject'

const ROUNDS = 10

describe('npm run soak, in small', () => {
  it(`loses no acknowledged write over ${ROUNDS} SIGKILL rounds (timed, temp write, rename, replay)`, () => {
    const output = execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, 'out/main/soak.js'), '--rounds', String(ROUNDS), '--json'],
      { encoding: 'utf8', timeout: 120_000 }
    )
    const result = JSON.parse(output) as SoakResult
    process.stdout.write(
      `soak: ${result.rounds} rounds, ${result.acknowledged} acknowledged writes, ${result.lost} lost, ${result.integrityFailures} integrity failures\n`
    )
    expect(result.problems).toEqual([])
    expect(result).toMatchObject({ rounds: ROUNDS, lost: 0, integrityFailures: 0, openFailures: 0 })
    expect(result.kinds).toMatchObject({ 'temp-write': 2, rename: 2, replay: 2 })
    expect(result.acknowledged).toBeGreaterThan(0)
  })
})
