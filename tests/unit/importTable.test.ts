import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { parse as csvParse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { cleanControls, writeCsvFile } from '../../src/server/export/csv'
import { runCli } from '../../src/server/cli'
import {
  detectEncoding,
  fieldValue,
  parseTableText,
  readTableFile,
  sniffDelimiter,
  type TableDelimiter
} from '../../src/server/import/tableText'
import { tempDir, tempProject } from './helpers/tempProject'

const FIXTURES = path.join(__dirname, '../fixtures/tables')
const fixture = (name: string) => path.join(FIXTURES, name)

type Project = Awaited<ReturnType<typeof tempProject>>

async function claimTexts(project: Project): Promise<string[]> {
  const { rows } = await call(project, 'claims.list', { offset: 0, limit: 500 })
  return rows.map((row) => row.text).sort()
}

function cli() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } }
}

/** Reads a file back with the table reader: every record's cleaned values. */
function readBack(file: string, delimiter: TableDelimiter): string[][] {
  const records: string[][] = []
  readTableFile(file, { encoding: 'utf-8', delimiter, quote: '"' }, (record) => {
    records.push(record.fields.map(fieldValue))
  })
  return records
}

describe('table encodings', () => {
  const cases: Array<[string, string, boolean]> = [
    ['claims-utf8.csv', 'utf-8', false],
    ['claims-utf8-bom.csv', 'utf-8', true],
    ['claims-utf16le.csv', 'utf-16le', true],
    ['claims-utf16be.csv', 'utf-16be', true],
    ['claims-windows1252.csv', 'windows-1252', false],
    ['claims-shiftjis.csv', 'shift_jis', false]
  ]
  it.each(cases)('detects %s as %s', (name, encoding, bom) => {
    expect(detectEncoding(fs.readFileSync(fixture(name)))).toEqual({ encoding, bom })
  })

  it.each(cases)('imports %s with its accents, kana and tags', async (name) => {
    const project = await tempProject()
    const report = await call(project, 'tables.import', { path: fixture(name), kind: 'claims' })
    expect(report.errors).toEqual([])
    expect(report.imported).toBe(report.rows)
    const texts = await claimTexts(project)
    if (name.includes('shiftjis')) expect(texts).toContain('橋は深夜に閉鎖された')
    else expect(texts).toContain('Le pont a été fermé à minuit')
    if (name.includes('utf')) expect(texts).toContain('Emoji 🚧 on the bridge')
    const tags = await call(project, 'tags.list', {})
    const names = tags.map((tag) => tag.name)
    expect(names).toContain(name.includes('shiftjis') ? '東京' : 'transport')
    // Tags named twice in the file are created once.
    expect(new Set(names).size).toBe(names.length)
  })

  it('reads a Windows-1252 file as something else when told to, and says so', async () => {
    const project = await tempProject()
    const report = await call(project, 'tables.import', {
      path: fixture('claims-windows1252.csv'),
      kind: 'claims',
      encoding: 'utf-8'
    })
    expect(report.settings).toMatchObject({ encoding: 'utf-8', detected: false })
    expect(await claimTexts(project)).toContain('Le pont a \ufffdt\ufffd ferm\ufffd \ufffd minuit')
  })
})

