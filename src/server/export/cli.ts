import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { ClaimFilter } from '../records/claims'
import type { SourceFilter } from '../records/sources'
import {
  BRIEFING_GROUPINGS,
  EXPORT_KINDS,
  type BriefingGrouping,
  type BriefingOptionsInput,
  type CsvDelimiter,
  type ExportKind,
  type ExportScope
} from '../../shared/contractExports'
import { CLAIM_STATUSES, type ClaimStatus } from '../../shared/domain'
import { AttestError } from '../../shared/result'
import type { Tag } from '../../shared/types'
import { call, openLocalCore, type Core } from '../core'
import { readSettings } from '../userData'
import { findBriefing } from './briefings'
import { checkOutputPath, deliverFile, exportFailureSentence } from './deliver'
import { writeFileAtomic } from '../store/files'
import { briefingDocxWithPictures } from './docxPictures'
import { createPlaywrightPrinter, countPdfPages, writePdfFile } from './pdf'

/**
 * `attest export <project> --format csv|pdf|docx --out <file> [--briefing NAME] …`: the same requests the app uses,
 * run in this process. Every check that can fail is made before anything is written, and the
 * file only appears once it is whole.
 */

type Output = { out: (line: string) => void; err: (line: string) => void }

/** A mistake in the command line: exit code 2. */
class UsageError extends Error {}

const NOUNS: Record<ExportKind, [string, string]> = {
  claims: ['claim', 'claims'],
  sources: ['source', 'sources'],
  citations: ['citation', 'citations'],
  tags: ['tag', 'tags']
}

