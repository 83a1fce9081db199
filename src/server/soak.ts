import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import readline from 'node:readline'
import { call, openLocalCore } from './core'

/**
 * `npm run soak [-- --rounds N]`: kills a writing Attest store with SIGKILL N times (1,000 by
 * default) and counts what a user would lose. Each round starts a child process that opens
 * the project (replaying what the last kill left in the journal), writes claims as fast as
 * it can with a checkpoint every 16 KB of journal and on every short pause, and prints each
 * write once the store has acknowledged it. The child is killed at a random moment — or, in
 * some rounds, exactly inside a checkpoint's temp write, its rename, or the start-up replay —
 * and the project is opened again to check that every acknowledged write is there and that
 * the file passes `PRAGMA integrity_check`.
 *
 * `--child <file> [--writes N]` is the child: with --writes it stops after N writes and
 * closes the project (a checkpoint), printing "closed".
 */

const CHILD_CHECKPOINT_BYTES = 16 * 1024
const ROUNDS_PER_PROJECT = 25

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

async function child(file: string, writes: number | undefined): Promise<void> {
  const core = await openLocalCore({
    projectPath: file,
    deviceId: 'soak',
    create: true,
    checkpointBytes: CHILD_CHECKPOINT_BYTES,
    idleCheckpointMs: writes === undefined ? 15 : 0
  })
  // Synchronous writes to the pipe: a line printed is a line the parent gets, kill or not.
  fs.writeSync(1, 'ready\n')
  const tag = `${process.pid}-${Date.now()}`
  for (let i = 0; writes === undefined || i < writes; i++) {
    const text = `soak ${tag} ${i}`
    await call(core, 'claims.create', { text })
    fs.writeSync(1, `ack ${text}\n`)
    // Short pauses now and then, so idle checkpoints run between writes too.
    if (writes === undefined && Math.random() < 0.05) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40))
    }
  }
  await core.close()
  fs.writeSync(1, 'closed\n')
}

export type RoundKind = 'timed' | 'temp-write' | 'rename' | 'replay'

export type SoakResult = {
  rounds: number
  acknowledged: number
  lost: number
  integrityFailures: number
  openFailures: number
  killsDuringCheckpoint: number
  kinds: Record<RoundKind, number>
  seconds: number
  date: string
  problems: string[]
}

const randomInt = (max: number): number => Math.floor(Math.random() * max)

function faultsFor(kind: RoundKind): string | undefined {
  switch (kind) {
    case 'timed':
      return undefined
    case 'temp-write':
      // Half of a checkpoint's bytes are on disk when the process dies.
      return JSON.stringify([
        { op: 'write', code: 'KILL', match: '.tmp', skip: randomInt(3), partial: true }
      ])
    case 'rename':
      return JSON.stringify([{ op: 'rename', code: 'KILL', match: '.attest', skip: randomInt(3) }])
    case 'replay':
      return JSON.stringify([{ op: 'replay', code: 'KILL', skip: randomInt(5) }])
  }
}

type Child = {
  acked: string[]
  exited: Promise<void>
  /** Set when the writer could not open the project or failed on its own. */
  failure?: string
  checkpointing: () => boolean
}

async function runChild(file: string, kind: RoundKind, script: string): Promise<Child> {
  const faults = faultsFor(kind)
  const proc = spawn(process.execPath, [script, '--child', file], {
    env: { ...process.env, ...(faults ? { ATTEST_FAULTS: faults } : {}) },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const acked: string[] = []
  let stderr = ''
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  let ready!: () => void
  const isReady = new Promise<void>((resolve) => (ready = resolve))
  readline.createInterface({ input: proc.stdout }).on('line', (line) => {
    if (line === 'ready') ready()
    else if (line.startsWith('ack ')) acked.push(line.slice(4))
  })
  void exited.then(() => ready())
  await isReady
  const dir = path.dirname(file)
  const prefix = `.${path.basename(file)}.`
  const checkpointing = (): boolean =>
    fs.readdirSync(dir).some((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
  if (kind === 'timed') {
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 450))
    const during = checkpointing()
    proc.kill('SIGKILL')
    await exited
    return { acked, exited, checkpointing: () => during }
  }
  // The fault kills it; a round where the fault's step never comes is ended after a while.
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    proc.kill('SIGKILL')
  }, 1_500)
  await exited
  clearTimeout(timer)
  const failure =
    proc.exitCode !== null && proc.exitCode !== 0
      ? `the writer failed: ${stderr.trim().split('\n')[0] ?? proc.exitCode}`
      : undefined
  const during = kind !== 'replay' && !timedOut && proc.signalCode === 'SIGKILL'
  return { acked, exited, failure, checkpointing: () => during }
}

