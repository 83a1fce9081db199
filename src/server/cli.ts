import fs from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { contract } from '../shared/contract'
import { TABLE_FIELDS } from '../shared/contractTables'
import { AttestError } from '../shared/result'
import { terminalSafe } from './terminalText'
import type { DocumentDraft, ReferenceDrafts } from '../shared/documentTypes'
import type { Stats } from '../shared/types'
import { call, openLocalCore, openWorkerCore, type Core } from './core'
import { runExportCommand } from './export/cli'
import { startHttpHost } from './http'
import { openServedCore } from './servedCore'
import { MAX_DOCUMENT_BYTES, tooLargeMessage } from './import/decode'
import { referenceFormat } from './import/referenceFormat'
import { ProjectStore } from './store/projectStore'
import { writeSample } from './sample'
import { defaultProjectPath, readSettings, rememberProject, userDataDir } from './userData'
import { configureDiagnostics, recordUnexpected } from './diagnostics'
import { describeRowError } from './import/tableImport'
import { encodingNamed, type TableDelimiter, type TableEncoding } from './import/tableText'

type TableFieldName = (typeof TABLE_FIELDS)[number]

const HELP = `Attest — sourced, graded claims from articles and reports.

Usage:
  attest new <file>                       Create an empty project file
  attest sample <file>                    Write the sample project (three reports, graded
                                          claims, a disagreement and a briefing) to try Attest
  attest stats <file> [--json]            Count the records in a project
  attest import <file> <documents…>       Import .txt, .md, .html, .pdf or .docx documents, and
                                          reference files (.ris, .bib, CSL-JSON .json): a source each record
         [--skip-invalid] [--allow-duplicates]
         [--take-over]                    (take over a project locked from another computer)
  attest import <file> <table.csv|.tsv>   Import a table of claims or sources
         --as claims|sources [--no-header] [--delimiter ,|;|tab|pipe] [--quote '"'|none]
         [--encoding NAME] [--map FIELD=COLUMN]… [--tag-separator S] [--skip-invalid]
  attest export <file> --out <file>       Export claims, sources, citations or tags as CSV,
         [--what claims|sources|citations|tags]   or claims as a PDF or Word briefing
         [--tag T] [--status S] [--query Q] [--delimiter ,|;|tab] [--no-bom]
         [--format csv|pdf|docx] [--title T] [--author A] [--classification C]
         [--group-by tag|status|source|none] [--briefing NAME]  (a briefing kept in the project)
  attest facts <file> [--source ID] [--json]   Figures and dates found in the sources
  attest discrepancies <file> [--json]    Pairs of figures from different sources, compared
  attest serve [file] [--port N]          Open a project in your browser (127.0.0.1 only)
         [--take-over]                    (take over a project locked from another computer)
  attest --help                           Show this help
  --verbose (with any command)            Print the details of an unexpected error

With no file, serve opens the last project used, or creates one in your user folder.`

export class UsageError extends Error {}

type Output = { out: (line: string) => void; err: (line: string) => void }

function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  maxPositionals: number
) {
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true as const })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0])
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[maxPositionals]}"`)
  }
  return parsed
}

function requireFile(positionals: string[], command: string): string {
  const file = positionals[0]
  if (!file) throw new UsageError(`attest ${command} needs a project file`)
  return path.resolve(file)
}

async function withProject<T>(
  file: string,
  body: (core: Core) => Promise<T>,
  open: { readOnly?: boolean; takeOver?: boolean } = {}
): Promise<T> {
  if (!fs.existsSync(file)) {
    throw new AttestError('not_found', `${file} does not exist`)
  }
  const core = await openLocalCore({
    projectPath: file,
    deviceId: readSettings().deviceId,
    idleCheckpointMs: 0,
    ...open
  })
  try {
    return await body(core)
  } finally {
    await core.close()
  }
}

function formatStats(stats: Stats): string {
  const width = Math.max(...Object.keys(stats).map((key) => key.length))
  return Object.entries(stats)
    .map(([key, value]) => `${key.padEnd(width)}  ${value}`)
    .join('\n')
}

async function serve(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    { port: { type: 'string' }, 'take-over': { type: 'boolean' } },
    1
  )
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${String(values.port)}"`)
  }
  const file = positionals[0] ? path.resolve(positionals[0]) : defaultProjectPath()
  const core = await openServedCore(
    {
      projectPath: file,
      deviceId: readSettings().deviceId,
      create: !positionals[0] || !fs.existsSync(file),
      takeOver: values['take-over'] === true
    },
    openWorkerCore
  )
  // In use by another Attest process: the page names it and offers what can be done.
  const holder = await core.invoke('project.holder', {})
  if (holder.ok && holder.value) {
    io.err(`attest: ${(holder.value as { message: string }).message}`)
  }
  rememberProject(file)
  const host = await startHttpHost({
    core,
    rendererDir: path.join(__dirname, '../renderer'),
    port
  })
  io.out(`Attest is serving ${file} at ${host.url}`)
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await host.close()
  await core.close()
  return 0
}

