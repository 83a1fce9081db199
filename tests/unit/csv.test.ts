import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cleanControls,
  csvCell,
  csvLine,
  neutralizeFormula,
  writeCsvFile,
  type CsvOptions,
  type CsvValue
} from '../../src/server/export/csv'
import { clearFaults, injectFault } from '../../src/server/store/storeFs'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attest-csv-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const COMMA: CsvOptions = { delimiter: ',', bom: true }
const DELIMITERS: CsvOptions['delimiter'][] = [',', ';', '\t']

function parseCsv(text: string, delimiter: string): string[][] {
  return parse(text, {
    bom: true,
    delimiter,
    relax_column_count: false,
    record_delimiter: ['\r\n']
  }) as string[][]
}

let fileCounter = 0
const nextPath = (): string => join(dir, `out-${++fileCounter}.csv`)

describe('neutralizeFormula', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['', ''],
    ["'already", "'already"],
    // A trigger hidden behind invisible characters is still a trigger.
    ['\u202e=1+1', "'\u202e=1+1"],
    ['\u200b\u2066@SUM(A1)', "'\u200b\u2066@SUM(A1)"],
    ['\ufeff+1', "'\ufeff+1"],
    ['\u0000=1', "'\u0000=1"],
    // DDE and percent-encoded payloads.
    ["|cmd '/C calc'!A0", "'|cmd '/C calc'!A0"],
    ['%0A=1+1', "'%0A=1+1"],
    // Fullwidth forms that East Asian locales fold to ASCII.
    ['\uff1d1+1', "'\uff1d1+1"],
    ['\uff0b1', "'\uff0b1"],
    ['\uff20cmd', "'\uff20cmd"],
    // Right-to-left text that merely contains a mark is left as written.
    ['\u202bשלום\u202c', '\u202bשלום\u202c'],
    ['a|b', 'a|b']
  ])('%j → %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected)
  })
})

describe('cleanControls', () => {
  it('removes NUL and shows other C0 controls as U+FFFD, keeping TAB, LF and CR', () => {
    expect(cleanControls('a\u0000b')).toBe('ab')
    expect(cleanControls('a\u0001b\u001fc')).toBe('a\ufffdb\ufffdc')
    expect(cleanControls('a\tb\nc\rd')).toBe('a\tb\nc\rd')
  })

  it('writes no NUL byte into a cell and still neutralises what it hid', () => {
    expect(csvCell('\u0000=1+1', COMMA)).toBe("'=1+1")
    expect(csvLine(['x\u0000y', 'z'], COMMA)).toBe('xy,z\r\n')
  })
})

describe('csvCell / csvLine', () => {
  it('quotes delimiters, quotes, CR, LF and edge spaces', () => {
    expect(csvCell('a,b', COMMA)).toBe('"a,b"')
    expect(csvCell('say "hi"', COMMA)).toBe('"say ""hi"""')
    expect(csvCell('line1\nline2', COMMA)).toBe('"line1\nline2"')
    expect(csvCell('a\rb', COMMA)).toBe('"a\rb"')
    expect(csvCell(' padded', COMMA)).toBe('" padded"')
    expect(csvCell('padded ', COMMA)).toBe('"padded "')
    expect(csvCell('plain', COMMA)).toBe('plain')
    expect(csvCell('a;b', COMMA)).toBe('a;b')
    expect(csvCell('a;b', { delimiter: ';', bom: true })).toBe('"a;b"')
    expect(csvCell('a\tb', { delimiter: '\t', bom: true })).toBe('"a\tb"')
  })

  it('writes null as empty and numbers plainly, never neutralising them', () => {
    expect(csvCell(null, COMMA)).toBe('')
    expect(csvCell(-5, COMMA)).toBe('-5')
    expect(csvCell(3.25, COMMA)).toBe('3.25')
    expect(csvCell(0, COMMA)).toBe('0')
    expect(csvCell('-5', COMMA)).toBe("'-5")
  })

  it('neutralises before quoting', () => {
    expect(csvCell('=1,2', COMMA)).toBe('"\'=1,2"')
    expect(csvCell('\tx', { delimiter: '\t', bom: true })).toBe('"\'\tx"')
  })

  it('ends lines with CRLF and keeps a lone empty field visible', () => {
    expect(csvLine(['a', null, 3], COMMA)).toBe('a,,3\r\n')
    expect(csvLine([''], COMMA)).toBe('""\r\n')
    expect(csvLine([null], COMMA)).toBe('""\r\n')
    expect(csvLine(['x', 'y'], { delimiter: ';', bom: false })).toBe('x;y\r\n')
  })
})

