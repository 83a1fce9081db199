import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { AttestError } from '../../shared/result'
import type { ProjectHealth, SalvageResult } from '../../shared/types'
import {
  checkpointTempPath,
  removeDeadCheckpointTemps,
  replaceFileVerified,
  writeFileAtomic
} from './files'
import { acquireLock } from './lock'
import { Journal, readJournal, type JournalEntry } from './journal'
import { errorCode, faultPoint, isDiskFull, storeFs } from './storeFs'
import { LATEST_VERSION, MIGRATIONS } from './migrations'
import { salvageProject } from './salvage'
import { SqliteDb, loadSqlJs, looksLikeSqlite } from './sqlite'

export const APP_ID = 'attest'
/*
 * The database lives in the worker's memory; durability is the store's own journal and
 * checkpoint, so SQLite's rollback journal only has to undo a failed transaction (MEMORY),
 * and a 64 MB page cache saves re-reading hot index pages on large projects.
 */
const PRAGMAS = [
  'PRAGMA foreign_keys = ON',
  'PRAGMA recursive_triggers = OFF',
  'PRAGMA journal_mode = MEMORY',
  'PRAGMA cache_size = -65536'
]

export type OpenOptions = {
  /** Create the file when it does not exist (`attest new`, first start). */
  create?: boolean
  /**
   * Read the checkpoint and journal without the lock and without writing anything (`stats`
   * and `export` on a read-only disk or beside a running Attest).
   */
  readOnly?: boolean
  /** Checkpoint once the journal passes this many bytes. */
  checkpointBytes?: number
  /** Checkpoint after this many quiet milliseconds after a write (0: never on idle; see noteActivity). */
  idleCheckpointMs?: number
  /**
   * Take the lock over from another computer (the user said Attest is not running there). A
   * lock held by a live process on this computer is never taken.
   */
  takeOver?: boolean
  /** First delay before a failed checkpoint or a full disk is tried again; doubles to 60 s. */
  retryMs?: number
}

export function journalPath(projectPath: string): string {
  return `${projectPath}.journal`
}

function lockPath(projectPath: string): string {
  return `${projectPath}.lock`
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'it does not exist'
  if (code === 'EACCES' || code === 'EPERM') return 'permission was denied'
  if (code === 'EISDIR') return 'it is a folder, not a file'
  if (isDiskFull(error)) return 'the disk is full'
  if (code === 'EROFS') return 'the disk is read-only'
  if (code === 'ELOCKED') return (error as Error).message
  return (error as Error).message
}

/** The answer to a write whose journal entry could not be made durable. */
function notSavedError(error: unknown, name: string): AttestError {
  if (isDiskFull(error)) {
    return new AttestError(
      'disk_full',
      `The disk is full: this change was not saved. Free some space on the disk that holds ${name} and try again; everything saved before is safe.`
    )
  }
  const code = errorCode(error)
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AttestError(
      'io',
      `This change was not saved: ${name} cannot be written (${code === 'EROFS' ? 'the disk is read-only' : 'permission was denied'}). Everything saved before is safe.`
    )
  }
  return new AttestError(
    'io',
    `This change was not saved: the disk reported an error (${code ?? (error as Error).message}). Everything saved before is safe.`
  )
}

/** Why the project file could not be brought up to date; the journal still holds it all. */
function checkpointError(error: unknown, name: string): AttestError {
  const reason = isDiskFull(error)
    ? 'The disk is full'
    : `The disk refused to write (${errorCode(error) ?? (error as Error).message})`
  return new AttestError(
    isDiskFull(error) ? 'disk_full' : 'io',
    `${reason}: ${name} could not be updated. Every saved change is kept in ${name}.journal and is folded in as soon as the disk allows it.`
  )
}

const MAX_RETRY_MS = 60_000
/**
 * Quiet time (no request but the health poll) before the journal is folded into the file.
 * Long, because the fold blocks the store: see noteActivity.
 */
export const IDLE_CHECKPOINT_MS = 30_000

