import { execFileSync, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { call, openLocalCore, type Core } from '../core'
import { ProjectStore } from '../store/projectStore'
import { briefingDocxWithPictures } from './docxPictures'
import { createPlaywrightPrinter, findChromium } from './pdf'

/** The export rows of `npm run bench`: CSV of every claim, and a 200-claim briefing. */

type BenchRow = { measure: string; ours: string; native: string; target: string }

const ms = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`
const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`

function has(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** The claims CSV query, as native sqlite3 can run it (tag names stand in for paths). */
const NATIVE_CLAIMS_CSV = `SELECT c.id, c.text, c.status, c.event_date, c.credibility, c.confidence,
  (SELECT group_concat(t.name, '; ') FROM claim_tags ct JOIN tags t ON t.seq = ct.tag_seq
   WHERE ct.claim_seq = c.seq) AS tags,
  (SELECT group_concat(title, '; ') FROM (SELECT DISTINCT s.title FROM citations ci
     JOIN sources s ON s.id = ci.source_id WHERE ci.claim_id = c.id AND s.deleted_at IS NULL)) AS sources,
  (SELECT count(*) FROM citations ci JOIN sources s ON s.id = ci.source_id
   WHERE ci.claim_id = c.id AND s.deleted_at IS NULL) AS citation_count,
  c.created_at, c.updated_at
  FROM claims c WHERE c.deleted_at IS NULL ORDER BY c.seq DESC`

function nativeCsv(file: string, out: string): string {
  if (!has('sqlite3', ['-version'])) return 'n/a (no sqlite3)'
  const fd = fs.openSync(out, 'w')
  try {
    const start = performance.now()
    const result = spawnSync('sqlite3', ['-csv', '-header', file, NATIVE_CLAIMS_CSV], {
      stdio: ['ignore', fd, 'pipe']
    })
    const took = performance.now() - start
    if (result.status !== 0) return `failed: ${String(result.stderr).split('\n')[0]}`
    return `${ms(took)}, ${mb(fs.statSync(out).size)}`
  } finally {
    fs.closeSync(fd)
    fs.rmSync(out, { force: true })
  }
}

/** CSV export of every claim through the worker, with the process's RSS sampled meanwhile. */
export async function benchCsvExport(core: Core, file: string, rows: BenchRow[]): Promise<void> {
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  const start = performance.now()
  const started = await call(core, 'export.start', { what: 'claims' })
  let status = await call(core, 'export.status', { jobId: started.jobId })
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 25))
    status = await call(core, 'export.status', { jobId: started.jobId })
  }
  const took = performance.now() - start
  clearInterval(sampler)
  if (status.state !== 'done') throw new Error(`The export ${status.state}: ${status.error ?? ''}`)
  await call(core, 'export.release', { jobId: started.jobId })
  rows.push({
    measure: `CSV export of all ${status.rows.toLocaleString('en')} claims (${mb(status.bytes ?? 0)})`,
    ours: ms(took),
    native: nativeCsv(file, path.join(path.dirname(file), 'native.csv')),
    target: ''
  })
  rows.push({
    measure: 'RSS during that export: start → peak',
    ours: `${mb(before)} → ${mb(peak)}`,
    native: '',
    target: 'flat'
  })
}

const TOPICS = ['Trade', 'Energy', 'Diplomacy', 'Investment', 'Rice', 'Semiconductors']
const STATUSES = ['corroborated', 'unverified', 'contested', 'refuted', 'retracted']

