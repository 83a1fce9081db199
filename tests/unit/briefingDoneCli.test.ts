import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { describeWithSeeds, SEEDS_DIR } from './helpers/seeds'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

// The two seed articles, read at run time: a Norwegian and a German report of one interview.
const NORWEGIAN_SEED = path.join(SEEDS_DIR, '000_f4b2f788e06a7ca8.txt')
const GERMAN_SEED = path.join(SEEDS_DIR, '004_ec7a597c115a94a0.txt')

const BOTTOM_LINE =
  'Trade between Japan and Viet Nam is large and growing, but its size is disputed.'
const NB_TRANSLATION = 'The analyst’s rendering: trade has already reached USD 50 billion.'
const DE_TRANSLATION = 'The analyst’s rendering: trade is expected to pass USD 50 billion.'

function attest(args: string[], home: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The sentence of `text` that holds `needle`, with its offsets. */
function sentenceWith(text: string, needle: string): { start: number; end: number; quote: string } {
  const at = text.indexOf(needle)
  if (at < 0) throw new Error(`the seed no longer says “${needle}”`)
  const before = text.slice(0, at)
  const start = Math.max(before.lastIndexOf('. ') + 2, before.lastIndexOf('\n') + 1)
  const stop = text.slice(at).search(/[.!?](\s|$)/)
  const end = stop < 0 ? text.length : at + stop + 1
  return { start, end, quote: text.slice(start, end) }
}

async function seedProject(file: string) {
  const core = await openLocalCore({ projectPath: file, deviceId: 'test', create: true })
  const nbText = fs.readFileSync(NORWEGIAN_SEED, 'utf8')
  const deText = fs.readFileSync(GERMAN_SEED, 'utf8')
  const nb = await call(core, 'sources.create', {
    title: 'Japansk ambassadør (VietnamPlus)',
    language: 'nb',
    publishedAt: '2025-09-21',
    reliability: 'B',
    content: nbText
  })
  const de = await call(core, 'sources.create', {
    title: 'Botschafter Ito Naoki (Báo Tin tức)',
    language: 'de',
    publishedAt: '2025-11-27',
    reliability: 'C',
    content: deText
  })
  const nbQuote = sentenceWith(nbText, '50 milliarder dollar')
  const deQuote = sentenceWith(deText, '50 Milliarden US-Dollar')
  const reached = await call(core, 'claims.create', {
    text: 'Bilateral trade has reached USD 50 billion.',
    eventDate: '2025-09-21',
    credibility: 3
  })
  const expected = await call(core, 'claims.create', {
    text: 'Bilateral trade is expected to pass USD 50 billion for the first time.',
    eventDate: '2025-11-27',
    credibility: 2
  })
  await call(core, 'citations.create', {
    claimId: reached.id,
    sourceId: nb.id,
    start: nbQuote.start,
    end: nbQuote.end,
    translation: NB_TRANSLATION
  })
  await call(core, 'citations.create', {
    claimId: expected.id,
    sourceId: de.id,
    start: deQuote.start,
    end: deQuote.end,
    translation: DE_TRANSLATION
  })
  await call(core, 'relations.create', {
    fromClaimId: expected.id,
    toClaimId: reached.id,
    kind: 'contradicts'
  })
  const more = []
  for (const [text, eventDate] of [
    ['The ambassador met Vietnamese officials.', '2025-09-20'],
    ['A PhD programme with Japanese universities starts.', '2025-10'],
    ['Japanese investment in Viet Nam reached a record.', '2025']
  ] as const) {
    more.push(await call(core, 'claims.create', { text, eventDate }))
  }
  await call(core, 'briefings.create', {
    title: 'Japan and Viet Nam: trade',
    author: 'Asia desk',
    classification: 'OFFICIAL',
    bottomLine: BOTTOM_LINE,
    judgements: [
      {
        text: 'Trade will keep growing through 2026.',
        confidence: 'likely',
        claimIds: [reached.id, expected.id]
      },
      {
        text: 'The USD 50 billion mark has not yet been passed.',
        confidence: 'roughly even chance',
        claimIds: [expected.id]
      }
    ]
  })
  await core.close()
  return { nbQuote, deQuote }
}

function pageTexts(pdf: string): string[] {
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]
  )
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], {
      encoding: 'utf8'
    })
  )
}

/** Words of a text, spaces and line breaks evened out (pdftotext wraps and pads lines). */
const words = (text: string): string => text.replace(/\s+/g, ' ').trim()

describeWithSeeds(
  'a briefing a decision-maker reads, from the CLI',
  [NORWEGIAN_SEED, GERMAN_SEED],
  () => {
    it('prints the bottom line first, the pair side by side with translations, a timeline and an outline; tagged', async () => {
      const dir = tempDir()
      const file = path.join(dir, 'seeds.attest')
      const { nbQuote, deQuote } = await seedProject(file)
      const pdf = path.join(dir, 'briefing.pdf')
      const result = attest(
        [
          'export',
          file,
          '--format',
          'pdf',
          '--briefing',
          'Japan and Viet Nam: trade',
          '--out',
          pdf
        ],
        dir
      )
      expect(result.code, result.stderr).toBe(0)
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
      // Bookmarks from the headings: the document has an outline.
      expect(fs.readFileSync(pdf).toString('latin1')).toMatch(/\/Outlines\s+\d+ 0 R/)
      const pages = pageTexts(pdf).map(words)
      expect(pages[1]).toContain(BOTTOM_LINE)
      expect(pages[1]).toContain('Trade will keep growing through 2026.')
      const disagreements = pages.find((page) => page.includes('Disagreements')) ?? ''
      for (const needle of [
        words(nbQuote.quote).slice(0, 40),
        words(deQuote.quote).slice(0, 40),
        NB_TRANSLATION,
        DE_TRANSLATION
      ]) {
        expect(disagreements).toContain(needle)
      }
      expect(pages.some((page) => page.includes('Timeline'))).toBe(true)
    })

    it('writes a Word document holding the same text', async () => {
      const dir = tempDir()
      const file = path.join(dir, 'seeds.attest')
      const { nbQuote, deQuote } = await seedProject(file)
      const out = path.join(dir, 'briefing.docx')
      const result = attest(
        [
          'export',
          file,
          '--format',
          'docx',
          '--briefing',
          'Japan and Viet Nam: trade',
          '--out',
          out
        ],
        dir
      )
      expect(result.code, result.stderr).toBe(0)
      const zip = await JSZip.loadAsync(fs.readFileSync(out))
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
      const text = words(xml.replace(/<[^>]+>/g, ''))
      for (const needle of [
        BOTTOM_LINE,
        'Trade will keep growing through 2026.',
        'Disagreements',
        'Timeline',
        NB_TRANSLATION,
        DE_TRANSLATION
      ]) {
        expect(text).toContain(needle.replace(/’/g, '’'))
      }
      const escaped = (value: string) =>
        value
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
      expect(text).toContain(words(escaped(nbQuote.quote)).slice(0, 40))
      expect(text).toContain(words(escaped(deQuote.quote)).slice(0, 40))
      // The timeline and the charts are in it as pictures.
      expect(Object.keys(zip.files).filter((name) => name.endsWith('.png')).length).toBe(3)
    })
  }
)