/** Files up to this size get the full integrity_check at open, larger ones quick_check. */
const INTEGRITY_CHECK_BYTES = 64 * 1024 * 1024

/**
 * One open project: an in-memory sql.js database made durable by an fsynced journal of every
 * acknowledged write, and checkpointed to the project file by write-temp → fsync → rename.
 */
export class ProjectStore {
  private journalSeq: number
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false
  /** Set by changes made outside the journal (an upgrade, a bulk load): checkpoint them. */
  private dirty = false
  /** The last journal append that failed, until the disk takes a write again. */
  private appendFailure: AttestError | null = null
  /** The last checkpoint that failed, until one succeeds. */
  private checkpointFailure: AttestError | null = null
  private retryTimer: NodeJS.Timeout | null = null
  private retryAttempts = 0
  /** Set when the project was opened read-only (asked for, or a damaged file). */
  private readOnly: { damaged: boolean; reason: string } | null = null

  private constructor(
    readonly path: string,
    readonly db: SqliteDb,
    private readonly journal: Journal | null,
    private readonly releaseLock: () => void,
    journalSeq: number,
    private identity: { project: string; generation: number; assigned: boolean },
    private readonly options: Required<
      Pick<OpenOptions, 'checkpointBytes' | 'idleCheckpointMs' | 'retryMs'>
    >
  ) {
    this.journalSeq = journalSeq
  }