describe('writeCsvFile', () => {
  const spectrum: Array<[string, CsvValue[][]]> = [
    ['simple', [['a', 'b', 'c']]],
    ['comma in quoted field', [['John "Da Man"', 'Repici', '120 Jefferson St.']]],
    ['embedded quotes', [['"', '""', 'say "what"']]],
    ['newlines', [['line 1\nline 2', 'crlf\r\ninside', 'lone\rcr']]],
    [
      'empty fields',
      [
        ['', '', ''],
        [null, 'x', null]
      ]
    ],
    [
      'utf-8 multi-byte',
      [
        ['Phạm Minh Chính', '日本', 'Außenminister'],
        ['😀👍🏽', 'Ελλάδα', 'עברית']
      ]
    ],
    ['edge spaces', [[' lead', 'trail ', ' both ']]],
    ['numbers', [[1, -2.5, 1e21]]]
  ]

  for (const delimiter of DELIMITERS) {
    for (const bom of [true, false]) {
      for (const [name, rows] of spectrum) {
        it(`round-trips ${name} (delimiter ${JSON.stringify(delimiter)}, bom ${bom})`, async () => {
          const path = nextPath()
          const header = ['one', 'two', 'three']
          const result = await writeCsvFile(path, header, rows, { delimiter, bom })
          const bytes = await readFile(path)
          expect(result.rows).toBe(rows.length)
          expect(result.bytes).toBe(bytes.length)
          expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf).toBe(bom)
          const text = bytes.toString('utf8')
          expect(text.endsWith('\r\n')).toBe(true)
          const parsed = parseCsv(text, delimiter)
          expect(parsed[0]).toEqual(header)
          expect(parsed.slice(1)).toEqual(
            rows.map((row) =>
              row.map((cell) =>
                cell === null ? '' : typeof cell === 'number' ? String(cell) : cell
              )
            )
          )
        })
      }
    }
  }

  it('writes the exact expected bytes for a small file', async () => {
    const path = nextPath()
    await writeCsvFile(path, ['id', 'text'], [[1, 'a "b", c']], { delimiter: ',', bom: true })
    expect((await readFile(path)).toString('utf8')).toBe('\uFEFFid,text\r\n1,"a ""b"", c"\r\n')
  })

  it('neutralises formulas in the written file', async () => {
    const path = nextPath()
    await writeCsvFile(path, ['v'], [['=1+1'], ['+49 30 1234'], ['@SUM(A1)'], ['-x'], [-7]])
    const parsed = parseCsv(await readFile(path, 'utf8'), ',')
    expect(parsed.slice(1).map((r) => r[0])).toEqual([
      "'=1+1",
      "'+49 30 1234",
      "'@SUM(A1)",
      "'-x",
      '-7'
    ])
  })

  it('streams async iterables and reports progress', async () => {
    const path = nextPath()
    const total = 20_000
    async function* gen(): AsyncGenerator<CsvValue[]> {
      for (let i = 0; i < total; i++) yield [i, `row ${i} with some padding text, "quoted"`]
    }
    const progress: number[] = []
    const result = await writeCsvFile(path, ['n', 'text'], gen(), {
      totalRows: total,
      onProgress: (rows, totalRows) => {
        expect(totalRows).toBe(total)
        progress.push(rows)
      }
    })
    expect(result.rows).toBe(total)
    expect(progress.length).toBeGreaterThan(5)
    expect(progress.at(-1)).toBe(total)
    expect([...progress].sort((a, b) => a - b)).toEqual(progress)
    const parsed = parseCsv(await readFile(path, 'utf8'), ',')
    expect(parsed).toHaveLength(total + 1)
    expect(parsed[total]).toEqual([
      String(total - 1),
      `row ${total - 1} with some padding text, "quoted"`
    ])
  })

  it('round-trips arbitrary Unicode strings (property)', async () => {
    const special = fc.constantFrom(
      '"',
      ',',
      ';',
      '\t',
      '\r',
      '\n',
      '\r\n',
      '=',
      '+',
      '-',
      '@',
      ' ',
      ''
    )
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      special
    )
    const cell = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''))
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.tuple(
              fc.constant(width),
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
              fc.constantFrom(...DELIMITERS),
              fc.boolean()
            )
          ),
        async ([width, rows, delimiter, bom]) => {
          const path = nextPath()
          const header = Array.from({ length: width }, (_, i) => `col${i}`)
          await writeCsvFile(path, header, rows, { delimiter, bom })
          const parsed = parseCsv(await readFile(path, 'utf8'), delimiter)
          expect(parsed[0]).toEqual(header)
          expect(parsed.slice(1)).toEqual(
            rows.map((row) => row.map((value) => neutralizeFormula(cleanControls(value))))
          )
          await rm(path)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('leaves neither file nor temp file behind when aborted mid-way', async () => {
    const path = join(dir, 'aborted.csv')
    const controller = new AbortController()
    async function* gen(): AsyncGenerator<CsvValue[]> {
      for (let i = 0; i < 100_000; i++) {
        if (i === 30_000) controller.abort()
        yield [i, 'some text that makes the file grow past a few chunks']
      }
    }
    const promise = writeCsvFile(path, ['n', 'text'], gen(), { signal: controller.signal })
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' })
    await expect(promise).rejects.toBeInstanceOf(Error)
    const names = await readdir(dir)
    expect(names.filter((n) => n.startsWith('aborted.csv'))).toEqual([])
  })

  it('rejects immediately for an already aborted signal', async () => {
    const path = join(dir, 'pre-aborted.csv')
    const promise = writeCsvFile(path, ['a'], [['x']], { signal: AbortSignal.abort() })
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' })
    expect((await readdir(dir)).filter((n) => n.startsWith('pre-aborted.csv'))).toEqual([])
  })

  it('leaves an existing target untouched when aborted', async () => {
    const path = join(dir, 'existing-abort.csv')
    await writeFile(path, 'previous export\r\n')
    const controller = new AbortController()
    function* gen(): Generator<CsvValue[]> {
      for (let i = 0; i < 50_000; i++) {
        if (i === 40_000) controller.abort()
        yield [i, 'new data that must never replace the previous export']
      }
    }
    await expect(
      writeCsvFile(path, ['n', 'text'], gen(), { signal: controller.signal })
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(await readFile(path, 'utf8')).toBe('previous export\r\n')
    expect((await readdir(dir)).filter((n) => n.startsWith('existing-abort.csv'))).toEqual([
      'existing-abort.csv'
    ])
  })

  it('on a full disk (ENOSPC half-way through the first 64 KB chunk) keeps the old file, no temp', async () => {
    const path = join(dir, 'existing-full.csv')
    await writeFile(path, 'previous export\r\n')
    injectFault({ op: 'write', code: 'ENOSPC', match: 'existing-full.csv', partial: true })
    let chunks = 0
    const rows = function* (): Generator<CsvValue[]> {
      for (let i = 0; i < 50_000; i++) yield [i, 'text that fills the disk']
    }
    try {
      await expect(
        writeCsvFile(path, ['n', 'text'], rows(), { onProgress: () => (chunks += 1) })
      ).rejects.toMatchObject({ code: 'ENOSPC' })
    } finally {
      clearFaults()
    }
    expect(chunks).toBe(0)
    expect(await readFile(path, 'utf8')).toBe('previous export\r\n')
    expect((await readdir(dir)).filter((n) => n.startsWith('existing-full.csv'))).toEqual([
      'existing-full.csv'
    ])
  })

  it('leaves an existing target untouched when the row source fails', async () => {
    const path = join(dir, 'existing-error.csv')
    await writeFile(path, 'previous export\r\n')
    async function* gen(): AsyncGenerator<CsvValue[]> {
      for (let i = 0; i < 30_000; i++) yield [i, 'partial data, never to be seen']
      throw new Error('database went away')
    }
    await expect(writeCsvFile(path, ['n', 'text'], gen())).rejects.toThrow('database went away')
    expect(await readFile(path, 'utf8')).toBe('previous export\r\n')
    expect((await readdir(dir)).filter((n) => n.startsWith('existing-error.csv'))).toEqual([
      'existing-error.csv'
    ])
  })

  it('fails cleanly when the target directory does not exist', async () => {
    const path = join(dir, 'missing-dir', 'x.csv')
    await expect(writeCsvFile(path, ['a'], [['x']])).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('replaces an existing target on success', async () => {
    const path = join(dir, 'replace.csv')
    await writeFile(path, 'old')
    await writeCsvFile(path, ['a'], [['new']], { bom: false })
    expect(await readFile(path, 'utf8')).toBe('a\r\nnew\r\n')
    expect((await readdir(dir)).filter((n) => n.startsWith('replace.csv'))).toEqual(['replace.csv'])
  })
})
