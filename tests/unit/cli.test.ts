import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

function attest(args: string[], home: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('attest CLI', () => {
  it('creates a project with new and counts it with stats --json', () => {
    const dir = tempDir()
    const file = path.join(dir, 'cli.attest')
    const created = attest(['new', file], dir)
    expect(created.code).toBe(0)
    expect(fs.existsSync(file)).toBe(true)
    const stats = attest(['stats', file, '--json'], dir)
    expect(stats.code).toBe(0)
    const counts = JSON.parse(stats.stdout) as Record<string, number>
    expect(counts).toMatchObject({ claims: 0, sources: 0, tags: 0, notes: 0, relations: 0 })
  })

  it('refuses to overwrite an existing file with new', () => {
    const dir = tempDir()
    const file = path.join(dir, 'exists.attest')
    fs.writeFileSync(file, 'keep me')
    const result = attest(['new', file], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr.trim()).toMatch(/^attest: .*already exists$/)
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me')
  })

  it('never creates a file with stats', () => {
    const dir = tempDir()
    const file = path.join(dir, 'missing.attest')
    const result = attest(['stats', file], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/does not exist/)
    expect(fs.existsSync(file)).toBe(false)
  })

  it('prints a one-line error for unknown commands, bad flags and non-projects', () => {
    const dir = tempDir()
    const unknown = attest(['frobnicate'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.trim()).toBe('attest: Unknown command "frobnicate" (see attest --help)')
    const file = path.join(dir, 'p.attest')
    attest(['new', file], dir)
    const badFlag = attest(['stats', file, '--loud'], dir)
    expect(badFlag.code).toBe(2)
    expect(badFlag.stderr.trim().split('\n')).toHaveLength(1)
    const text = path.join(dir, 'notes.txt')
    fs.writeFileSync(text, 'hello')
    const notProject = attest(['stats', text], dir)
    expect(notProject.code).toBe(1)
    expect(notProject.stderr).toMatch(/not an Attest project/)
    const badPort = attest(['serve', file, '--port', 'abc'], dir)
    expect(badPort.code).toBe(2)
  })

  it('imports documents, skips duplicates, and imports nothing when one document is bad', () => {
    const dir = tempDir()
    const file = path.join(dir, 'import.attest')
    attest(['new', file], dir)
    const article = path.join(dir, 'visit.md')
    fs.writeFileSync(
      article,
      '# Prime minister visits Quảng Ninh\n\n27.11.2025\n\nThe forum gathered 16 Japanese municipalities.\n\nKilde: https://example.no/forum\n'
    )
    const japanese = path.join(dir, 'jp.txt')
    fs.writeFileSync(
      japanese,
      '日本とベトナムの関係\n\n2025年9月21日\n\n両国の貿易は500億ドルに達した。\n'
    )
    const binary = path.join(dir, 'image.txt')
    fs.writeFileSync(
      binary,
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])
    )

    const refused = attest(['import', file, article, binary], dir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/image\.txt/)
    expect(refused.stderr).toMatch(/nothing was imported/)
    expect(JSON.parse(attest(['stats', file, '--json'], dir).stdout)).toMatchObject({ sources: 0 })

    const imported = attest(['import', file, article, japanese], dir)
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain(
      'Imported visit.md as "Prime minister visits Quảng Ninh" (2025-11-27'
    )
    expect(imported.stdout).toContain('2 of 2 documents imported')
    const again = attest(['import', file, article], dir)
    expect(again.stdout).toMatch(/Skipped visit\.md: the same text is already in the project/)
    expect(JSON.parse(attest(['stats', file, '--json'], dir).stdout)).toMatchObject({ sources: 2 })
  })

  it('imports a good/bad/good batch all or nothing, or the good ones with --skip-invalid', () => {
    const dir = tempDir()
    const file = path.join(dir, 'batch.attest')
    attest(['new', file], dir)
    const good1 = path.join(dir, 'one.txt')
    fs.writeFileSync(good1, 'Rice exports rose\n\nThe ministry said exports rose in March.\n')
    const bad = path.join(dir, 'empty.txt')
    fs.writeFileSync(bad, '   \n\n  ')
    // A title of 5,005 characters: proposed cut to fit, so it is a good document.
    const good2 = path.join(dir, 'long.html')
    fs.writeFileSync(
      good2,
      `<html><head><title>${'Long title '.repeat(455)}</title></head><body><p>The second article's text.</p></body></html>`
    )

    const refused = attest(['import', file, good1, bad, good2], dir)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    const errors = refused.stderr.trim().split('\n')
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^attest: .*empty\.txt.* only whitespace/)
    expect(errors[1]).toMatch(/nothing was imported/)
    expect(JSON.parse(attest(['stats', file, '--json'], dir).stdout)).toMatchObject({ sources: 0 })

    const skipped = attest(['import', file, good1, bad, good2, '--skip-invalid'], dir)
    expect(skipped.code).toBe(1)
    expect(skipped.stderr).toMatch(/empty\.txt.* only whitespace/)
    expect(skipped.stdout).toContain('Imported one.txt as "Rice exports rose"')
    expect(skipped.stdout).toMatch(/Imported long\.html as "Long title (Long title )+Long…"/)
    expect(skipped.stdout).toContain('2 of 3 documents imported')
    expect(JSON.parse(attest(['stats', file, '--json'], dir).stdout)).toMatchObject({ sources: 2 })
  })

  it('refuses a 200 MB and a 600 MB sparse document from their size, with a sentence each', () => {
    const dir = tempDir()
    const file = path.join(dir, 'big.attest')
    attest(['new', file], dir)
    const big = path.join(dir, 'big.txt')
    const sparse = path.join(dir, 'sparse.txt')
    // Sparse files: no disk space taken, and nothing to read before refusing them.
    fs.writeFileSync(big, 'A title\n\n')
    fs.truncateSync(big, 200 * 1024 * 1024)
    fs.writeFileSync(sparse, '')
    fs.truncateSync(sparse, 600 * 1024 * 1024)
    const result = attest(['import', file, big, sparse], dir)
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toEqual([
      'attest: “big.txt” is 200 MB; documents larger than 20 MB cannot be imported.',
      'attest: “sparse.txt” is 600 MB; documents larger than 20 MB cannot be imported.',
      'attest: nothing was imported (use --skip-invalid to import the other documents)'
    ])
    expect(result.stderr).not.toMatch(/Cannot create a string|ERR_|RangeError/)
    expect(JSON.parse(attest(['stats', file, '--json'], dir).stdout)).toMatchObject({ sources: 0 })
  })

  it('prints escape sequences and bidi overrides from a document as visible text', () => {
    const dir = tempDir()
    const file = path.join(dir, 'escapes.attest')
    attest(['new', file], dir)
    const hostile = path.join(dir, 'hostile.txt')
    // Clear the screen, set the window title (OSC), a C1 CSI, an RTL override.
    const title = 'Report \u001b[2J\u001b]0;owned\u0007 on \u009b31m trade \u202etxt.exe'
    fs.writeFileSync(hostile, `${title}\n\nBilateral trade reached 50 billion USD.\n`)
    const imported = attest(['import', file, hostile], dir)
    expect(imported.code).toBe(0)
    const printed = imported.stdout + imported.stderr
    for (const raw of ['\u001b', '\u0007', '\u009b', '\u202e']) expect(printed).not.toContain(raw)
    expect(imported.stdout).toContain('\\u001b[2J\\u001b]0;owned\\u0007')
    expect(imported.stdout).toContain('\\u202etxt.exe')
    expect(imported.stdout).toContain('1 of 1 documents imported')
  })

  it('shows help', () => {
    const help = attest(['--help'], tempDir())
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('attest serve [file] [--port N]')
  })
})
