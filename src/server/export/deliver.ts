import { constants } from 'node:fs'
import { copyFile, open, stat } from 'node:fs/promises'
import path from 'node:path'
import { AttestError } from '../../shared/result'
import { fsyncParentDir, removeQuietly, renameWithRetry, tempPathFor } from '../store/files'

/**
 * Puts a finished export where the user asked, whole or not at all: copied beside the target
 * (the temp folder is often another filesystem), fsynced, renamed over it. The original stays
 * where it is; its job owns it.
 */
export async function deliverFile(from: string, to: string): Promise<void> {
  const temp = tempPathFor(to)
  try {
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