/** What saving a prepared document sends: the fields the analyst would confirm. */
function sourceInputOf(draft: DocumentDraft) {
  return {
    title: draft.title,
    url: draft.url,
    publisher: draft.publisher,
    author: draft.author,
    publishedAt: draft.publishedAt,
    language: draft.language,
    content: draft.content,
    layout: draft.layout
  }
}

/** Every figure and date found in the sources' clean text (one source with --source). */
async function listFactsCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    { json: { type: 'boolean' }, source: { type: 'string' } },
    1
  )
  const file = requireFile(positionals, 'facts')
  const { facts, origins } = await withProject(file, async (core) => {
    const listed = await call(
      core,
      'facts.list',
      values.source === undefined ? {} : { sourceId: values.source }
    )
    // The first source of each fact's origin (followed through translations of translations).
    const origins = new Map<string, string | null>()
    for (const sourceId of new Set(listed.facts.map((fact) => fact.sourceId))) {
      if (sourceId === null) continue
      let root: string | null = null
      let at: string | null = sourceId
      for (let depth = 0; at !== null && depth < 1000; depth++) {
        const parent: string | null = (await call(core, 'sources.get', { id: at })).originId
        if (parent !== null) root = parent
        at = parent
      }
      origins.set(sourceId, root)
    }
    return { facts: listed.facts, origins }
  })
  if (values.json) {
    // sameOriginAs: the source this fact's source was translated or copied from (first of the
    // chain), null when it is independent.
    const withOrigin = facts.map((fact) => ({
      ...fact,
      sameOriginAs: fact.sourceId === null ? null : (origins.get(fact.sourceId) ?? null)
    }))
    io.out(JSON.stringify({ facts: withOrigin }))
    return 0
  }
  for (const fact of facts) {
    const value =
      fact.kind === 'date'
        ? `${fact.from ?? '?'}..${fact.to ?? ''}`
        : `${fact.low ?? '?'}..${fact.high ?? ''} ${fact.unit ?? ''}`.trim()
    io.out(`${fact.sourceId}  ${fact.kind}  ${value}  ${fact.status}  "${fact.quote}"`)
  }
  return 0
}

/** Pairs of facts from different sources about the same thing, with their outcome. */
async function discrepanciesCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, 1)
  const file = requireFile(positionals, 'discrepancies')
  const { pairs } = await withProject(file, (core) => call(core, 'facts.pairs', {}))
  if (values.json) {
    io.out(JSON.stringify({ pairs }))
    return 0
  }
  for (const pair of pairs) {
    const origin = pair.sameOrigin ? ' [same origin]' : ''
    io.out(`${pair.outcome}${origin}: "${pair.a.quote}" / "${pair.b.quote}" — ${pair.reason}`)
  }
  return 0
}

/**
 * Imports documents as sources. Every document is read and checked first; if any cannot be
 * imported, nothing is (unless --skip-invalid). The same text already in the project is
 * skipped (unless --allow-duplicates).
 */