  static async open(projectPath: string, options: OpenOptions = {}): Promise<ProjectStore> {
    const file = path.resolve(projectPath)
    const name = path.basename(file)
    const SQL = await loadSqlJs()
    const exists = fs.existsSync(file)
    if (!exists && !options.create) {
      throw new AttestError('not_found', `Cannot open ${name}: it does not exist.`)
    }
    if (!exists && !fs.existsSync(path.dirname(file))) {
      throw new AttestError(
        'io',
        `Cannot create ${name}: the folder ${path.dirname(file)} does not exist.`
      )
    }

    // Reading only takes no lock: it changes nothing, so it may run beside the holder.
    let release: () => void = () => undefined
    if (!options.readOnly) {
      try {
        release = acquireLock(lockPath(file), { takeOver: options.takeOver === true }).release
      } catch (error) {
        throw new AttestError(
          errorCode(error) === 'ELOCKED' ? 'conflict' : 'io',
          `Cannot open ${name}: ${describeIoError(error)}.`
        )
      }
    }

    try {
      let db: SqliteDb
      let migrated = false
      let damage: string | null = null
      if (exists) {
        let bytes: Uint8Array
        try {
          bytes = fs.readFileSync(file)
        } catch (error) {
          throw new AttestError('io', `Cannot open ${name}: ${describeIoError(error)}.`)
        }
        if (!looksLikeSqlite(bytes)) {
          throw new AttestError(
            'not_a_project',
            `Cannot open ${name}: it is not an Attest project (not an SQLite database).`
          )
        }
        try {
          db = new SqliteDb(new SQL.Database(bytes), PRAGMAS)
          db.pluck('PRAGMA schema_version')
          ProjectStore.checkIdentity(db, name)
          damage = ProjectStore.checkIntegrity(db, bytes.length)
          // A damaged or read-only file is brought up to date in memory only.
          const readOnly = damage !== null || options.readOnly === true
          migrated = ProjectStore.migrate(db, file, LATEST_VERSION, !readOnly)
        } catch (error) {
          if (error instanceof AttestError) throw error
          throw new AttestError(
            'not_a_project',
            `Cannot open ${name}: the database is damaged (${(error as Error).message}). The file was left untouched.`
          )
        }
      } else {
        db = new SqliteDb(new SQL.Database(), PRAGMAS)
        db.exec(`PRAGMA application_id = 0x41545354`)
        ProjectStore.migrate(db, file)
        const now = new Date().toISOString()
        db.run(
          `INSERT INTO meta (key, value) VALUES ('app', ?), ('created_at', ?), ('project_id', ?), ('checkpoint_gen', '0')`,
          [APP_ID, now, randomUUID()]
        )
        try {
          writeFileAtomic(file, db.export())
        } catch (error) {
          throw new AttestError('io', `Cannot create ${name}: ${describeIoError(error)}.`)
        }
      }

      const settings = {
        checkpointBytes: options.checkpointBytes ?? 32 * 1024 * 1024,
        idleCheckpointMs: options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS,
        retryMs: options.retryMs ?? 1_000
      }
      const journalFile = journalPath(file)
      const seqInFile = Number(
        db.pluck<string>(`SELECT value FROM meta WHERE key = 'journal_seq'`) ?? '0'
      )
      const prev = `${file}.prev`

      if (damage !== null) {
        // What the journal adds is shown if it fits; the journal itself is left alone.
        let seq = seqInFile
        let identity = { project: '', generation: 0, assigned: false }
        try {
          const read = readJournal(journalFile)
          identity = ProjectStore.identify(db, read.entries)
          db.exec('SAVEPOINT journal')
          seq = ProjectStore.replayJournal(db, read.entries, seqInFile, identity, name)
          db.exec('RELEASE journal')
        } catch {
          // Shown as the file holds it.
        }
        const kept = fs.existsSync(prev) ? ` The previous save is kept as ${name}.prev.` : ''
        const store = new ProjectStore(file, db, null, release, seq, identity, settings)
        store.readOnly = {
          damaged: true,
          reason: `${name} is damaged (${damage}), so it was opened read-only: nothing in it will be changed or overwritten.${kept} Export what can still be read into a new project to go on working.`
        }
        return store
      }

      let read
      try {
        read = readJournal(journalFile)
      } catch (error) {
        throw new AttestError(
          'io',
          `Cannot open ${name}: ${(error as Error).message}. The file was left untouched.`
        )
      }
      const identity = ProjectStore.identify(db, read.entries)
      const seq = ProjectStore.replayJournal(db, read.entries, seqInFile, identity, name)

      if (options.readOnly) {
        const store = new ProjectStore(file, db, null, release, seq, identity, settings)
        store.readOnly = {
          damaged: false,
          reason: `${name} is open for reading only: changes cannot be saved.`
        }
        return store
      }

      // The file passed its check: a checkpoint that died before verifying it left it whole.
      fs.rmSync(prev, { force: true })
      removeDeadCheckpointTemps(file)
      // A torn tail is cut off before anything is appended after it.
      const journal = new Journal(journalFile, read.validBytes)
      const store = new ProjectStore(file, db, journal, release, seq, identity, settings)
      // An upgrade, a replayed or a torn journal is folded into the file at once, so the file
      // alone is whole. If the disk refuses, the journal keeps it all and the store retries.
      store.dirty = migrated || identity.assigned
      if (store.dirty || seq > seqInFile || read.tornTail) store.tryCheckpoint()
      return store
    } catch (error) {
      release()
      throw error
    }
  }

  /**
   * `PRAGMA integrity_check` on files up to 64 MB, `quick_check` (no index contents) on
   * larger ones: null when the file is whole, else the first problem found.
   */
  private static checkIntegrity(db: SqliteDb, bytes: number): string | null {
    const pragma = bytes <= INTEGRITY_CHECK_BYTES ? 'integrity_check' : 'quick_check'
    try {
      const rows = db.all(`PRAGMA ${pragma}(10)`)
      const problems = rows.map((row) => String(Object.values(row)[0])).filter((v) => v !== 'ok')
      return problems.length === 0 ? null : (problems[0] as string)
    } catch (error) {
      return (error as Error).message
    }
  }