/** A project of 200 claims with 40 sources, 2–3 citations, tags and some notes each. */
async function briefingProject(file: string): Promise<void> {
  const store = await ProjectStore.open(file, { create: true, idleCheckpointMs: 0 })
  const now = new Date().toISOString()
  store.bulkLoad((db) => {
    const tagSeqs = TOPICS.map((name) => {
      db.run(`INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`, [
        randomUUID(),
        name,
        now,
        now
      ])
      return Number(db.pluck('SELECT last_insert_rowid()'))
    })
    const sources: Array<{ id: string; sentences: string[] }> = []
    for (let s = 0; s < 40; s++) {
      const sentences = Array.from(
        { length: 12 },
        (_, i) =>
          `Report ${s}.${i}: exports of ${TOPICS[(s + i) % TOPICS.length]} rose ${(s * 7 + i) % 40} per cent in the quarter, officials in Hà Nội and Tōkyō said.`
      )
      const id = randomUUID()
      db.run(
        `INSERT INTO sources (id, title, publisher, url, published_at, reliability, content,
          created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          `Quarterly trade bulletin ${s + 1}: ${TOPICS[s % TOPICS.length]} and the Japan partnership`,
          ['Viet Nam Trade Wire', 'MOIT', 'Nikkei-style Journal', 'Hanoi Evening Review'][s % 4] ??
            null,
          `https://example.org/bulletins/${s + 1}`,
          `2024-0${(s % 9) + 1}-1${s % 10}`,
          'ABCDEF'[s % 6] ?? null,
          sentences.join(' '),
          now,
          now
        ]
      )
      sources.push({ id, sentences })
    }
    for (let c = 0; c < 200; c++) {
      const claimId = randomUUID()
      db.run(
        `INSERT INTO claims (id, text, status, event_date, credibility, confidence, created_at,
          updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          claimId,
          `Claim ${c + 1}: ${TOPICS[c % TOPICS.length]} exports to Japan changed by ${c % 37}% in the quarter, according to officials and two independent trade bulletins.`,
          STATUSES[c % STATUSES.length] ?? 'unverified',
          `2024-0${(c % 9) + 1}-${String((c % 28) + 1).padStart(2, '0')}`,
          (c % 6) + 1,
          (c * 13) % 101,
          now,
          now
        ]
      )
      const claimSeq = Number(db.pluck('SELECT last_insert_rowid()'))
      db.run(`INSERT INTO claim_tags (claim_seq, tag_seq) VALUES (?, ?)`, [
        claimSeq,
        tagSeqs[c % tagSeqs.length] ?? 1
      ])
      for (let k = 0; k < 2 + (c % 2); k++) {
        const source = sources[(c * 3 + k * 7) % sources.length]
        const quote = source?.sentences[(c + k) % 12] ?? 'quote'
        const start = source?.sentences.slice(0, (c + k) % 12).join(' ').length ?? 0
        db.run(
          `INSERT INTO citations (id, claim_id, source_id, quote, start_offset, end_offset, stance,
            locator, source_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            randomUUID(),
            claimId,
            source?.id ?? '',
            quote,
            start,
            start + quote.length,
            k === 2 ? 'contradicts' : 'supports',
            `para. ${k + 1}`,
            'bench',
            now,
            now
          ]
        )
      }
      if (c % 5 === 0) {
        db.run(
          `INSERT INTO notes (id, target_kind, target_id, body, created_at, updated_at)
           VALUES (?, 'claim', ?, ?, ?, ?)`,
          [randomUUID(), claimId, 'Check the customs data before the visit.', now, now]
        )
      }
    }
  })
  store.close()
}

/** Builds the HTML of a 200-claim briefing and prints it (cold: browser launch included). */
export async function benchBriefing(dir: string, rows: BenchRow[]): Promise<void> {
  const file = path.join(dir, 'briefing.attest')
  await briefingProject(file)
  const core = await openLocalCore({ projectPath: file, deviceId: 'bench', idleCheckpointMs: 0 })
  try {
    const options = { title: 'Bench briefing: 200 claims', classification: 'Official' }
    const times: number[] = []
    let briefing = await call(core, 'briefing.html', options)
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      briefing = await call(core, 'briefing.html', options)
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    rows.push({
      measure: `briefing HTML, ${briefing.claims} claims / ${briefing.citations} citations`,
      ours: ms(times[2] ?? NaN),
      native: '',
      target: '≤ 500 ms'
    })
    const docxTimes: number[] = []
    let docx = await call(core, 'briefing.docx', options)
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      docx = await call(core, 'briefing.docx', options)
      docxTimes.push(performance.now() - start)
    }
    docxTimes.sort((a, b) => a - b)
    rows.push({
      measure: `briefing DOCX, ${docx.claims} claims (${Math.round(docx.bytes / 1024)} KB, no pictures)`,
      ours: ms(docxTimes[2] ?? NaN),
      native: '',
      target: '≤ 1 s'
    })
    if (findChromium() === null) {
      rows.push({
        measure: 'briefing PDF print',
        ours: 'n/a (no Chromium)',
        native: '',
        target: ''
      })
      return
    }
    const printer = createPlaywrightPrinter()
    try {
      let start = performance.now()
      await printer.printHtml(briefing.html, briefing.headerFooter)
      const cold = performance.now() - start
      start = performance.now()
      const pdf = await printer.printHtml(briefing.html, briefing.headerFooter)
      const warm = performance.now() - start
      const out = path.join(dir, 'briefing.pdf')
      fs.writeFileSync(out, pdf)
      const pages = has('pdfinfo', ['-v'])
        ? (/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1] ?? '?')
        : 'n/a (no pdfinfo)'
      rows.push({
        measure: `briefing PDF print, ${pages} pages (cold / warm)`,
        ours: `${ms(cold)} / ${ms(warm)}`,
        native: '',
        target: '≤ 2 s warm'
      })
      // The Word document with its charts and timeline drawn as PNGs by the same browser.
      await briefingDocxWithPictures(core, options, printer, 'file')
      start = performance.now()
      const pictured = await briefingDocxWithPictures(core, options, printer, 'file')
      rows.push({
        measure: `briefing DOCX with pictures of its drawings (warm)${pictured.picturesMissing ? ` — ${pictured.picturesMissing}` : ''}`,
        ours: ms(performance.now() - start),
        native: '',
        target: ''
      })
    } finally {
      await printer.close()
    }
  } finally {
    await core.close()
  }
}
