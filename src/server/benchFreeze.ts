import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { call, openWorkerCore, type Core } from './core'

/**
 * Does a checkpoint ever keep the user waiting? A checkpoint holds the store's one thread
 * while sql.js exports the whole database (seconds at a million claims), so what matters is
 * when it runs. These rows replay what a user does: an edit, then reading on (a grid page
 * every 50 ms) for longer than the quiet period; then a pause long enough for the fold; then
 * a request that arrives just as the fold has started.
 */

type BenchRow = { measure: string; ours: string; native: string; target: string }

/** The bench's quiet period: short so that the bench is quick; the rule is the store's own. */
const QUIET_MS = 1_500
const TICK_MS = 50

const ms = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`
const sleep = (millis: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, millis))

async function timed(body: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await body()
  return performance.now() - start
}

/** How many acknowledged entries the file does not hold yet (0 once a checkpoint ran). */
const pending = async (core: Core): Promise<number> =>
  (await call(core, 'project.health', {})).pendingEntries

export async function benchCheckpointWait(file: string, rows: BenchRow[]): Promise<void> {
  const core = await openWorkerCore({
    projectPath: file,
    deviceId: 'bench',
    idleCheckpointMs: QUIET_MS,
    workerPath: path.join(__dirname, 'storeWorker.js')
  })
  try {
    const first = await call(core, 'claims.list', { limit: 1 })
    const id = first.rows[0]?.id as string
    let edits = 0
    const edit = (): Promise<unknown> =>
      call(core, 'claims.update', { id, changes: { confidence: ++edits % 100 } })

    // Working: an edit, then a page of the grid every 50 ms, each sent without waiting for
    // the one before, for the quiet period and 6 s more (a 1M checkpoint takes about 3 s).
    await edit()
    const waits: number[] = []
    const inFlight: Promise<void>[] = []
    const until = performance.now() + QUIET_MS + 6_000
    for (let i = 0; performance.now() < until; i++) {
      inFlight.push(
        timed(() => call(core, 'claims.list', { offset: (i * 200) % 2000, limit: 200 })).then(
          (wait) => {
            waits.push(wait)
          }
        )
      )
      await sleep(TICK_MS)
    }
    await Promise.all(inFlight)
    const stillPending = await pending(core)
    waits.sort((a, b) => a - b)
    const p99 = waits[Math.floor(waits.length * 0.99)] ?? NaN
    rows.push({
      measure: `request wait while working: ${waits.length} pages after an edit`,
      ours: `max ${ms(waits.at(-1) ?? NaN)}, p99 ${ms(p99)}`,
      native: stillPending > 0 ? 'no checkpoint ran' : 'a checkpoint ran',
      target: '≤ 100 ms'
    })

    // A pause: the fold runs once nothing but the health poll has come for the quiet period.
    const paused = performance.now()
    while ((await pending(core)) > 0) await sleep(100)
    rows.push({
      measure: `idle checkpoint after a pause (quiet period ${ms(QUIET_MS)})`,
      ours: `done ${ms(performance.now() - paused)} into the pause`,
      native: '',
      target: ''
    })

    // The worst case left: the user comes back 30 ms after a fold has started.
    await edit()
    await sleep(QUIET_MS + 30)
    const unlucky = await timed(() => call(core, 'claims.list', { limit: 200 }))
    rows.push({
      measure: 'a request arriving 30 ms into an idle checkpoint',
      ours: ms(unlucky),
      native: '',
      target: ''
    })
  } finally {
    await core.close()
  }
}
