import fs from 'node:fs'
import { createHash } from 'node:crypto'
import type { LoggedStatement } from './sqlite'
import { storeFs } from './storeFs'

/**
 * One acknowledged write. `project` and `generation` tie it to the project file it follows:
 * the file's id, and the number of the checkpoint it was written after. Entries written by
 * earlier versions of Attest carry neither.
 */
export type JournalEntry = {
  seq: number
  statements: LoggedStatement[]
  project?: string
  generation?: number
}

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16)
}

export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify({
    s: entry.seq,
    p: entry.project,
    g: entry.generation,
    q: entry.statements
  })
  return `${json}\t${checksum(json)}\n`
}

export type JournalRead = {
  entries: JournalEntry[]
  tornTail: boolean
  /** Bytes up to the end of the last whole entry: where the next entry must start. */
  validBytes: number
}

/**
 * Reads every complete entry. A crash while appending can leave a torn tail (that write was
 * never acknowledged): invalid lines at the very end are ignored. An invalid line followed by
 * a valid one is damage, and an error.
 */
export function readJournal(file: string): JournalRead {
  if (!fs.existsSync(file)) return { entries: [], tornTail: false, validBytes: 0 }
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const entries: JournalEntry[] = []
  let firstInvalid = -1
  let offset = 0
  let validBytes = 0
  lines.forEach((line, index) => {
    const start = offset
    offset += Buffer.byteLength(line, 'utf8') + 1
    if (line === '') return
    const tab = line.lastIndexOf('\t')
    const json = tab >= 0 ? line.slice(0, tab) : ''
    // A whole entry ends with its newline; the last piece of a split has none.
    const whole = index < lines.length - 1
    if (tab < 0 || !whole || checksum(json) !== line.slice(tab + 1)) {
      if (firstInvalid < 0) firstInvalid = index
      return
    }
    if (firstInvalid >= 0) {
      throw new Error(`the change journal is damaged at line ${firstInvalid + 1}`)
    }
    const parsed = JSON.parse(json) as { s: number; p?: string; g?: number; q: LoggedStatement[] }
    entries.push({ seq: parsed.s, statements: parsed.q, project: parsed.p, generation: parsed.g })
    validBytes = start + Buffer.byteLength(line, 'utf8') + 1
  })
  return { entries, tornTail: firstInvalid >= 0, validBytes }
}

/**
 * An append-only journal; `append` returns only once the entry is on disk. An append that
 * fails part-way (a full disk writes some bytes, then refuses) is cut back to the last whole
 * entry before anything else is written, so a later entry is never glued onto a torn one.
 */
export class Journal {
  private fd: number
  private bytes: number
  /** Set while bytes past `bytes` may be on disk: cut them off before the next append. */
  private torn = false

  constructor(
    readonly file: string,
    validBytes?: number
  ) {
    this.fd = storeFs.openSync(file, 'a')
    this.bytes = fs.fstatSync(this.fd).size
    if (validBytes !== undefined && validBytes < this.bytes) {
      this.bytes = validBytes
      this.torn = true
      try {
        this.cutTornTail()
      } catch {
        // Retried before the next append.
      }
    }
  }

  get size(): number {
    return this.bytes
  }

  private cutTornTail(): void {
    if (!this.torn) return
    storeFs.ftruncateSync(this.fd, this.bytes)
    storeFs.fsyncSync(this.fd)
    this.torn = false
  }

  append(entry: JournalEntry): void {
    // Throws (and nothing is written) while a torn tail cannot be cut off.
    this.cutTornTail()
    const buffer = Buffer.from(encodeEntry(entry), 'utf8')
    try {
      storeFs.writeAllSync(this.fd, buffer)
      storeFs.fdatasyncSync(this.fd)
    } catch (error) {
      this.torn = true
      try {
        this.cutTornTail()
      } catch {
        // The disk refused the truncation too; the next append tries again first.
      }
      throw error
    }
    this.bytes += buffer.length
  }

  /** Empties the journal once a checkpoint holds everything in it. */
  reset(): void {
    storeFs.ftruncateSync(this.fd, 0)
    storeFs.fsyncSync(this.fd)
    this.bytes = 0
    this.torn = false
  }

  close(): void {
    storeFs.closeSync(this.fd)
  }
}