async function importDocuments(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      'skip-invalid': { type: 'boolean' },
      'allow-duplicates': { type: 'boolean' },
      'take-over': { type: 'boolean' }
    },
    Number.MAX_SAFE_INTEGER
  )
  const project = requireFile(positionals, 'import')
  const documents = positionals.slice(1).map((file) => path.resolve(file))
  if (documents.length === 0) throw new UsageError('attest import needs one or more documents')
  return withProject(
    project,
    async (core) => {
      const drafts: Array<{ file: string; draft: DocumentDraft }> = []
      const problems: string[] = []
      for (const file of documents) {
        let bytes: Buffer
        try {
          // The size is checked before reading: a 600 MB file (even a sparse one) is refused
          // without being read, rather than failing on a string too long to build.
          const stat = fs.statSync(file)
          if (!stat.isFile()) {
            problems.push(`${file} is not a file`)
            continue
          }
          if (stat.size > MAX_DOCUMENT_BYTES) {
            problems.push(tooLargeMessage(file, stat.size))
            continue
          }
          bytes = fs.readFileSync(file)
        } catch (error) {
          problems.push(
            `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (error as Error).message}`
          )
          continue
        }
        const request = {
          fileName: path.basename(file),
          dataBase64: bytes.toString('base64')
        }
        // A reference file (RIS, BibTeX, CSL-JSON) is one draft per record.
        const references = referenceFormat(bytes, file) !== null
        const result = references
          ? await core.invoke('references.prepare', request)
          : await core.invoke('documents.prepare', request)
        if (!result.ok) {
          problems.push(result.error.message)
          continue
        }
        const found = references
          ? (result.value as ReferenceDrafts).drafts
          : [result.value as DocumentDraft]
        for (const draft of found) {
          // Checked as the save will check it, before anything is saved: all or nothing.
          const checked = contract['sources.create'].input.safeParse(sourceInputOf(draft))
          if (checked.success) drafts.push({ file, draft })
          else {
            const reason = checked.error.issues[0]?.message ?? 'it cannot be saved'
            const which = references ? ` (record “${draft.title}”)` : ''
            problems.push(`${path.basename(file)}${which} cannot be imported: ${reason}.`)
          }
        }
      }
      for (const problem of problems) io.err(`attest: ${problem}`)
      if (problems.length > 0 && !values['skip-invalid']) {
        io.err(`attest: nothing was imported (use --skip-invalid to import the other documents)`)
        return 1
      }
      let imported = 0
      const seen = new Set<string>()
      for (const { file, draft } of drafts) {
        const duplicate =
          draft.duplicateOf ??
          (seen.has(draft.contentHash) ? { title: 'an earlier document' } : null)
        if (duplicate && !values['allow-duplicates']) {
          io.out(
            `Skipped ${path.basename(file)}: the same text is already in the project as "${duplicate.title}"`
          )
          continue
        }
        seen.add(draft.contentHash)
        const source = await call(core, 'sources.create', sourceInputOf(draft))
        imported += 1
        const facts = [source.publishedAt, source.language, source.publisher]
          .filter(Boolean)
          .join(', ')
        io.out(`Imported ${path.basename(file)} as "${source.title}"${facts ? ` (${facts})` : ''}`)
      }
      const total = Math.max(documents.length, drafts.length + problems.length)
      io.out(`${imported} of ${total} documents imported`)
      return problems.length > 0 ? 1 : 0
    },
    { takeOver: values['take-over'] === true }
  )
}

const DELIMITER_NAMES: Record<string, TableDelimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\t': '\t',
  '|': '|',
  pipe: '|'
}