function count(value: number, kind: ExportKind): string {
  const [one, many] = NOUNS[kind]
  return `${value.toLocaleString('en')} ${value === 1 ? one : many}`
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${what} must be one of ${allowed.join(', ')}, not "${value}"`)
}

function parseDelimiter(value: string | undefined): CsvDelimiter {
  switch (value?.toLowerCase()) {
    case undefined:
    case ',':
    case 'comma':
      return ','
    case ';':
    case 'semicolon':
      return ';'
    case 'tab':
    case '\t':
    case '\\t':
      return '\t'
    default:
      throw new UsageError(`--delimiter must be , or ; or tab, not "${value}"`)
  }
}

function parseStatuses(value: string | undefined): ClaimStatus[] | undefined {
  if (value === undefined) return undefined
  const statuses = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '')
  if (statuses.length === 0) throw new UsageError('--status needs a status')
  return statuses.map((status) => oneOf(status, CLAIM_STATUSES, '--status'))
}

const pathKey = (value: string): string =>
  value
    .split('/')
    .map((part) => part.trim().toLocaleLowerCase())
    .join('/')

/** A tag by its codebook path ("Trade / Rice") or, when unambiguous, its name. */
export function resolveTag(tags: readonly Tag[], wanted: string): Tag {
  const key = pathKey(wanted)
  const byPath = tags.find((tag) => pathKey(tag.path) === key)
  if (byPath) return byPath
  const byName = tags.filter((tag) => tag.name.toLocaleLowerCase() === key)
  if (byName.length === 1 && byName[0]) return byName[0]
  if (byName.length > 1) {
    const paths = byName.map((tag) => `"${tag.path}"`).join(', ')
    throw new AttestError(
      'invalid_input',
      `The tag "${wanted}" is ambiguous; use its path: ${paths}`
    )
  }
  throw new AttestError('not_found', `Unknown tag "${wanted}"`)
}

const INTERCHANGE = ['csl', 'claimreview', 'annotations'] as const
type Interchange = (typeof INTERCHANGE)[number]
const isInterchange = (format: string): format is Interchange =>
  (INTERCHANGE as readonly string[]).includes(format)

type Choices = {
  project: string
  out: string
  format: 'csv' | 'pdf' | 'docx' | Interchange
  baseUrl: string | undefined
  what: ExportKind
  tag: string | undefined
  status: ClaimStatus[] | undefined
  query: string | undefined
  delimiter: CsvDelimiter
  bom: boolean
  title: string | undefined
  author: string
  classification: string
  groupBy: BriefingGrouping
  briefing: string | undefined
}

const BRIEFING_ONLY = ['title', 'author', 'classification', 'group-by'] as const

function parseChoices(args: string[]): Choices {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        what: { type: 'string' },
        out: { type: 'string', short: 'o' },
        tag: { type: 'string' },
        status: { type: 'string' },
        query: { type: 'string' },
        delimiter: { type: 'string' },
        'no-bom': { type: 'boolean' },
        title: { type: 'string' },
        author: { type: 'string' },
        classification: { type: 'string' },
        'group-by': { type: 'string' },
        briefing: { type: 'string' },
        'base-url': { type: 'string' }
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0])
  }
  const { values, positionals } = parsed
  if (positionals.length === 0) throw new UsageError('attest export needs a project file')
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}"`)
  if (!values.out) throw new UsageError('attest export needs --out <file>')
  const out = path.resolve(values.out)
  const format = oneOf(
    (values.format ?? /\.(pdf|docx)$/i.exec(out)?.[1] ?? 'csv').toLowerCase(),
    ['csv', 'pdf', 'docx', ...INTERCHANGE] as const,
    '--format'
  )
  if (isInterchange(format)) {
    const other = (
      [
        'what',
        'tag',
        'status',
        'query',
        'delimiter',
        'no-bom',
        'title',
        'classification',
        'group-by'
      ] as const
    ).find((name) => values[name] !== undefined)
    if (other) throw new UsageError(`--${other} is not for --format ${format}`)
    if (values['base-url'] !== undefined && format !== 'claimreview') {
      throw new UsageError('--base-url is for --format claimreview')
    }
  } else if (values['base-url'] !== undefined) {
    throw new UsageError('--base-url is for --format claimreview')
  }
  const what = oneOf((values.what ?? 'claims').toLowerCase(), EXPORT_KINDS, '--what')
  if (format !== 'csv' && !isInterchange(format) && what !== 'claims') {
    throw new UsageError(
      `A ${format === 'pdf' ? 'PDF' : 'Word'} briefing is made of claims; leave out --what or use --format csv`
    )
  }
  const status = parseStatuses(values.status)
  if (status && what === 'sources') {
    throw new UsageError('--status filters claims; sources have no status')
  }
  const briefingOnly = BRIEFING_ONLY.find((name) => values[name] !== undefined)
  if (format === 'csv' && briefingOnly) {
    throw new UsageError(`--${briefingOnly} is for briefings (--format pdf or docx)`)
  }
  if (values.briefing !== undefined) {
    if (format === 'csv' || isInterchange(format))
      throw new UsageError('--briefing is for briefings (--format pdf or docx)')
    const own = (['tag', 'status', 'query', ...BRIEFING_ONLY] as const).find(
      (name) => values[name] !== undefined
    )
    if (own) {
      throw new UsageError(
        `--briefing takes its scope and byline from the project; leave out --${own}`
      )
    }
  }
  if (
    format !== 'csv' &&
    !isInterchange(format) &&
    (values.delimiter !== undefined || values['no-bom'])
  ) {
    throw new UsageError('--delimiter and --no-bom are for CSV files')
  }
  return {
    project: path.resolve(positionals[0] as string),
    out,
    format,
    baseUrl: values['base-url'],
    what,
    tag: values.tag,
    status,
    query: values.query?.trim() || undefined,
    delimiter: parseDelimiter(values.delimiter),
    bom: !values['no-bom'],
    title: values.title,
    author: values.author ?? '',
    classification: values.classification ?? '',
    groupBy: oneOf((values['group-by'] ?? 'tag').toLowerCase(), BRIEFING_GROUPINGS, '--group-by'),
    briefing: values.briefing
  }
}

async function scopeFor(core: Core, choices: Choices): Promise<ExportScope> {
  const tagId = choices.tag
    ? resolveTag(await call(core, 'tags.list', {}), choices.tag).id
    : undefined
  if (!tagId && !choices.status && !choices.query) return { type: 'all' }
  if (choices.what === 'tags' && tagId && !choices.status && !choices.query) {
    return { type: 'tag', tagId }
  }
  if (choices.what === 'sources') {
    const filter: SourceFilter = {}
    if (tagId) filter.tagIds = [tagId]
    if (choices.query) filter.query = choices.query
    return { type: 'sources', filter }
  }
  const filter: ClaimFilter = {}
  if (tagId) filter.tagIds = [tagId]
  if (choices.status) filter.status = choices.status
  if (choices.query) filter.query = choices.query
  return { type: 'claims', filter }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function exportCsv(core: Core, choices: Choices, io: Output): Promise<void> {
  const scope = await scopeFor(core, choices)
  const { jobId } = await call(core, 'export.start', {
    what: choices.what,
    scope,
    delimiter: choices.delimiter,
    bom: choices.bom
  })
  // Ctrl+C stops the job; its temp file is removed and nothing reaches --out.
  const interrupt = (): void => void core.invoke('export.cancel', { jobId })
  process.once('SIGINT', interrupt)
  try {
    let status = await call(core, 'export.status', { jobId })
    while (status.state === 'running') {
      await sleep(20)
      status = await call(core, 'export.status', { jobId })
    }
    if (status.state === 'cancelled') throw new AttestError('cancelled', 'Export cancelled')
    if (status.state === 'failed') throw new AttestError('io', status.error ?? 'Export failed')
    const file = await call(core, 'export.file', { jobId })
    await deliverFile(file.path, choices.out)
    io.out(`Exported ${count(file.rows, choices.what)} to ${choices.out}`)
  } finally {
    process.off('SIGINT', interrupt)
    await core.invoke('export.release', { jobId })
  }
}

/** The stored briefing named by --briefing, or one made from the scope flags. */
async function briefingOptionsFor(core: Core, choices: Choices): Promise<BriefingOptionsInput> {
  if (choices.briefing !== undefined) {
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...stored
    } = findBriefing(await call(core, 'briefings.list', {}), choices.briefing)
    return stored
  }
  const project = path.basename(choices.project).replace(/\.attest$/i, '')
  return {
    title: choices.title?.trim() || `Briefing: ${project}`,
    author: choices.author,
    classification: choices.classification,
    groupBy: choices.groupBy,
    scope: await scopeFor(core, choices)
  }
}

