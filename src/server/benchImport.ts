import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * `attest import` of a document made of many two-byte lines ("a\n"), as a user runs it: a
 * separate process, its wall time and its peak RSS (reported by the child at exit), beside the
 * file's size. Many short lines are the worst case of line-based analysis and indexing.
 */
export function benchImportLines(
  dir: string,
  lineCount: number
): { measure: string; ours: string; target: string } {
  const document = path.join(dir, `lines-${lineCount}.txt`)
  const bytes = Buffer.alloc(lineCount * 2)
  for (let i = 0; i < lineCount; i++) {
    bytes[2 * i] = 0x61 + (i % 26)
    bytes[2 * i + 1] = 0x0a
  }
  fs.writeFileSync(document, bytes)
  const project = path.join(dir, `import-${lineCount}.attest`)
  const attest = path.join(__dirname, '../../bin/attest.js')
  spawnSync(process.execPath, [attest, 'new', project], { encoding: 'utf8' })
  // The child reports its own peak RSS on exit (spawnSync exposes no resource usage).
  const wrapper = [
    `process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n'))`,
    `process.argv = [process.argv[0], ${JSON.stringify(attest)}, ...process.argv.slice(1)]`,
    `require(${JSON.stringify(attest)})`
  ].join(';')
  const started = performance.now()
  const run = spawnSync(process.execPath, ['-e', wrapper, 'import', project, document], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  const took = (performance.now() - started) / 1000
  const rss = Number(/maxrss (\d+)/.exec(run.stderr)?.[1] ?? 0) * 1024
  fs.rmSync(document, { force: true })
  const size = `${(bytes.length / 1024 / 1024).toFixed(0)} MB`
  const lines =
    lineCount >= 1_000_000 ? `${lineCount / 1_000_000}M` : lineCount.toLocaleString('en')
  const ok = run.status === 0 ? '' : ' (failed)'
  return {
    measure: `import ${size} / ${lines} lines (time, peak RSS)${ok}`,
    ours: `${took.toFixed(1)} s, ${Math.round(rss / 1024 / 1024)} MB`,
    target: `RSS ≤ 3× file`
  }
}