/** Opens the project after a crash: how many of `acked` are missing, and whether it is whole. */
async function check(
  file: string,
  acked: Set<string>
): Promise<{ lost: number; integrity: string }> {
  // Read-only, as `attest stats` opens it: the journal is replayed in memory and left for the
  // next writer to replay (and perhaps be killed during).
  const core = await openLocalCore({ projectPath: file, deviceId: 'soak', readOnly: true })
  try {
    if (core.ctx.store.health().damaged) {
      return { lost: acked.size, integrity: core.ctx.store.readOnlyReason ?? 'damaged' }
    }
    const texts = core.ctx.store.read((db) => db.all('SELECT text FROM claims'))
    const present = new Set(texts.map((row) => String(row.text)))
    let lost = 0
    for (const text of acked) if (!present.has(text)) lost += 1
    const integrity = core.ctx.store.read((db) =>
      db
        .all('PRAGMA integrity_check')
        .map((row) => String(Object.values(row)[0]))
        .join('; ')
    )
    return { lost, integrity }
  } finally {
    await core.close()
  }
}

export async function soak(options: {
  rounds: number
  dir?: string
  script?: string
  log?: (line: string) => void
}): Promise<SoakResult> {
  const started = Date.now()
  const script = options.script ?? __filename
  const root = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'attest-soak-'))
  const kinds: RoundKind[] = ['timed', 'timed', 'temp-write', 'rename', 'replay']
  const result: SoakResult = {
    rounds: 0,
    acknowledged: 0,
    lost: 0,
    integrityFailures: 0,
    openFailures: 0,
    killsDuringCheckpoint: 0,
    kinds: { timed: 0, 'temp-write': 0, rename: 0, replay: 0 },
    seconds: 0,
    date: new Date().toISOString().slice(0, 10),
    problems: []
  }
  let acked = new Set<string>()
  let file = ''
  try {
    for (let round = 0; round < options.rounds; round++) {
      if (round % ROUNDS_PER_PROJECT === 0) {
        if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true })
        const dir = path.join(root, `p${round}`)
        fs.mkdirSync(dir, { recursive: true })
        file = path.join(dir, 'soak.attest')
        acked = new Set()
      }
      // A replay kill needs a journal to replay: the first round of a project writes one.
      const kind = round % ROUNDS_PER_PROJECT === 0 ? 'timed' : kinds[round % kinds.length]!
      result.kinds[kind] += 1
      const ran = await runChild(file, kind, script)
      for (const text of ran.acked) acked.add(text)
      result.acknowledged += ran.acked.length
      if (ran.checkpointing()) result.killsDuringCheckpoint += 1
      if (ran.failure) {
        result.openFailures += 1
        result.problems.push(`round ${round} (${kind}): ${ran.failure}`)
      }
      try {
        const checked = await check(file, acked)
        result.lost += checked.lost
        if (checked.integrity !== 'ok') {
          result.integrityFailures += 1
          result.problems.push(`round ${round}: integrity_check said ${checked.integrity}`)
        }
        if (checked.lost > 0) {
          result.problems.push(`round ${round} (${kind}): ${checked.lost} acknowledged writes lost`)
        }
      } catch (error) {
        result.openFailures += 1
        result.problems.push(`round ${round} (${kind}): ${(error as Error).message}`)
      }
      result.rounds += 1
      if (options.log && (round + 1) % 50 === 0) {
        options.log(
          `${round + 1} rounds, ${result.acknowledged} acknowledged writes, ${result.lost} lost, ${result.integrityFailures + result.openFailures} failed checks, ${Math.round((Date.now() - started) / 1000)} s`
        )
      }
    }
  } finally {
    if (!options.dir) fs.rmSync(root, { recursive: true, force: true })
  }
  result.seconds = Math.round((Date.now() - started) / 100) / 10
  return result
}

async function main(): Promise<void> {
  const childFile = argument('--child')
  if (childFile) {
    const writes = argument('--writes')
    await child(childFile, writes === undefined ? undefined : Number(writes))
    return
  }
  const rounds = Number(argument('--rounds') ?? 1000)
  const json = process.argv.includes('--json')
  const result = await soak({
    rounds,
    log: json ? undefined : (line) => process.stdout.write(`${line}\n`)
  })
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`)
  } else {
    process.stdout.write(
      [
        `Soak of ${result.date}: ${result.rounds} SIGKILL rounds in ${result.seconds} s`,
        `  kills: ${result.kinds.timed} at random moments (${result.killsDuringCheckpoint} of all kills inside a checkpoint), ${result.kinds['temp-write']} in a checkpoint's temp write, ${result.kinds.rename} at its rename, ${result.kinds.replay} during start-up replay`,
        `  acknowledged writes: ${result.acknowledged}, lost: ${result.lost}`,
        `  integrity checks failed: ${result.integrityFailures}, opens failed: ${result.openFailures}`,
        ...result.problems.slice(0, 20).map((problem) => `  ${problem}`)
      ].join('\n') + '\n'
    )
  }
  process.exitCode = result.lost + result.integrityFailures + result.openFailures > 0 ? 1 : 0
}

void main().catch((error: unknown) => {
  process.stderr.write(`soak: ${(error as Error).message}\n`)
  process.exitCode = 1
})