describe('table parsing', () => {
  it('sniffs , ; tab and |', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',')
    expect(sniffDelimiter('a;b;c\n"1,5";2;3\n')).toBe(';')
    expect(sniffDelimiter('a\tb, c, d\n1\t2, 3\n')).toBe('\t')
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|')
  })

  it('reads fields that begin with a bare quote when quoting is none', async () => {
    const project = await tempProject()
    await expect(
      call(project, 'tables.import', { path: fixture('claims-bare-quotes.tsv'), kind: 'claims' })
    ).rejects.toThrow(
      'Line 2 has text after the closing quote of a field; if the file\'s fields may begin with a bare ", read it with quoting set to none.'
    )
    expect(await claimTexts(project)).toEqual([])
    const report = await call(project, 'tables.import', {
      path: fixture('claims-bare-quotes.tsv'),
      kind: 'claims',
      quote: 'none'
    })
    expect(report.settings.delimiter).toBe('\t')
    expect(await claimTexts(project)).toEqual(['"Quoted" at the start', '12" pipe burst'])
  })

  it('agrees with csv-parse on RFC 4180 text', () => {
    const text = 'a,"b ""c""",d\r\n"x\r\ny",,"z"\n\nlast,"",\r\n'
    const ours = parseTableText(text, ',', '"').map((record) => record.fields)
    const theirs = csvParse(text, {
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true
    }) as string[][]
    expect(ours).toEqual(theirs)
    expect(parseTableText(text, ',', '"').map((record) => record.line)).toEqual([1, 2, 5])
  })

  it('any table written by our CSV writer reads back to the same values', async () => {
    const dir = tempDir()
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc
        .array(
          fc.constantFrom(
            '"',
            ',',
            ';',
            '\t',
            '\r',
            '\n',
            '\r\n',
            '\u0000',
            '=',
            "'",
            '🚧',
            'a',
            ' ',
            '+',
            '\u200b'
          ),
          { maxLength: 10 }
        )
        .map((parts) => parts.join(''))
    )
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.tuple(
              fc.array(cell, { minLength: width, maxLength: width }),
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
              fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t')
            )
          ),
        async ([header, rows, delimiter]) => {
          const file = path.join(dir, `table-${run++}.csv`)
          await writeCsvFile(file, header, rows, { delimiter })
          const expected = [header, ...rows].map((row) => row.map((value) => cleanControls(value)))
          expect(readBack(file, delimiter)).toEqual(expected)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('table import', () => {
  function writeTable(text: string, name = 'table.csv'): string {
    const file = path.join(tempDir(), name)
    fs.writeFileSync(file, text)
    return file
  }

  it('refuses a mapping that leaves the claim text empty, changing nothing', async () => {
    const project = await tempProject()
    const file = writeTable('claim words,state\nThe bridge closed,unverified\n')
    await expect(call(project, 'tables.import', { path: file, kind: 'claims' })).rejects.toThrow(
      'The mapping leaves the claim text empty: choose the column that holds it (--map text=COLUMN).'
    )
    const report = await call(project, 'tables.import', {
      path: file,
      kind: 'claims',
      map: { text: ['claim words'], status: ['2'] }
    })
    expect(report.imported).toBe(1)
  })

  it('names the line and column of a status that does not exist; nothing is saved', async () => {
    const project = await tempProject()
    const file = writeTable(
      'text,status\nThe bridge closed,corroborated\n"Two\nlines",maybe\nThe port reopened,Refuted\n'
    )
    const report = await call(project, 'tables.import', { path: file, kind: 'claims' })
    expect(report.imported).toBe(0)
    expect(report.errors).toEqual([
      {
        line: 3,
        column: 'status',
        message:
          '“maybe” is not a status; the statuses are unverified, corroborated, contested, refuted, retracted.'
      }
    ])
    expect(await claimTexts(project)).toEqual([])
    expect((await call(project, 'history.state', {})).canUndo).toBe(false)

    const skipped = await call(project, 'tables.import', {
      path: file,
      kind: 'claims',
      skipInvalid: true
    })
    expect(skipped).toMatchObject({ rows: 3, imported: 2, invalid: 1 })
    expect(await claimTexts(project)).toEqual(['The bridge closed', 'The port reopened'])
  })

  it('skips rows already in the project, creates tags, and undoes in one step', async () => {
    const project = await tempProject()
    await call(project, 'claims.create', { text: 'The bridge closed' })
    await call(project, 'tags.create', { name: 'Transport' })
    const file = writeTable(
      'text;tags;more tags;note\nthe bridge closed;transport;;\nThe port reopened;transport|ports;night;Seen from the quay\n'
    )
    const report = await call(project, 'tables.import', {
      path: file,
      kind: 'claims',
      tagSeparator: '|',
      map: { text: ['text'], tags: ['tags', '3'], note: ['note'] }
    })
    expect(report).toMatchObject({ rows: 2, imported: 1, duplicates: 1, tagsCreated: 2 })
    const { rows } = await call(project, 'claims.list', { offset: 0, limit: 10 })
    const port = rows.find((row) => row.text === 'The port reopened')
    expect(port?.tags.map((tag) => tag.name).sort()).toEqual(['Transport', 'night', 'ports'])
    const notes = await call(project, 'notes.list', { targetId: port?.id ?? '' })
    expect(notes.map((note) => note.body)).toEqual(['Seen from the quay'])
    const history = await call(project, 'history.state', {})
    expect(history.undoLabel).toBe('Import table.csv')
    await call(project, 'history.undo', {})
    expect(await claimTexts(project)).toEqual(['The bridge closed'])
    expect((await call(project, 'tags.list', {})).map((tag) => tag.name)).toEqual(['Transport'])
  })

  it('imports sources, skipping a URL already there', async () => {
    const project = await tempProject()
    await call(project, 'sources.create', { title: 'Old', url: 'https://example.org/a' })
    const file = writeTable(
      'Title\tLink\tPublisher\tReliability\nHarbour report\thttps://example.org/b\tPort authority\tb\nSame\thttps://example.org/a\t\t\n',
      'sources.tsv'
    )
    const report = await call(project, 'tables.import', { path: file, kind: 'sources' })
    expect(report).toMatchObject({ imported: 1, duplicates: 1 })
    const { rows } = await call(project, 'sources.list', { offset: 0, limit: 10 })
    expect(rows.find((row) => row.title === 'Harbour report')).toMatchObject({
      url: 'https://example.org/b',
      publisher: 'Port authority',
      reliability: 'B'
    })
  })

  it('refuses a 2 GB table from its size, before reading it', async () => {
    const project = await tempProject()
    const file = path.join(tempDir(), 'huge.csv')
    fs.writeFileSync(file, 'text\n')
    fs.truncateSync(file, 2 * 1024 ** 3)
    await expect(call(project, 'tables.import', { path: file, kind: 'claims' })).rejects.toThrow(
      '“huge.csv” is 2.0 GB; tables up to 1 GB can be imported. Split it and import the parts.'
    )
  })

  it('imports from the CLI with --map, --no-header and --delimiter', async () => {
    const dir = tempDir()
    const project = path.join(dir, 'p.attest')
    const { out, err, io } = cli()
    expect(await runCli(['new', project], io)).toBe(0)
    const file = path.join(dir, 'claims.txt')
    fs.writeFileSync(file, 'x|The bridge closed|refuted|a,b\ny|The port reopened||b\n')
    const code = await runCli(
      [
        'import',
        project,
        file,
        '--as',
        'claims',
        '--no-header',
        '--delimiter',
        '|',
        '--map',
        'text=2',
        '--map',
        'status=3',
        '--map',
        'tags=4',
        '--tag-separator',
        ','
      ],
      io
    )
    expect(err.join('\n')).toContain(
      'Read as utf-8 (detected), delimiter |, quoting RFC 4180, no header row'
    )
    expect(code).toBe(0)
    expect(out).toContain('2 of 2 rows imported as claims (2 tags created)')

    const bad = cli()
    const failed = await runCli(
      [
        'import',
        project,
        fixture('claims-bare-quotes.tsv'),
        '--as',
        'claims',
        '--quote',
        'none',
        '--map',
        'text=1',
        '--map',
        'status=text'
      ],
      bad.io
    )
    expect(failed).toBe(1)
    expect(bad.err).toContain(
      'attest: line 2, column “text”: “"Quoted" at the start” is not a status; the statuses are unverified, corroborated, contested, refuted, retracted.'
    )
    expect(bad.err.at(-1)).toBe(
      'attest: nothing was imported: 2 of 2 rows are invalid (use --skip-invalid to import the others)'
    )
  })
})