async function exportPdf(core: Core, choices: Choices, io: Output): Promise<void> {
  const options = await briefingOptionsFor(core, choices)
  const briefing = await call(core, 'briefing.html', { ...options, fonts: 'file' })
  const printer = createPlaywrightPrinter()
  try {
    const pdf = await printer.printHtml(briefing.html, briefing.headerFooter)
    await writePdfFile(choices.out, pdf)
    const pages = countPdfPages(pdf)
    io.out(
      `Exported a ${pages}-page briefing of ${count(briefing.claims, 'claims')} to ${choices.out}`
    )
  } finally {
    await printer.close()
  }
}

async function exportDocx(core: Core, choices: Choices, io: Output): Promise<void> {
  const options = await briefingOptionsFor(core, choices)
  const printer = createPlaywrightPrinter()
  try {
    const { docx, picturesMissing } = await briefingDocxWithPictures(core, options, printer, 'file')
    writeFileAtomic(choices.out, Buffer.from(docx.dataBase64, 'base64'))
    if (picturesMissing !== null) {
      io.err(
        `attest: the charts and the timeline drawing were left out of the Word document: ${picturesMissing}`
      )
    }
    io.out(`Exported a Word briefing of ${count(docx.claims, 'claims')} to ${choices.out}`)
  } finally {
    await printer.close()
  }
}

const INTERCHANGE_NOUNS: Record<Interchange, [string, string]> = {
  csl: ['source as CSL-JSON', 'sources as CSL-JSON'],
  claimreview: ['claim review (schema.org ClaimReview)', 'claim reviews (schema.org ClaimReview)'],
  annotations: ['citation as a Web Annotation', 'citations as Web Annotations']
}

async function exportInterchange(
  core: Core,
  choices: Choices,
  format: Interchange,
  io: Output
): Promise<void> {
  const file = await call(core, 'export.interchange', {
    format,
    ...(choices.author ? { author: choices.author } : {}),
    ...(choices.baseUrl !== undefined ? { baseUrl: choices.baseUrl } : {})
  })
  writeFileAtomic(choices.out, Buffer.from(file.text, 'utf8'))
  const [one, many] = INTERCHANGE_NOUNS[format]
  io.out(
    `Exported ${file.records.toLocaleString('en')} ${file.records === 1 ? one : many} to ${choices.out}`
  )
}

/** Runs `attest export …`; returns the exit code. Errors are one line on stderr. */
export async function runExportCommand(args: string[], io: Output): Promise<number> {
  try {
    const choices = parseChoices(args)
    if (!fs.existsSync(choices.project)) {
      throw new AttestError('not_found', `${choices.project} does not exist`)
    }
    await checkOutputPath(choices.out)
    const core = await openLocalCore({
      projectPath: choices.project,
      deviceId: readSettings().deviceId,
      idleCheckpointMs: 0,
      // Exporting only reads the project: no lock is taken and nothing beside it is written.
      readOnly: true
    })
    try {
      if (isInterchange(choices.format)) await exportInterchange(core, choices, choices.format, io)
      else if (choices.format === 'pdf') await exportPdf(core, choices, io)
      else if (choices.format === 'docx') await exportDocx(core, choices, io)
      else await exportCsv(core, choices, io)
    } finally {
      await core.close()
    }
    return 0
  } catch (error) {
    const message = exportFailureSentence(error)
    io.err(`attest: ${message.split('\n')[0]}`)
    if (error instanceof UsageError) return 2
    return error instanceof AttestError && error.code === 'cancelled' ? 130 : 1
  }
}