/** `attest import <project> <table> --as claims|sources …`: one table, all rows or none. */
async function importTableCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      as: { type: 'string' },
      'no-header': { type: 'boolean' },
      delimiter: { type: 'string' },
      quote: { type: 'string' },
      encoding: { type: 'string' },
      map: { type: 'string', multiple: true },
      'tag-separator': { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      'take-over': { type: 'boolean' }
    },
    2
  )
  const project = requireFile(positionals, 'import')
  const table = positionals[1]
  if (!table) throw new UsageError('attest import --as needs a table file (.csv or .tsv)')
  const kind = values.as
  if (kind !== 'claims' && kind !== 'sources') throw new UsageError('--as is claims or sources')
  let delimiter: TableDelimiter | undefined
  if (values.delimiter !== undefined) {
    delimiter = DELIMITER_NAMES[values.delimiter]
    if (!delimiter) throw new UsageError('--delimiter is one of , ; tab |')
  } else if (/\.tsv$/i.test(table)) delimiter = '\t'
  let quote: '"' | 'none' | undefined
  if (values.quote !== undefined) {
    if (values.quote !== '"' && values.quote !== 'none')
      throw new UsageError(`--quote is '"' or none`)
    quote = values.quote
  }
  let encoding: TableEncoding | undefined
  if (values.encoding !== undefined) {
    encoding = encodingNamed(values.encoding)
    if (!encoding) {
      throw new UsageError(
        `--encoding "${values.encoding}" is not one Attest reads: utf-8, utf-16le, utf-16be, windows-1252, shift_jis`
      )
    }
  }
  const map: Partial<Record<TableFieldName, string[]>> = {}
  for (const entry of values.map ?? []) {
    const at = entry.indexOf('=')
    if (at <= 0 || at === entry.length - 1) {
      throw new UsageError(`--map takes FIELD=COLUMN, not "${entry}"`)
    }
    const field = TABLE_FIELDS.find((name) => name === entry.slice(0, at).trim())
    if (!field) {
      throw new UsageError(
        `--map: "${entry.slice(0, at)}" is not a field; the fields are ${TABLE_FIELDS.join(', ')}`
      )
    }
    ;(map[field] ??= []).push(entry.slice(at + 1))
  }
  const input = {
    path: path.resolve(table),
    kind: kind as 'claims' | 'sources',
    header: !values['no-header'],
    ...(delimiter ? { delimiter } : {}),
    ...(quote ? { quote } : {}),
    ...(encoding ? { encoding } : {}),
    ...(Object.keys(map).length ? { map } : {}),
    ...(values['tag-separator'] !== undefined ? { tagSeparator: values['tag-separator'] } : {}),
    skipInvalid: values['skip-invalid'] === true
  }
  return withProject(
    project,
    async (core) => {
      const report = await call(core, 'tables.import', input)
      const { settings } = report
      const delimiterName = settings.delimiter === '\t' ? 'tab' : settings.delimiter
      io.err(
        `Read as ${settings.encoding}${settings.bom ? ' (with BOM)' : ''}${settings.detected ? ' (detected)' : ''}, delimiter ${delimiterName}, quoting ${settings.quote === 'none' ? 'none' : 'RFC 4180'}, ${settings.header ? 'header row' : 'no header row'}`
      )
      for (const error of report.errors) io.err(`attest: ${terminalSafe(describeRowError(error))}`)
      if (report.invalid > report.errors.length) {
        io.err(`attest: … and ${report.invalid - report.errors.length} more invalid rows`)
      }
      if (report.invalid > 0 && !input.skipInvalid) {
        io.err(
          `attest: nothing was imported: ${report.invalid} of ${report.rows} rows are invalid (use --skip-invalid to import the others)`
        )
        return 1
      }
      const skipped = [
        report.duplicates ? `${report.duplicates} already in the project` : '',
        report.invalid ? `${report.invalid} invalid skipped` : '',
        report.tagsCreated ? `${report.tagsCreated} tags created` : ''
      ].filter(Boolean)
      io.out(
        `${report.imported} of ${report.rows} rows imported as ${kind}${skipped.length ? ` (${skipped.join(', ')})` : ''}`
      )
      return 0
    },
    { takeOver: values['take-over'] === true }
  )
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], io: Output): Promise<number> {
  // --verbose anywhere: unexpected errors print their stack as well as their sentence.
  const verbose = argv.includes('--verbose')
  const [command, ...rest] = argv.filter((arg) => arg !== '--verbose')
  configureDiagnostics({ dir: userDataDir(), echo: verbose ? io.err : null })
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(HELP)
        return command === undefined ? 2 : 0
      case 'new': {
        const { positionals } = parse(rest, {}, 1)
        const file = requireFile(positionals, 'new')
        if (fs.existsSync(file)) throw new AttestError('conflict', `${file} already exists`)
        const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
        store.close()
        io.out(`Created ${file}`)
        return 0
      }
      case 'sample': {
        const { positionals } = parse(rest, {}, 1)
        const file = requireFile(positionals, 'sample')
        if (fs.existsSync(file)) {
          throw new AttestError(
            'conflict',
            `${file} already exists; choose a new file name for the sample project`
          )
        }
        const core = await openLocalCore({
          projectPath: file,
          deviceId: readSettings().deviceId,
          create: true,
          idleCheckpointMs: 0
        })
        let counts
        try {
          counts = await writeSample(core)
        } catch (error) {
          await core.close().catch(() => undefined)
          // Nothing half-written: a sample that failed part-way is not left behind.
          fs.rmSync(file, { force: true })
          throw error
        }
        await core.close()
        io.out(
          `Wrote the sample project to ${file}: ${counts.sources} sources, ${counts.claims} claims, ` +
            `${counts.citations} citations, ${counts.tags} tags and a briefing`
        )
        return 0
      }
      case 'stats': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, 1)
        const file = requireFile(positionals, 'stats')
        // Reads only: no lock, nothing written, so it works beside a running Attest and on a
        // read-only disk.
        const stats = await withProject(file, (core) => call(core, 'stats', {}), {
          readOnly: true
        })
        io.out(values.json ? JSON.stringify(stats) : formatStats(stats))
        return 0
      }
      case 'facts':
        return await listFactsCommand(rest, io)
      case 'discrepancies':
        return await discrepanciesCommand(rest, io)
      case 'import':
        return rest.includes('--as') || rest.some((arg) => arg.startsWith('--as='))
          ? await importTableCommand(rest, io)
          : await importDocuments(rest, io)
      case 'export':
        return await runExportCommand(rest, io)
      case 'serve':
        return await serve(rest, io)
      default:
        throw new UsageError(`Unknown command "${command}" (see attest --help)`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`attest: ${error.message}`)
      return 2
    }
    recordUnexpected(error, `attest ${command ?? ''}`.trim())
    const message = error instanceof Error ? error.message : String(error)
    io.err(`attest: ${message}`)
    return 1
  }
}

/** The `attest` executable's entry point. */
export function main(argv = process.argv.slice(2)): void {
  void runCli(argv, {
    out: (line) => process.stdout.write(`${terminalSafe(line)}\n`),
    err: (line) => process.stderr.write(`${terminalSafe(line)}\n`)
  }).then((code) => {
    process.exitCode = code
  })
}
