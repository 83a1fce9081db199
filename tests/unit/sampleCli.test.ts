import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

function attest(args: string[], home: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('attest sample', () => {
  it('writes a project every view has something in, with a disagreement the finder reports', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'sample.attest')
    const written = attest(['sample', file], dir)
    expect(written.code, written.stderr).toBe(0)
    expect(written.stdout).toContain('3 sources, 9 claims, 13 citations, 5 tags and a briefing')

    const stats = attest(['stats', file, '--json'], dir)
    expect(JSON.parse(stats.stdout)).toMatchObject({
      sources: 3,
      claims: 9,
      tags: 5,
      notes: 2,
      relations: 3,
      citations: 13,
      orphanedCitations: 0
    })

    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    try {
      const { pairs } = await call(core, 'facts.pairs', { outcomes: ['conflict'] })
      expect(pairs.map((pair) => `${pair.a.quote} | ${pair.b.quote}`)).toContain(
        'October 2025 | September 2025'
      )
      const sources = await call(core, 'sources.list', {})
      expect(sources.rows.map((source) => source.language).sort()).toEqual(['de', 'en', 'nb'])
      // Every citation's quote is exactly the text at its anchor.
      let cited = 0
      for (const source of sources.rows) {
        const citations = await call(core, 'citations.list', { sourceId: source.id })
        cited += citations.length
        for (const citation of citations) {
          const { content } = await call(core, 'sources.get', { id: source.id })
          expect(content.slice(citation.start, citation.end)).toBe(citation.quote)
          expect(citation.anchorStatus).toBe('exact')
        }
      }
      expect(cited).toBe(13)
      const tags = await call(core, 'tags.list', {})
      expect(tags.filter((tag) => tag.parentId !== null).length).toBe(4)
      const briefings = await call(core, 'briefings.list', {})
      expect(briefings).toHaveLength(1)
      expect(briefings[0]?.judgements).toHaveLength(2)
      expect(briefings[0]?.bottomLine).toMatch(/disagree/)
    } finally {
      await core.close()
    }
  })

  it('refuses to overwrite a file that exists, and leaves it as it was', () => {
    const dir = tempDir()
    const file = path.join(dir, 'mine.attest')
    fs.writeFileSync(file, 'my own work')
    const result = attest(['sample', file], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('already exists; choose a new file name for the sample project')
    expect(fs.readFileSync(file, 'utf8')).toBe('my own work')
  })
})
