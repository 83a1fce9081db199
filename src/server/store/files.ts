import fs from 'node:fs'
import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { errorCode, storeFs } from './storeFs'

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES'])

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Makes a rename durable on POSIX; Windows cannot open a directory for fsync. */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Replaces `target` with `bytes` so that a reader only ever sees the old or the new file:
 * write a temp file beside it, fsync, rename over, fsync the directory. Renames are retried
 * because virus scanners and indexers on Windows hold files open for a moment.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const dir = path.dirname(target)
  const temp = checkpointTempPath(target)
  const fd = storeFs.openSync(temp, 'wx', 0o644)
  try {
    storeFs.writeAllSync(fd, bytes)
    storeFs.fsyncSync(fd)
  } catch (error) {
    storeFs.closeSync(fd)
    fs.rmSync(temp, { force: true })
    throw error
  }
  storeFs.closeSync(fd)
  for (let attempt = 0; ; attempt++) {
    try {
      storeFs.renameSync(temp, target)
      break
    } catch (error) {
      if (attempt >= 9 || !RETRYABLE.has(errorCode(error) ?? '')) {
        fs.rmSync(temp, { force: true })
        throw error
      }
      sleepSync(50 * (attempt + 1))
    }
  }
  fsyncDirectory(dir)
}

/**
 * A checkpoint: replaces `target` atomically, keeping the file it replaces as
 * `<target>.prev` until the new one has been read back and found identical to `bytes`. A
 * new file that does not read back as written is replaced by the previous one again.
 */
export function replaceFileVerified(target: string, bytes: Uint8Array): void {
  const prev = `${target}.prev`
  fs.rmSync(prev, { force: true })
  let kept = false
  if (fs.existsSync(target)) {
    try {
      fs.linkSync(target, prev)
      kept = true
    } catch {
      // No hard links here (FAT, some network drives): the rename alone keeps it atomic.
    }
  }
  try {
    writeFileAtomic(target, bytes)
  } catch (error) {
    if (kept) fs.rmSync(prev, { force: true })
    throw error
  }
  if (!readsBackAs(target, bytes)) {
    if (kept) storeFs.renameSync(prev, target)
    throw Object.assign(new Error('the new checkpoint did not read back as it was written'), {
      code: 'EIO'
    })
  }
  if (kept) fs.rmSync(prev, { force: true })
}

function readsBackAs(file: string, bytes: Uint8Array): boolean {
  const fd = fs.openSync(file, 'r')
  try {
    if (fs.fstatSync(fd).size !== bytes.length) return false
    const chunk = Buffer.allocUnsafe(16 * 1024 * 1024)
    for (let offset = 0; offset < bytes.length;) {
      const read = fs.readSync(fd, chunk, 0, Math.min(chunk.length, bytes.length - offset), offset)
      if (read <= 0) return false
      if (Buffer.compare(chunk.subarray(0, read), bytes.subarray(offset, offset + read)) !== 0) {
        return false
      }
      offset += read
    }
    return true
  } finally {
    fs.closeSync(fd)
  }
}

/** `.<name>.<random>.tmp` beside the target: what a checkpoint writes before its rename. */
export function checkpointTempPath(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`
  )
}

/**
 * Removes temp files left by checkpoints that died before their rename (a kill, a power
 * cut). Only the holder of the project's lock checkpoints, so none of them is in use.
 * Returns how many bytes were freed.
 */
export function removeDeadCheckpointTemps(target: string): number {
  const dir = path.dirname(target)
  const prefix = `.${path.basename(target)}.`
  let freed = 0
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return 0
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue
    const file = path.join(dir, name)
    try {
      freed += fs.statSync(file).size
      fs.rmSync(file, { force: true })
    } catch {
      // Removed by someone else, or not ours to remove: leave it.
    }
  }
  return freed
}

// ---------- The same steps, asynchronous, for files written as streams (exports) ----------

/** A unique sibling temp path, so the final rename stays on one filesystem. */
export function tempPathFor(target: string): string {
  return `${target}.tmp-${randomBytes(6).toString('hex')}`
}

/** rename(2) over the target, retried while Windows reports either file as held open. */
export async function renameWithRetry(from: string, to: string, attempts = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      if (!RETRYABLE.has(errorCode(error) ?? '') || attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
    }
  }
}

/**
 * Best effort: makes the rename of `file` durable by syncing the folder that holds it (a
 * file path, unlike fsyncDirectory). Folders cannot be opened on Windows.
 */
export async function fsyncParentDir(file: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path.dirname(file), 'r')
    await handle.sync()
  } catch {
    // Not supported on this platform or filesystem; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

export async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch(() => undefined)
}
