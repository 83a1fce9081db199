import fs from 'node:fs'
import { createHash } from 'node:crypto'
import type { LoggedStatement } from './sqlite'

export type JournalEntry = { seq: number; statements: LoggedStatement[] }

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16)
}

export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify({ s: entry.seq, q: entry.statements })
  return `${json}\t${checksum(json)}\n`
}

export type JournalRead = { entries: JournalEntry[]; tornTail: boolean }

/**
 * Reads every complete entry. A crash while appending can leave a torn tail (that write was
 * never acknowledged): invalid lines at the very end are ignored. An invalid line followed by
 * a valid one is damage, and an error.
 */
export function readJournal(file: string): JournalRead {
  if (!fs.existsSync(file)) return { entries: [], tornTail: false }
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const entries: JournalEntry[] = []
  let firstInvalid = -1
  lines.forEach((line, index) => {
    if (line === '') return
    const tab = line.lastIndexOf('\t')
    const json = tab >= 0 ? line.slice(0, tab) : ''
    if (tab < 0 || checksum(json) !== line.slice(tab + 1)) {
      if (firstInvalid < 0) firstInvalid = index
      return
    }
    if (firstInvalid >= 0) {
      throw new Error(`the change journal is damaged at line ${firstInvalid + 1}`)
    }
    const parsed = JSON.parse(json) as { s: number; q: LoggedStatement[] }
    entries.push({ seq: parsed.s, statements: parsed.q })
  })
  return { entries, tornTail: firstInvalid >= 0 }
}

/** An append-only journal; `append` returns only once the entry is on disk. */
export class Journal {
  private fd: number
  private bytes: number

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'a')
    this.bytes = fs.fstatSync(this.fd).size
  }

  get size(): number {
    return this.bytes
  }

  append(entry: JournalEntry): void {
    const buffer = Buffer.from(encodeEntry(entry), 'utf8')
    let offset = 0
    while (offset < buffer.length) {
      offset += fs.writeSync(this.fd, buffer, offset, buffer.length - offset)
    }
    fs.fdatasyncSync(this.fd)
    this.bytes += buffer.length
  }

  /** Empties the journal once a checkpoint holds everything in it. */
  reset(): void {
    fs.ftruncateSync(this.fd, 0)
    fs.fsyncSync(this.fd)
    this.bytes = 0
  }

  close(): void {
    fs.closeSync(this.fd)
  }
}
