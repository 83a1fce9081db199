import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ParsedInput } from '../../shared/contract'
import type { ExportKind } from '../../shared/contractExports'
import type {
  ExportFile,
  ExportJobState,
  ExportStarted,
  ExportStatus
} from '../../shared/exportTypes'
import { AttestError } from '../../shared/result'
import type { CoreContext } from '../records/context'
import type { ProjectStore } from '../store/projectStore'
import { isDiskFull } from '../store/storeFs'
import { abortError, writeCsvFile, type CsvValue } from './csv'
import { csvTable, type CsvTable } from './tables'

/**
 * CSV exports as background jobs. The store answers requests one at a time, so a job cannot
 * hold the queue: `export.start` answers at once and the job reads one page of rows, writes
 * it, and yields to the event loop, so `export.status` and `export.cancel` (and the user's
 * edits) are answered while it runs. The file is written to a private temp folder (temp →
 * fsync → rename, see writeCsvFile) and handed to a front door by `export.file`; a cancelled
 * or failed job leaves nothing behind.
 */

/** Rows read per page: large enough to amortise the page query, small enough to stay snappy. */
export const EXPORT_PAGE_ROWS = 5_000
const MAX_RUNNING_JOBS = 3
/** A finished file nobody fetched is removed after this long. */
const KEEP_FINISHED_MS = 60 * 60 * 1000
/** Folders left behind by a process that crashed are swept after this long. */
const STALE_FOLDER_MS = 24 * 60 * 60 * 1000
const FOLDER_PREFIX = 'attest-export-'

type Job = {
  id: string
  what: ExportKind
  state: ExportJobState
  rows: number
  total: number
  fileName: string
  bytes: number | null
  error: string | null
  dir: string
  controller: AbortController
  expiry: NodeJS.Timeout | null
  finished: Promise<void>
}

const jobsByStore = new WeakMap<ProjectStore, Map<string, Job>>()
/** Every folder this thread made, removed when it exits whatever state the jobs are in. */
const liveFolders = new Set<string>()
let exitHookInstalled = false
let swept = false

/** Where export folders go: the OS temp folder, or ATTEST_TMPDIR (tests). */
export function exportTempRoot(): string {
  return process.env.ATTEST_TMPDIR || os.tmpdir()
}

function jobsOf(ctx: CoreContext): Map<string, Job> {
  let jobs = jobsByStore.get(ctx.store)
  if (!jobs) {
    jobs = new Map()
    jobsByStore.set(ctx.store, jobs)
  }
  return jobs
}

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const dir of liveFolders) fs.rmSync(dir, { recursive: true, force: true })
  })
}

/** Best effort: remove folders of exports a crashed process never delivered. */
function sweepStaleFolders(root: string): void {
  if (swept) return
  swept = true
  try {
    const now = Date.now()
    for (const name of fs.readdirSync(root)) {
      if (!name.startsWith(FOLDER_PREFIX)) continue
      const dir = path.join(root, name)
      const age = now - fs.statSync(dir).mtimeMs
      if (age > STALE_FOLDER_MS) fs.rmSync(dir, { recursive: true, force: true })
    }
  } catch {
    // The temp folder may hold entries we cannot stat; they are not ours.
  }
}

function removeFolder(job: Job): void {
  if (job.expiry) clearTimeout(job.expiry)
  job.expiry = null
  fs.rmSync(job.dir, { recursive: true, force: true })
  liveFolders.delete(job.dir)
}

