import fs from 'node:fs'

/**
 * The few file-system calls the store makes to keep a project durable (journal appends,
 * checkpoint writes and renames), in one place so that the fault suite can make them fail
 * the way real disks do: a full disk (ENOSPC) that writes part of a buffer and then fails, a
 * read-only file system (EROFS), a file held open on Windows (EPERM/EBUSY on rename).
 *
 * Faults are added by tests in this thread (`injectFault`), or for a child process through
 * the `ATTEST_FAULTS` environment variable (a JSON array of faults, read once at start).
 */
export type FsOp =
  | 'open'
  | 'write'
  | 'sync'
  | 'truncate'
  | 'rename'
  | 'unlink'
  | 'link'
  /** Not a call: a point in start-up, once per journal entry replayed. */
  | 'replay'

export type Fault = {
  op: FsOp
  /**
   * The errno code to fail with: ENOSPC, EROFS, EPERM, EBUSY, EIO… or KILL, which ends the
   * process with SIGKILL right there (a crash at an exact step).
   */
  code: string
  /** How many matching calls pass before the fault starts (default 0). */
  skip?: number
  /** Only calls on a path containing this text fail (default: every path). */
  match?: string
  /** How many calls fail before the fault clears itself (default: until cleared). */
  times?: number
  /** A failing write first writes half its bytes, as a full disk does. */
  partial?: boolean
}

const faults: Fault[] = []
const fdPaths = new Map<number, string>()

function loadEnvironmentFaults(): void {
  const text = process.env.ATTEST_FAULTS
  if (!text) return
  try {
    const parsed = JSON.parse(text) as Fault[]
    if (Array.isArray(parsed)) faults.push(...parsed)
  } catch {
    // A malformed variable injects nothing.
  }
}
loadEnvironmentFaults()

export function injectFault(fault: Fault): void {
  faults.push({ ...fault })
}

export function clearFaults(): void {
  faults.length = 0
}

function errno(code: string, op: string, file: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
    EPERM: 'operation not permitted',
    EBUSY: 'resource busy or locked',
    EACCES: 'permission denied',
    EIO: 'i/o error'
  }
  return Object.assign(new Error(`${code}: ${messages[code] ?? 'error'}, ${op} '${file}'`), {
    code,
    syscall: op,
    path: file
  })
}

function takeFault(op: FsOp, file: string): Fault | undefined {
  const index = faults.findIndex((f) => f.op === op && (!f.match || file.includes(f.match)))
  if (index < 0) return undefined
  const fault = faults[index] as Fault
  if (fault.skip !== undefined && fault.skip > 0) {
    fault.skip -= 1
    return undefined
  }
  if (fault.times !== undefined) {
    fault.times -= 1
    if (fault.times <= 0) faults.splice(index, 1)
  }
  return fault
}

/**
 * The injected fault for one call outside this module (the export writers use their own async
 * file handles): the error to throw, and whether a write should first write half its bytes.
 */
export function injectedFault(
  op: FsOp,
  file: string
): { error: NodeJS.ErrnoException; partial: boolean } | undefined {
  const fault = takeFault(op, file)
  return fault && { error: errno(fault.code, op, file), partial: fault.partial === true }
}

/** A fault point that is not a file-system call (see FsOp 'replay'). */
export function faultPoint(op: FsOp, file: string): void {
  if (faults.length > 0) check(op, file)
}

function fire(fault: Fault, op: string, file: string): never {
  if (fault.code === 'KILL') {
    process.kill(process.pid, 'SIGKILL')
    // The signal is delivered at once; nothing after this line runs.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
  }
  throw errno(fault.code, op, file)
}

function check(op: FsOp, file: string): void {
  const fault = takeFault(op, file)
  if (fault) fire(fault, op, file)
}

const pathOf = (fd: number): string => fdPaths.get(fd) ?? `fd ${fd}`

export const storeFs = {
  openSync(file: string, flags: string, mode?: number): number {
    check('open', file)
    const fd = fs.openSync(file, flags, mode)
    fdPaths.set(fd, file)
    return fd
  },
  closeSync(fd: number): void {
    fdPaths.delete(fd)
    fs.closeSync(fd)
  },
  /** Writes the whole buffer (looping over short writes) or throws. */
  writeAllSync(fd: number, buffer: Uint8Array): void {
    const fault = takeFault('write', pathOf(fd))
    if (fault?.partial) fs.writeSync(fd, buffer, 0, Math.floor(buffer.length / 2))
    if (fault) fire(fault, 'write', pathOf(fd))
    let offset = 0
    while (offset < buffer.length) {
      offset += fs.writeSync(fd, buffer, offset, buffer.length - offset)
    }
  },
  fdatasyncSync(fd: number): void {
    check('sync', pathOf(fd))
    fs.fdatasyncSync(fd)
  },
  fsyncSync(fd: number): void {
    check('sync', pathOf(fd))
    fs.fsyncSync(fd)
  },
  ftruncateSync(fd: number, length: number): void {
    check('truncate', pathOf(fd))
    fs.ftruncateSync(fd, length)
  },
  renameSync(from: string, to: string): void {
    check('rename', to)
    fs.renameSync(from, to)
  },
  linkSync(existing: string, created: string): void {
    check('link', created)
    fs.linkSync(existing, created)
  },
  unlinkSync(file: string): void {
    check('unlink', file)
    fs.rmSync(file, { force: true })
  }
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}

/** Codes that mean "the disk has no room": the write may succeed once space is freed. */
export function isDiskFull(error: unknown): boolean {
  const code = errorCode(error)
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG'
}
