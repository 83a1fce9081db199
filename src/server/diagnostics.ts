import fs from 'node:fs'
import path from 'node:path'
import { AttestError } from '../shared/result'

/**
 * Unexpected errors keep their stack in a small rotating log beside the app's settings
 * (`<userData>/logs/attest.log`, then attest.1.log … attest.3.log), while the UI and the CLI
 * show only the human sentence. Nothing is logged until a front door says where; writing the
 * log never throws.
 */

const MAX_BYTES = 1024 * 1024
const KEEP = 3

let logDir: string | null = null
let echo: ((text: string) => void) | null = null

export function configureDiagnostics(options: {
  /** The per-user settings folder; null stops logging. */
  dir: string | null
  /** Also print each entry here (the CLI's --verbose). */
  echo?: ((text: string) => void) | null
}): void {
  logDir = options.dir
  echo = options.echo ?? null
}

/** Where a store worker should log, so that its errors land in the same file. */
export function diagnosticsSettings(): { logDir: string | null; logEcho: boolean } {
  return { logDir, logEcho: echo !== null }
}

/** The current log file, or null when logging is off. */
export function logFile(): string | null {
  return logDir === null ? null : path.join(logDir, 'logs', 'attest.log')
}

/** Records an error that is not one of ours (a bug, a disk fault); ours are user sentences. */
export function recordUnexpected(error: unknown, where: string): void {
  if (error instanceof AttestError) return
  const detail =
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
  const entry = `${new Date().toISOString()} ${where}\n${detail}\n\n`
  echo?.(entry.trimEnd())
  const file = logFile()
  if (file === null) return
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    rotate(file)
    fs.appendFileSync(file, entry, 'utf8')
  } catch {
    // A log that cannot be written (full disk, read-only folder) must not turn one error
    // into two: the user already gets the sentence.
  }
}

function rotate(file: string): void {
  let size: number
  try {
    size = fs.statSync(file).size
  } catch {
    return
  }
  if (size < MAX_BYTES) return
  for (let k = KEEP - 1; k >= 1; k--) {
    const from = numbered(file, k)
    if (fs.existsSync(from)) fs.renameSync(from, numbered(file, k + 1))
  }
  fs.renameSync(file, numbered(file, 1))
}

function numbered(file: string, k: number): string {
  return file.replace(/\.log$/, `.${k}.log`)
}
