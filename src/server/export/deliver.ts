import { constants } from 'node:fs'
import { copyFile, open, stat } from 'node:fs/promises'
import path from 'node:path'
import { AttestError } from '../../shared/result'
import { fsyncParentDir, removeQuietly, renameWithRetry, tempPathFor } from '../store/files'
import { injectedFault, isDiskFull } from '../store/storeFs'

/**
 * Puts a finished export where the user asked, whole or not at all: copied beside the target
 * (the temp folder is often another filesystem), fsynced, renamed over it. The original stays
 * where it is; its job owns it.
 */
export async function deliverFile(from: string, to: string): Promise<void> {
  const temp = tempPathFor(to)
  try {
    const fault = injectedFault('write', temp)
    if (fault?.partial) await copyFile(from, temp, constants.COPYFILE_EXCL)
    if (fault) throw fault.error
    await copyFile(from, temp, constants.COPYFILE_EXCL)
    const handle = await open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(temp, to)
  } catch (error) {
    await removeQuietly(temp)
    throw error
  }
  await fsyncParentDir(to)
}

/** Checks, before any work, that a file can be written at `target`; a sentence if not. */
export async function checkOutputPath(target: string): Promise<void> {
  const dir = path.dirname(target)
  const folder = await stat(dir).catch(() => null)
  if (!folder || !folder.isDirectory()) {
    throw new AttestError('not_found', `The folder ${dir} does not exist`)
  }
  const existing = await stat(target).catch(() => null)
  if (existing?.isDirectory()) {
    throw new AttestError('invalid_input', `${target} is a folder; give a file name`)
  }
}

/**
 * The sentence for a file-system failure while an export is written, so that no raw
 * `ENOSPC: no space left on device, write …` reaches the user; other errors keep their message.
 */
export function exportFailureSentence(error: unknown): string {
  if (isDiskFull(error)) return 'The disk is full; the export was not written.'
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EROFS') return 'The destination is on a read-only disk; the export was not written.'
  if (code === 'EACCES' || code === 'EPERM') {
    return 'The destination cannot be written to (permission denied); the export was not written.'
  }
  return error instanceof Error ? error.message : String(error)
}