/** A file name from the project's name, what is exported and today's date. */
export function exportFileName(projectPath: string, what: ExportKind, now = new Date()): string {
  const project = path
    .basename(projectPath)
    .replace(/\.attest$/i, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
  const date = now.toISOString().slice(0, 10)
  return `${project ? `${project}-` : ''}${what}-${date}.csv`
}

function statusOf(job: Job): ExportStatus {
  return {
    jobId: job.id,
    what: job.what,
    state: job.state,
    rows: job.rows,
    total: job.total,
    fileName: job.fileName,
    bytes: job.bytes,
    error: job.error
  }
}

function requireJob(ctx: CoreContext, jobId: string): Job {
  const job = jobsOf(ctx).get(jobId)
  if (!job) {
    throw new AttestError('not_found', 'That export is no longer available; start it again.')
  }
  return job
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

async function* pagedRows(
  ctx: CoreContext,
  table: CsvTable,
  seqs: readonly number[],
  signal: AbortSignal
): AsyncGenerator<CsvValue[]> {
  for (let start = 0; start < seqs.length; start += EXPORT_PAGE_ROWS) {
    if (signal.aborted) throw abortError(signal.reason)
    const page = ctx.store.read((db) => table.page(db, seqs.slice(start, start + EXPORT_PAGE_ROWS)))
    yield* page
    // Let queued requests (status, cancel, edits) run between pages.
    await nextTurn()
  }
}

async function run(
  ctx: CoreContext,
  job: Job,
  table: CsvTable,
  options: { delimiter: ',' | ';' | '\t'; bom: boolean }
): Promise<void> {
  const signal = job.controller.signal
  try {
    await nextTurn()
    if (signal.aborted) throw abortError(signal.reason)
    const seqs = ctx.store.read((db) => table.snapshot(db))
    job.total = seqs.length
    const target = path.join(job.dir, job.fileName)
    const result = await writeCsvFile(target, table.header, pagedRows(ctx, table, seqs, signal), {
      ...options,
      signal,
      totalRows: seqs.length,
      onProgress: (rows) => {
        job.rows = rows
      }
    })
    if (signal.aborted) throw abortError(signal.reason)
    job.rows = result.rows
    job.bytes = fs.statSync(target).size
    job.state = 'done'
    job.expiry = setTimeout(() => {
      removeFolder(job)
      jobsOf(ctx).delete(job.id)
    }, KEEP_FINISHED_MS)
    job.expiry.unref()
  } catch (error) {
    removeFolder(job)
    if (signal.aborted || (error instanceof Error && error.name === 'AbortError')) {
      job.state = 'cancelled'
    } else {
      job.state = 'failed'
      job.error = describeFailure(error)
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof AttestError) return error.message
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (isDiskFull(error)) return 'The disk is full; the export was not written.'
  if (code === 'EACCES' || code === 'EPERM') {
    return 'The temporary folder cannot be written to; the export was not written.'
  }
  const message = error instanceof Error ? error.message : String(error)
  return `The export failed: ${message}`
}

export function startExport(ctx: CoreContext, input: ParsedInput<'export.start'>): ExportStarted {
  const jobs = jobsOf(ctx)
  const running = [...jobs.values()].filter((job) => job.state === 'running').length
  if (running >= MAX_RUNNING_JOBS) {
    throw new AttestError(
      'conflict',
      `${MAX_RUNNING_JOBS} exports are already running; wait for one to finish.`
    )
  }
  const { table, total } = ctx.store.read((db) => {
    const table = csvTable(ctx, db, input.what, input.scope)
    return { table, total: table.count(db) }
  })
  const root = exportTempRoot()
  sweepStaleFolders(root)
  installExitHook()
  const dir = fs.mkdtempSync(path.join(root, FOLDER_PREFIX))
  liveFolders.add(dir)
  const job: Job = {
    id: randomBytes(16).toString('hex'),
    what: input.what,
    state: 'running',
    rows: 0,
    total,
    fileName: exportFileName(ctx.store.path, input.what),
    bytes: null,
    error: null,
    dir,
    controller: new AbortController(),
    expiry: null,
    finished: Promise.resolve()
  }
  jobs.set(job.id, job)
  job.finished = run(ctx, job, table, { delimiter: input.delimiter, bom: input.bom })
  return { jobId: job.id, total, fileName: job.fileName }
}

export function exportStatus(ctx: CoreContext, jobId: string): ExportStatus {
  return statusOf(requireJob(ctx, jobId))
}

/**
 * Stops a running job (its status turns "cancelled" once the current page is done; the temp
 * file is removed) or discards a finished one.
 */
export function cancelExport(ctx: CoreContext, jobId: string): ExportStatus {
  const job = requireJob(ctx, jobId)
  if (job.state === 'running') job.controller.abort()
  if (job.state === 'done') {
    removeFolder(job)
    job.state = 'cancelled'
  }
  return statusOf(job)
}

export function exportFile(ctx: CoreContext, jobId: string): ExportFile {
  const job = requireJob(ctx, jobId)
  if (job.state !== 'done') {
    const why =
      job.state === 'running'
        ? 'The export is still running.'
        : job.state === 'failed'
          ? (job.error ?? 'The export failed.')
          : 'The export was cancelled.'
    throw new AttestError('conflict', why)
  }
  return {
    path: path.join(job.dir, job.fileName),
    fileName: job.fileName,
    bytes: job.bytes ?? 0,
    rows: job.rows
  }
}

export async function releaseExport(
  ctx: CoreContext,
  jobId: string
): Promise<{ released: boolean }> {
  const jobs = jobsOf(ctx)
  const job = jobs.get(jobId)
  if (!job) return { released: false }
  if (job.state === 'running') {
    job.controller.abort()
    await job.finished
  }
  removeFolder(job)
  jobs.delete(jobId)
  return { released: true }
}
