/*
 * A process that races for project locks: bundled by lock.test.ts and run as a child. Each
 * line on stdin is a command; each answer is one line of JSON on stdout.
 *   {"type":"try","lockPath":…,"at":ms}  waits until `at`, takes the lock, answers won or not
 *   {"type":"release"}                   lets go of the lock it holds
 */
import readline from 'node:readline'
import { acquireLock, type HeldLock } from '../../../src/server/store/lock'

let held: HeldLock | null = null
const lines = readline.createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const command = JSON.parse(line) as { type: string; lockPath?: string; at?: number }
  if (command.type === 'release') {
    held?.release()
    held = null
    process.stdout.write(`${JSON.stringify({ released: true })}\n`)
    return
  }
  // Every racer starts at the same moment, as three servers started together would.
  while (Date.now() < (command.at ?? 0)) {
    // spin
  }
  try {
    held = acquireLock(command.lockPath as string)
    process.stdout.write(`${JSON.stringify({ won: true, pid: process.pid })}\n`)
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify({ won: false, code: (error as NodeJS.ErrnoException).code, message: (error as Error).message })}\n`
    )
  }
})
