import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'rolldown'
import { acquireLock, procStat } from '../../src/server/store/lock'
import { ProjectStore } from '../../src/server/store/projectStore'
import { tempDir, tempProject } from './helpers/tempProject'

const TRIALS = 100
const RACERS = 3

type Racer = { child: ChildProcess; next: () => Promise<Record<string, unknown>> }

function startRacer(script: string): Racer {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] })
  const queue: Array<Record<string, unknown>> = []
  const waiting: Array<(value: Record<string, unknown>) => void> = []
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const value = JSON.parse(line) as Record<string, unknown>
    const resolve = waiting.shift()
    if (resolve) resolve(value)
    else queue.push(value)
  })
  return {
    child,
    next: () =>
      new Promise((resolve) => {
        const value = queue.shift()
        if (value) resolve(value)
        else waiting.push(resolve)
      })
  }
}

function send(racer: Racer, command: object): void {
  racer.child.stdin!.write(`${JSON.stringify(command)}\n`)
}

/** A process that stays a zombie: its parent (`sleep`) never reaps it. */
async function makeZombie(): Promise<{ pid: number; start: string; stop: () => void }> {
  const parent = spawn('sh', ['-c', 'sleep 0.01 & echo $!; exec sleep 30'], {
    stdio: ['ignore', 'pipe', 'ignore']
  })
  const pid = await new Promise<number>((resolve) =>
    parent.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())))
  )
  for (let i = 0; i < 200; i++) {
    const stat = procStat(pid)
    if (stat && stat !== 'gone' && stat.state === 'Z') {
      return { pid, start: stat.start, stop: () => parent.kill('SIGKILL') }
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  parent.kill('SIGKILL')
  throw new Error('no zombie')
}

function lockRecord(fields: { pid: number; start: string | null; host?: string }): string {
  return JSON.stringify({
    pid: fields.pid,
    host: fields.host ?? os.hostname(),
    start: fields.start,
    nonce: 'f00d',
    since: '2026-01-01T00:00:00.000Z'
  })
}

const linux = procStat(process.pid) !== null
const ownStart = (): string => {
  const stat = procStat(process.pid)
  return stat && stat !== 'gone' ? stat.start : ''
}

describe('the project lock', () => {
  let script = ''
  beforeAll(async () => {
    const dir = tempDir()
    script = path.join(dir, 'lockChild.cjs')
    await build({
      input: path.join(__dirname, 'helpers/lockChild.ts'),
      platform: 'node',
      logLevel: 'silent',
      output: { file: script, format: 'cjs' }
    })
  })

  it.runIf(linux)(
    `lets exactly one of ${RACERS} processes win each of ${TRIALS} races over a free or stale lock`,
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-lock-race-'))
      const zombie = await makeZombie()
      const racers = Array.from({ length: RACERS }, () => startRacer(script))
      const stale = [
        () => null,
        // A process that is gone.
        () => lockRecord({ pid: 999_999_999, start: '1' }),
        // This pid, but started at another time: the pid was reused.
        () => lockRecord({ pid: process.pid, start: `${ownStart()}9` }),
        // Killed, but not yet reaped.
        () => lockRecord({ pid: zombie.pid, start: zombie.start }),
        // A lock cut short by a power cut, long ago.
        () => ''
      ]
      const winners: number[] = []
      try {
        for (let trial = 0; trial < TRIALS; trial++) {
          const lockPath = path.join(dir, `race-${trial}.attest.lock`)
          const content = stale[trial % stale.length]!()
          if (content !== null) {
            fs.writeFileSync(lockPath, content)
            const old = new Date(Date.now() - 60_000)
            fs.utimesSync(lockPath, old, old)
          }
          const at = Date.now() + 20
          for (const racer of racers) send(racer, { type: 'try', lockPath, at })
          const answers = await Promise.all(racers.map((racer) => racer.next()))
          const won = answers.filter((answer) => answer.won === true)
          expect(won, `trial ${trial}: ${JSON.stringify(answers)}`).toHaveLength(1)
          // The losers were told who holds it.
          for (const answer of answers.filter((a) => a.won !== true)) {
            expect(answer.message).toMatch(/in use by another Attest process on this computer/)
          }
          const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number }
          expect(holder.pid).toBe(won[0]!.pid)
          winners.push(holder.pid)
          const winner = racers[answers.indexOf(won[0]!)]!
          send(winner, { type: 'release' })
          await winner.next()
          expect(fs.existsSync(lockPath)).toBe(false)
        }
      } finally {
        for (const racer of racers) racer.child.kill()
        zombie.stop()
        fs.rmSync(dir, { recursive: true, force: true })
      }
      process.stdout.write(
        `lock race: ${TRIALS} trials of ${RACERS} processes, ${winners.length} with exactly one winner\n`
      )
      expect(winners).toHaveLength(TRIALS)
    }
  )

  it.runIf(linux)('takes over a lock whose pid now belongs to another process', async () => {
    const project = await tempProject()
    await project.close()
    // The pid of a running process (the one that started this one), with a start time that
    // is not its own.
    fs.writeFileSync(`${project.file}.lock`, lockRecord({ pid: process.ppid, start: '12345' }))
    const store = await ProjectStore.open(project.file)
    expect(JSON.parse(fs.readFileSync(`${project.file}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
      start: ownStart()
    })
    store.close()
    expect(fs.existsSync(`${project.file}.lock`)).toBe(false)
  })

  it.runIf(linux)('takes over a lock held by a killed process that is still a zombie', async () => {
    const project = await tempProject()
    await project.close()
    const zombie = await makeZombie()
    try {
      // kill(pid, 0) still answers for a zombie: only its state tells that it is dead.
      expect(() => process.kill(zombie.pid, 0)).not.toThrow()
      fs.writeFileSync(`${project.file}.lock`, lockRecord(zombie))
      const store = await ProjectStore.open(project.file)
      store.close()
    } finally {
      zombie.stop()
    }
  })

  it('refuses a live holder on this computer, naming it, and never takes it over', async () => {
    const project = await tempProject()
    await project.close()
    const live = lockRecord({ pid: process.ppid, start: linux ? readStart(process.ppid) : null })
    fs.writeFileSync(`${project.file}.lock`, live)
    await expect(ProjectStore.open(project.file, { takeOver: true })).rejects.toThrow(
      new RegExp(
        `Cannot open project.attest: it is in use by another Attest process on this computer \\(pid ${process.ppid}, since 2026-01-01 00:00 UTC\\)`
      )
    )
    expect(fs.readFileSync(`${project.file}.lock`, 'utf8')).toBe(live)
  })

  it('refuses a lock from another computer with its name, and takes it over when asked', async () => {
    const project = await tempProject()
    await project.close()
    fs.writeFileSync(
      `${project.file}.lock`,
      lockRecord({ pid: 4242, start: '77', host: 'studio-laptop' })
    )
    await expect(ProjectStore.open(project.file)).rejects.toThrow(
      'Cannot open project.attest: it is in use by Attest on the computer "studio-laptop" (pid 4242, since 2026-01-01 00:00 UTC). If Attest is no longer running on studio-laptop, take the project over: add --take-over to the command (attest serve or attest import).'
    )
    const store = await ProjectStore.open(project.file, { takeOver: true })
    expect(JSON.parse(fs.readFileSync(`${project.file}.lock`, 'utf8'))).toMatchObject({
      host: os.hostname(),
      pid: process.pid
    })
    store.close()
  })

  it('keeps the lock of the process that took it over when the old holder lets go', () => {
    const lockPath = path.join(tempDir(), 'p.attest.lock')
    const first = acquireLock(lockPath)
    const record = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Record<string, unknown>
    fs.writeFileSync(lockPath, JSON.stringify({ ...record, host: 'elsewhere', nonce: 'other' }))
    first.release()
    expect(fs.existsSync(lockPath)).toBe(true)
  })
})

function readStart(pid: number): string | null {
  const stat = procStat(pid)
  return stat && stat !== 'gone' ? stat.start : null
}

afterAll(() => undefined)
