import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

const FIXTURES = path.join(__dirname, '../fixtures/references')

function attest(args: string[], home: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('attest import of reference files', () => {
  it('imports every record of RIS, BibTeX and CSL-JSON files as sources', () => {
    const dir = tempDir()
    const file = path.join(dir, 'refs.attest')
    attest(['new', file], dir)
    const files = ['zotero.ris', 'library.bib', 'items.json'].map((f) => path.join(FIXTURES, f))
    const imported = attest(['import', file, ...files], dir)
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain(
      'Imported zotero.ris as "Ferry traffic resumes after the autumn storm" (2025-11-03, nb, Kystavisa)'
    )
    expect(imported.stdout).toContain(
      'Imported library.bib as "Die Energiewende in Kleinstädten" (2024-03-15, de, Zeitschrift für Stadtforschung)'
    )
    expect(imported.stdout).toContain('7 of 7 documents imported')
    expect(JSON.parse(attest(['stats', file, '--json'], dir).stdout)).toMatchObject({ sources: 7 })
    // The same records again are recognised by their text and skipped.
    const again = attest(['import', file, path.join(FIXTURES, 'items.json')], dir)
    expect(again.stdout).toContain('Skipped items.json: the same text is already in the project')
    expect(JSON.parse(attest(['stats', file, '--json'], dir).stdout)).toMatchObject({ sources: 7 })
  })

  it('refuses a RIS file with no records and imports nothing from the batch', () => {
    const dir = tempDir()
    const file = path.join(dir, 'refs.attest')
    attest(['new', file], dir)
    const refused = attest(
      ['import', file, path.join(FIXTURES, 'zotero.ris'), path.join(FIXTURES, 'empty.ris')],
      dir
    )
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('“empty.ris” is a RIS file with no records')
    expect(refused.stderr).toContain('nothing was imported')
    expect(JSON.parse(attest(['stats', file, '--json'], dir).stdout)).toMatchObject({ sources: 0 })
  })
})
