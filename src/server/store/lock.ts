import fs from 'node:fs'
import os from 'node:os'
import { randomBytes } from 'node:crypto'
import { errorCode, storeFs } from './storeFs'

/**
 * The lock beside a project (`<file>.lock`) that keeps two processes from appending to one
 * journal. It names its holder by pid, the process's start time and the host, so that a pid
 * reused by another program, a killed process still waiting to be reaped (a zombie) and a
 * lock left on a shared drive by another computer are each told apart from a live holder.
 *
 * It is taken atomically: the holder's record is written whole to a temp file, then hard
 * linked to the lock's name, which fails if any lock is there. A stale lock is replaced by
 * one process at a time (under `<file>.lock.takeover`), after reading it again, so that of
 * several processes racing for one stale lock exactly one wins.
 */
export type LockHolder = {
  pid: number
  host: string
  /** Linux: field 22 of /proc/<pid>/stat (clock ticks after boot); null where there is none. */
  start: string | null
  nonce: string
  since: string
}

export type LockOptions = {
  /** Replace a lock held from another computer (the user said that Attest is not running there). */
  takeOver?: boolean
}

export type HeldLock = { release: () => void; holder: LockHolder }

/** Without /proc, a live holder touches its lock this often, and a lock untouched for… */
const HEARTBEAT_MS = 10_000
/** …this long is stale, whatever the pid says. */
const STALE_HEARTBEAT_MS = 60_000
/** A take-over guard older than this was left by a process killed while taking over. */
const STALE_GUARD_MS = 10_000

/** An unreadable lock younger than this may still be being written (see linkOrCreate). */
const BEING_WRITTEN_MS = 2_000

/**
 * Creates `lockPath` holding what `temp` holds, failing with EEXIST if it exists: a hard
 * link, so the lock appears whole; on drives without hard links (FAT, some network shares)
 * an exclusive create and a write.
 */
function linkOrCreate(temp: string, lockPath: string): void {
  try {
    storeFs.linkSync(temp, lockPath)
  } catch (error) {
    const code = errorCode(error)
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
      throw error
    }
    const fd = storeFs.openSync(lockPath, 'wx', 0o644)
    try {
      storeFs.writeAllSync(fd, fs.readFileSync(temp))
    } finally {
      storeFs.closeSync(fd)
    }
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

type ProcState = { state: string; start: string }

/**
 * What /proc says of a process: its state letter and start time, 'gone' when it does not
 * exist, null on systems without /proc (macOS, Windows).
 */
export function procStat(pid: number): ProcState | 'gone' | null {
  let text: string
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return fs.existsSync('/proc/self/stat') ? 'gone' : null
  }
  // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
  const state = fields[0] ?? ''
  const start = fields[19] ?? ''
  return { state, start }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
}

let ownStart: string | null | undefined
function ownStartTime(): string | null {
  if (ownStart === undefined) {
    const stat = procStat(process.pid)
    ownStart = stat && stat !== 'gone' ? stat.start : null
  }
  return ownStart
}

export type Verdict = 'alive' | 'dead' | 'other-host'

/** Whether the process named by a lock still holds it. */
export function judgeHolder(holder: LockHolder, lockMtimeMs: number): Verdict {
  if (holder.host !== os.hostname()) return 'other-host'
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return 'dead'
  const stat = procStat(holder.pid)
  if (stat === 'gone') return 'dead'
  if (stat) {
    // Z: killed, not yet reaped by its parent; X: dying. Neither will write again.
    if (stat.state === 'Z' || stat.state === 'X') return 'dead'
    // The same pid, started at another time: a different process that reused the number.
    if (holder.start !== null && stat.start !== holder.start) return 'dead'
    return 'alive'
  }
  if (!pidExists(holder.pid)) return 'dead'
  // No /proc: a holder that stopped touching its lock is gone (and the pid reused).
  return Date.now() - lockMtimeMs > STALE_HEARTBEAT_MS ? 'dead' : 'alive'
}

/** Reads a lock: a record, or (a lock from an older version) a bare pid. */
function parseHolder(text: string): LockHolder | null {
  const trimmed = text.trim()
  if (/^\d+$/.test(trimmed)) {
    return { pid: Number(trimmed), host: os.hostname(), start: null, nonce: '', since: '' }
  }
  try {
    const value = JSON.parse(trimmed) as Partial<LockHolder>
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null
    return {
      pid: value.pid,
      host: value.host,
      start: typeof value.start === 'string' ? value.start : null,
      nonce: typeof value.nonce === 'string' ? value.nonce : '',
      since: typeof value.since === 'string' ? value.since : ''
    }
  } catch {
    // A lock cut short by a power cut: nobody is writing it (links are whole).
    return null
  }
}

