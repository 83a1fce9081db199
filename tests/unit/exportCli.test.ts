import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { seedBriefingProject, SCRIPT_CLAIM } from './helpers/briefingProject'
import { REPO_ROOT } from './helpers/tempProject'

/** `attest export` as a user runs it (needs `npx electron-vite build`). */

function attest(args: string[], home: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

let dir = ''
let project = ''
let home = ''

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-cli-export-'))
  home = path.join(dir, 'home')
  project = path.join(dir, 'trade.attest')
  const core = await openLocalCore({
    projectPath: project,
    deviceId: 'cli-test',
    create: true,
    idleCheckpointMs: 0
  })
  await seedBriefingProject(core)
  await call(core, 'briefings.create', {
    title: 'Weekly trade note',
    author: 'Asia desk',
    classification: 'Official',
    bottomLine: 'Exports to Japan are rising; the rice figures disagree.',
    scope: { type: 'claims', filter: { status: ['contested', 'corroborated'] } }
  })
  await core.close()
  return () => fs.rmSync(dir, { recursive: true, force: true })
})

const rowsOf = (file: string, delimiter = ','): string[][] =>
  parse(fs.readFileSync(file, 'utf8'), { bom: true, delimiter }) as string[][]

describe('attest export', () => {
  it('writes claims as CSV and says so in one line', () => {
    const out = path.join(dir, 'claims.csv')
    const result = attest(['export', project, '--out', out], home)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe(`Exported 4 claims to ${out}`)
    const rows = rowsOf(out)
    expect(rows[0]?.slice(0, 3)).toEqual(['id', 'text', 'status'])
    expect(rows.map((row) => row[1])).toContain(SCRIPT_CLAIM)
    expect(fs.readFileSync(out, 'utf8').startsWith('\uFEFF')).toBe(true)
  })

  it('filters by tag path or name, status and query; tab-delimited without BOM', () => {
    const out = path.join(dir, 'rice.tsv')
    const byPath = attest(
      ['export', project, '--tag', 'trade/rice', '--delimiter', 'tab', '--no-bom', '--out', out],
      home
    )
    expect(byPath.code).toBe(0)
    expect(byPath.stdout.trim()).toBe(`Exported 1 claim to ${out}`)
    expect(fs.readFileSync(out, 'utf8').startsWith('id\t')).toBe(true)
    expect(rowsOf(out, '\t')[1]?.[1]).toBe('Rice shipments to Japan doubled in the first quarter.')

    const byName = attest(
      ['export', project, '--tag', 'Trade', '--status', 'contested,unverified', '--out', out],
      home
    )
    expect(byName.stdout.trim()).toBe(`Exported 2 claims to ${out}`)

    const searched = attest(['export', project, '--query', 'rare earth', '--out', out], home)
    expect(searched.stdout.trim()).toBe(`Exported 1 claim to ${out}`)

    const sources = attest(['export', project, '--what', 'sources', '--out', out], home)
    expect(sources.stdout.trim()).toBe(`Exported 3 sources to ${out}`)
    const citations = attest(
      ['export', project, '--what', 'citations', '--delimiter', ';', '--out', out],
      home
    )
    expect(citations.stdout.trim()).toBe(`Exported 4 citations to ${out}`)
    expect(rowsOf(out, ';')[0]).toContain('quote')
    const tags = attest(['export', project, '--what', 'tags', '--tag', 'Trade', '--out', out], home)
    expect(tags.stdout.trim()).toBe(`Exported 2 tags to ${out}`)
  })

  it('prints a PDF briefing', () => {
    const out = path.join(dir, 'briefing.pdf')
    const result = attest(
      [
        'export',
        project,
        '--format',
        'pdf',
        '--title',
        'Trade with Japan',
        '--classification',
        'Official',
        '--out',
        out
      ],
      home
    )
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toMatch(
      new RegExp(`^Exported a \\d+-page briefing of 4 claims to ${out.replace(/[.]/g, '\\.')}$`)
    )
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })
    expect(text).toContain('Trade with Japan')
    expect(text).toContain(SCRIPT_CLAIM)
  })

  it('writes a Word briefing, stored or from the scope flags', async () => {
    const out = path.join(dir, 'weekly.docx')
    const result = attest(
      ['export', project, '--briefing', 'Weekly trade note', '--out', out],
      home
    )
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe(`Exported a Word briefing of 2 claims to ${out}`)
    const zip = await JSZip.loadAsync(fs.readFileSync(out))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('Weekly trade note')
    expect(xml).toContain('Exports to Japan are rising; the rice figures disagree.')
    const flags = path.join(dir, 'flags.docx')
    const fromFlags = attest(
      ['export', project, '--format', 'docx', '--title', 'Trade & <Japan>', '--out', flags],
      home
    )
    expect(fromFlags.code).toBe(0)
    const all = await JSZip.loadAsync(fs.readFileSync(flags))
    const text = (await all.file('word/document.xml')?.async('string')) ?? ''
    expect(text).toContain('Trade &amp; &lt;Japan&gt;')
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([])
  })

  it('prints a briefing stored in the project, by its name', () => {
    const out = path.join(dir, 'weekly.pdf')
    const result = attest(
      ['export', project, '--format', 'pdf', '--briefing', 'weekly TRADE note', '--out', out],
      home
    )
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toMatch(/^Exported a \d+-page briefing of 2 claims to /)
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })
    expect(text).toContain('Weekly trade note')
    expect(text).toContain('Exports to Japan are rising; the rice figures disagree.')
    expect(text).not.toContain(SCRIPT_CLAIM)
  })

  it('refuses bad input in one line, with a non-zero exit and nothing written', () => {
    const out = path.join(dir, 'never.csv')
    const cases: Array<[string[], RegExp, number]> = [
      [['export', project], /needs --out/, 2],
      [['export', project, '--tag', 'Nope', '--out', out], /Unknown tag "Nope"/, 1],
      [['export', project, '--status', 'maybe', '--out', out], /--status must be one of/, 2],
      [['export', project, '--what', 'notes', '--out', out], /--what must be one of/, 2],
      [['export', project, '--delimiter', '|', '--out', out], /--delimiter/, 2],
      [['export', project, '--format', 'pdf', '--what', 'tags', '--out', out], /PDF briefing/, 2],
      [['export', project, '--format', 'docx', '--what', 'tags', '--out', out], /Word briefing/, 2],
      [['export', project, '--format', 'docx', '--no-bom', '--out', out], /are for CSV/, 2],
      [['export', project, '--out', path.join(dir, 'missing', 'x.csv')], /does not exist/, 1],
      [['export', path.join(dir, 'missing.attest'), '--out', out], /does not exist/, 1],
      [['export', project, '--out', out, '--loud'], /Unknown option/, 2],
      [
        ['export', project, '--format', 'pdf', '--briefing', 'Daily', '--out', out],
        /no briefing called "Daily"; the project has "Weekly trade note"/,
        1
      ],
      [
        ['export', project, '--briefing', 'Weekly trade note', '--tag', 'Trade', '--out', out],
        /--briefing is for briefings/,
        2
      ],
      [
        ['export', project, '--format', 'pdf', '--briefing', 'x', '--tag', 'Trade', '--out', out],
        /leave out --tag/,
        2
      ]
    ]
    for (const [args, message, code] of cases) {
      const result = attest(args, home)
      expect(result.code, args.join(' ')).toBe(code)
      expect(result.stdout).toBe('')
      const lines = result.stderr.trim().split('\n')
      expect(lines, args.join(' ')).toHaveLength(1)
      expect(lines[0]).toMatch(/^attest: /)
      expect(lines[0]).toMatch(message)
    }
    expect(fs.existsSync(out)).toBe(false)
    expect(fs.existsSync(path.join(dir, 'missing.attest'))).toBe(false)
    expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([])
  })

  it('on a full disk answers one sentence and leaves no file, neither in the job nor at --out', () => {
    const out = path.join(dir, 'full-disk.csv')
    fs.writeFileSync(out, 'previous export\r\n')
    // ENOSPC on the job's temp file (its name ends in .csv.tmp-…), then on the copy to --out.
    for (const match of ['/attest-export-', 'full-disk.csv.tmp-']) {
      const result = spawnSync(
        process.execPath,
        [path.join(REPO_ROOT, 'bin/attest.js'), 'export', project, '--out', out],
        {
          env: {
            ...process.env,
            ATTEST_HOME: home,
            ATTEST_FAULTS: JSON.stringify([{ op: 'write', code: 'ENOSPC', match, partial: true }])
          },
          encoding: 'utf8'
        }
      )
      expect(result.status, match).toBe(1)
      expect(result.stderr.trim(), match).toBe(
        'attest: The disk is full; the export was not written.'
      )
      expect(fs.readFileSync(out, 'utf8')).toBe('previous export\r\n')
      expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([])
    }
  })

  it('is in the help', () => {
    const help = attest(['--help'], home)
    expect(help.stdout).toContain('attest export <file> --out <file>')
  })
})