  /**
   * The project's id and the generation of its last checkpoint, from the file's meta table.
   * A file saved before ids existed gets one now (taken from its journal, if that has one,
   * so a journal written just before a crash still fits).
   */
  private static identify(
    db: SqliteDb,
    entries: JournalEntry[]
  ): { project: string; generation: number; assigned: boolean } {
    const meta = (key: string) => db.pluck<string>(`SELECT value FROM meta WHERE key = ?`, [key])
    const generation = Number(meta('checkpoint_gen') ?? '0')
    const project = meta('project_id')
    if (project) return { project, generation, assigned: false }
    const fromJournal = entries.find((entry) => entry.project)?.project
    const id = fromJournal ?? randomUUID()
    db.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('project_id', ?)`, [id])
    return { project: id, generation, assigned: true }
  }

  /**
   * Replays the entries written after the file's checkpoint. A journal that belongs to
   * another project, or that continues a checkpoint this file does not have (a backup put
   * back beside a newer journal), is refused and left where it is.
   */
  private static replayJournal(
    db: SqliteDb,
    entries: JournalEntry[],
    seqInFile: number,
    identity: { project: string; generation: number },
    name: string
  ): number {
    const keep = `It was left in place: move ${name}.journal out of the folder to open ${name} as it was last saved.`
    for (const entry of entries) {
      if (entry.project !== undefined && entry.project !== identity.project) {
        throw new AttestError(
          'conflict',
          `Cannot open ${name}: the change journal beside it (${name}.journal) belongs to another project. ${keep}`
        )
      }
      const generation = entry.generation
      if (generation === undefined) continue
      if (
        generation > identity.generation ||
        (generation < identity.generation && entry.seq > seqInFile)
      ) {
        throw new AttestError(
          'conflict',
          generation > identity.generation
            ? `Cannot open ${name}: its change journal continues a later save of this project than the file holds (was the file put back from a backup?). ${keep}`
            : `Cannot open ${name}: its change journal is older than the file and does not fit it. ${keep}`
        )
      }
    }
    let seq = seqInFile
    for (const entry of entries) {
      if (entry.seq <= seqInFile) continue
      faultPoint('replay', name)
      try {
        db.replay(entry.statements)
      } catch (error) {
        throw new AttestError(
          'conflict',
          `Cannot open ${name}: change ${entry.seq} in its journal does not fit the file (${(error as Error).message}). ${keep}`
        )
      }
      seq = entry.seq
    }
    return seq
  }

  private static checkIdentity(db: SqliteDb, name: string): void {
    const version = Number(db.pluck('PRAGMA user_version'))
    const hasMeta = db.pluck(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'`)
    const app = hasMeta ? db.pluck<string>(`SELECT value FROM meta WHERE key = 'app'`) : undefined
    if (app !== APP_ID) {
      throw new AttestError(
        'not_a_project',
        `Cannot open ${name}: it is an SQLite database, but not an Attest project.`
      )
    }
    if (version > LATEST_VERSION) {
      throw new AttestError(
        'unsupported_version',
        `Cannot open ${name}: it was saved by a newer version of Attest (schema ${version}; this version reads up to ${LATEST_VERSION}). Update Attest to open it.`
      )
    }
  }

  /**
   * Brings the schema up to date, one migration per transaction with foreign keys off and a
   * foreign_key_check before commit. The file on disk is copied to a backup first.
   */
  static migrate(db: SqliteDb, file: string, target = LATEST_VERSION, backup = true): boolean {
    const current = Number(db.pluck('PRAGMA user_version'))
    if (current >= target) return false
    if (backup && current > 0 && fs.existsSync(file)) {
      fs.copyFileSync(file, `${file}.v${current}.backup`)
    }
    db.exec('PRAGMA foreign_keys = OFF')
    try {
      for (const migration of MIGRATIONS) {
        if (migration.version <= current || migration.version > target) continue
        db.transaction(() => {
          db.exec(migration.sql)
          migration.backfill?.(db)
          const problems = db.all('PRAGMA foreign_key_check')
          if (problems.length > 0) {
            throw new AttestError(
              'internal',
              `Upgrading to schema ${migration.version} (${migration.name}) left ${problems.length} broken references; the project was not changed.`
            )
          }
          db.exec(`PRAGMA user_version = ${migration.version}`)
        })
      }
    } finally {
      db.exec('PRAGMA foreign_keys = ON')
    }
    return true
  }

  get journalBytes(): number {
    return this.journal?.size ?? 0
  }

  /** The read-only reason, or null when changes are saved. */
  get readOnlyReason(): string | null {
    return this.readOnly?.reason ?? null
  }

  /** Copies what can be read of a damaged project into `<name> (recovered).attest`. */
  salvage(): Promise<SalvageResult> {
    this.assertOpen()
    return salvageProject(this.db, this.path, PRAGMAS, (db) => {
      ProjectStore.migrate(db, this.path, LATEST_VERSION, false)
    })
  }

  get pendingEntries(): number {
    return this.journalSeq - Number(this.metaValue('journal_seq') ?? '0')
  }

  metaValue(key: string): string | undefined {
    return this.db.pluck<string>(`SELECT value FROM meta WHERE key = ?`, [key])
  }

  read<T>(body: (db: SqliteDb) => T): T {
    this.assertOpen()
    return body(this.db)
  }

  /**
   * Runs `body` as one transaction. It returns only after the statements it ran are in the
   * journal on disk; if the journal cannot be written, the transaction is rolled back.
   */
  write<T>(body: (db: SqliteDb) => T): T {
    this.assertOpen()
    const journal = this.journal
    if (!journal || this.readOnly) {
      const name = path.basename(this.path)
      throw new AttestError(
        'read_only',
        this.readOnly?.damaged
          ? `${name} is damaged and open read-only: this change was not saved. Export what can still be read into a new project to go on working.`
          : `${name} is open for reading only: this change was not saved.`
      )
    }
    const result = this.db.write(
      () => body(this.db),
      (statements) => {
        try {
          journal.append({
            seq: this.journalSeq + 1,
            project: this.identity.project,
            generation: this.identity.generation,
            statements
          })
        } catch (error) {
          this.appendFailure = notSavedError(error, path.basename(this.path))
          this.scheduleRetry()
          throw this.appendFailure
        }
        this.journalSeq += 1
      }
    )
    this.appendFailure = null
    this.scheduleCheckpoint()
    return result
  }

  /** Whether changes are reaching the disk: what the window's banner shows. */
  health(): ProjectHealth {
    const problem = this.appendFailure ?? this.checkpointFailure
    return {
      saving: !problem ? 'ok' : problem.code === 'disk_full' ? 'disk_full' : 'failing',
      message: problem?.message ?? null,
      readOnly: this.readOnly?.reason ?? null,
      damaged: this.readOnly?.damaged ?? false,
      pendingEntries: this.pendingEntries
    }
  }

  private scheduleCheckpoint(): void {
    // While a failed checkpoint waits for its retry, writes do not try again each time.
    if (this.checkpointFailure || !this.journal) return
    if (this.journal.size >= this.options.checkpointBytes) {
      this.tryCheckpoint()
      return
    }
    this.armIdleCheckpoint()
  }

  private armIdleCheckpoint(): void {
    if (this.options.idleCheckpointMs <= 0) return
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null
      if (!this.closed) this.tryCheckpoint()
    }, this.options.idleCheckpointMs)
    this.idleTimer.unref()
  }

  /**
   * The user did something (a page, a search, an edit): a waiting idle checkpoint starts its
   * quiet period again. A checkpoint holds the store's thread for as long as sql.js takes to
   * export the whole file (seconds at a million claims), so it waits for a real pause in the
   * work, not only in the writing.
   */
  noteActivity(): void {
    if (this.idleTimer && !this.closed) this.armIdleCheckpoint()
  }

  /**
   * A checkpoint that never throws: on failure the journal keeps every change, the store
   * stays open and the checkpoint is retried with a growing delay.
   */
  tryCheckpoint(): boolean {
    try {
      this.checkpoint()
      return true
    } catch (error) {
      this.checkpointFailure =
        error instanceof AttestError ? error : checkpointError(error, path.basename(this.path))
      this.scheduleRetry()
      return false
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return
    const delay = Math.min(
      MAX_RETRY_MS,
      this.options.retryMs * 2 ** Math.min(this.retryAttempts, 16)
    )
    this.retryAttempts += 1
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.retry()
    }, delay)
    this.retryTimer.unref()
  }

  /** Checks whether the disk takes writes again; runs the checkpoint that failed. */
  private retry(): void {
    if (this.closed) return
    if (this.appendFailure) {
      try {
        this.probeSpace()
        this.appendFailure = null
      } catch (error) {
        this.appendFailure = notSavedError(error, path.basename(this.path))
        this.scheduleRetry()
        return
      }
    }
    if (this.checkpointFailure && !this.tryCheckpoint()) return
    this.retryAttempts = 0
  }

  /** Writes and removes 64 KB beside the project: whether an append has room again. */
  private probeSpace(): void {
    const probe = checkpointTempPath(this.path)
    const fd = storeFs.openSync(probe, 'wx', 0o644)
    try {
      storeFs.writeAllSync(fd, new Uint8Array(64 * 1024))
      storeFs.fsyncSync(fd)
    } finally {
      storeFs.closeSync(fd)
      fs.rmSync(probe, { force: true })
    }
  }

  /** Folds the journal into the project file. Safe to call at any time. */
  checkpoint(): void {
    this.assertOpen()
    // Read-only (asked for, or a damaged file): the file is never written.
    const journal = this.journal
    if (!journal) return
    if (this.idleTimer) {
      clearTimeout(this.idleTimer)
      this.idleTimer = null
    }
    const seqInFile = Number(this.metaValue('journal_seq') ?? 0)
    if (!this.dirty && journal.size === 0 && this.journalSeq === seqInFile) {
      this.checkpointFailure = null
      return
    }
    this.tidySearchIndexes('merge=500,8')
    const setMeta = (seq: number, generation: number): void => {
      this.db.run(
        `INSERT OR REPLACE INTO meta (key, value) VALUES ('journal_seq', ?), ('checkpoint_gen', ?)`,
        [String(seq), String(generation)]
      )
    }
    const generation = this.identity.generation
    setMeta(this.journalSeq, generation + 1)
    try {
      replaceFileVerified(this.path, this.db.export())
    } catch (error) {
      // The file on disk still holds the earlier checkpoint; so must the memory's record of it.
      setMeta(seqInFile, generation)
      throw checkpointError(error, path.basename(this.path))
    }
    this.identity.generation = generation + 1
    this.dirty = false
    this.checkpointFailure = null
    try {
      journal.reset()
    } catch {
      // The file holds every entry; those left in the journal are skipped at the next open.
    }
  }

  /**
   * Loads data in one plain transaction without journaling each statement (benchmarks,
   * large generated fixtures); it reaches the disk at the next checkpoint.
   */
  bulkLoad<T>(body: (db: SqliteDb) => T): T {
    this.assertOpen()
    const result = this.db.transaction(() => body(this.db))
    this.tidySearchIndexes('optimize')
    this.dirty = true
    return result
  }

  /**
   * FTS4 adds a segment to its index with every write; a search reads every segment of
   * every word it looks up. Checkpoints merge a bounded amount (`merge=pages,segments`), a
   * bulk load all of it. The index's content does not change, only its layout, so this is
   * not journaled: the checkpoint right after writes it, or a crash loses only the tidying.
   */
  private tidySearchIndexes(command: 'optimize' | `merge=${number},${number}`): void {
    for (const table of ['claims_fts', 'sources_fts', 'notes_fts']) {
      if (!this.db.pluck(`SELECT 1 FROM sqlite_master WHERE name = ?`, [table])) continue
      this.db.run(`INSERT INTO ${table} (${table}) VALUES (?)`, [command])
    }
  }

  close(): void {
    if (this.closed) return
    if (this.idleTimer) clearTimeout(this.idleTimer)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    try {
      this.checkpoint()
    } finally {
      this.closed = true
      this.journal?.close()
      // After a clean checkpoint the journal is empty: the project file alone holds everything.
      if (this.journal?.size === 0) fs.rmSync(this.journal.file, { force: true })
      this.db.close()
      this.releaseLock()
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new AttestError('io', 'The project is closed.')
  }
}