function readLock(
  lockPath: string
): { text: string; holder: LockHolder | null; mtimeMs: number } | null {
  try {
    const text = fs.readFileSync(lockPath, 'utf8')
    const mtimeMs = fs.statSync(lockPath).mtimeMs
    return { text, holder: parseHolder(text), mtimeMs }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
}

/** Who holds the lock at `lockPath` now, as its record says; null when there is none. */
export function lockHolderAt(lockPath: string): LockHolder | null {
  try {
    return readLock(lockPath)?.holder ?? null
  } catch {
    return null
  }
}

function since(holder: LockHolder): string {
  return holder.since ? `, since ${holder.since.slice(0, 16).replace('T', ' ')} UTC` : ''
}

function lockedError(holder: LockHolder, verdict: Verdict): Error {
  const message =
    verdict === 'other-host'
      ? `it is in use by Attest on the computer "${holder.host}" (pid ${holder.pid}${since(holder)}). If Attest is no longer running on ${holder.host}, take the project over: add --take-over to the command (attest serve or attest import)`
      : `it is in use by another Attest process on this computer (pid ${holder.pid}${since(holder)}). Close Attest there first, or use attest stats and attest export, which only read`
  return Object.assign(new Error(message), {
    code: 'ELOCKED',
    holder,
    otherHost: verdict === 'other-host'
  })
}

/**
 * Replaces the stale lock read as `seen` with ours, one process at a time. Returns false
 * when the lock changed meanwhile (someone else took it) or the guard is busy: the caller
 * looks again.
 */
function replaceStale(lockPath: string, seen: string, temp: string): boolean {
  const guard = `${lockPath}.takeover`
  try {
    fs.mkdirSync(guard)
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > STALE_GUARD_MS) fs.rmdirSync(guard)
    } catch {
      // Gone already.
    }
    return false
  }
  try {
    const now = readLock(lockPath)
    if (now && now.text !== seen) return false
    if (now) fs.rmSync(lockPath, { force: true })
    try {
      linkOrCreate(temp, lockPath)
      return true
    } catch (error) {
      // A first opener linked its lock in between: it holds the project.
      if (errorCode(error) === 'EEXIST') return false
      throw error
    }
  } finally {
    fs.rmdirSync(guard)
  }
}

/** Takes the lock at `lockPath`, or throws an ELOCKED error naming its holder. */
export function acquireLock(lockPath: string, options: LockOptions = {}): HeldLock {
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    start: ownStartTime(),
    nonce: randomBytes(8).toString('hex'),
    since: new Date().toISOString()
  }
  const temp = `${lockPath}-${holder.nonce}`
  const fd = storeFs.openSync(temp, 'wx', 0o644)
  try {
    storeFs.writeAllSync(fd, Buffer.from(`${JSON.stringify(holder)}\n`))
  } catch (error) {
    storeFs.closeSync(fd)
    fs.rmSync(temp, { force: true })
    throw error
  }
  storeFs.closeSync(fd)
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        linkOrCreate(temp, lockPath)
        return held(lockPath, holder)
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error
      }
      const seen = readLock(lockPath)
      if (!seen) continue
      if (!seen.holder && Date.now() - seen.mtimeMs < BEING_WRITTEN_MS) {
        // Written without a link (no hard links on this drive) a moment ago: look again.
        sleepSync(2)
        continue
      }
      const verdict = seen.holder ? judgeHolder(seen.holder, seen.mtimeMs) : 'dead'
      if (seen.holder && verdict === 'alive') throw lockedError(seen.holder, verdict)
      if (seen.holder && verdict === 'other-host' && !options.takeOver) {
        throw lockedError(seen.holder, verdict)
      }
      if (replaceStale(lockPath, seen.text, temp)) return held(lockPath, holder)
      sleepSync(1 + (attempt % 5))
    }
    throw new Error('could not take the project lock: other processes kept changing it')
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

function held(lockPath: string, holder: LockHolder): HeldLock {
  // Without /proc the start time is unknown: the holder shows it is alive by touching the lock.
  const heartbeat =
    holder.start === null
      ? setInterval(() => {
          const now = new Date()
          try {
            fs.utimesSync(lockPath, now, now)
          } catch {
            // The lock was removed (taken over); the next open will say so.
          }
        }, HEARTBEAT_MS)
      : null
  heartbeat?.unref()
  let released = false
  return {
    holder,
    release: () => {
      if (released) return
      released = true
      if (heartbeat) clearInterval(heartbeat)
      // Only our own lock is removed: after a take-over it belongs to someone else.
      const now = readLock(lockPath)
      if (now?.holder?.nonce === holder.nonce) fs.rmSync(lockPath, { force: true })
    }
  }
}
