/**
 * Text of a PDF report, with the page of every character.
 *
 * pdf.js (the legacy build, which runs under Node) reads the text layer; nothing is rendered,
 * no font is loaded and nothing is fetched. Per page, the text items become lines (pdf.js marks
 * line ends), lines become paragraphs (a wider gap or a change of type size starts a new one),
 * a hyphen at a line end is joined with the rest of the word, and the lines that repeat in the
 * top or bottom margin of the pages (running headers, footers) or only number the page are
 * page furniture: they stay in the text, on their own lines at the page's start or end, and are
 * reported as clutter ranges so the reader folds them.
 *
 * Refused, with a sentence: a PDF that needs a password, one without a text layer (a scan), and
 * one pdf.js cannot parse.
 */

import type { HtmlMeta } from './html'

export interface PdfText {
  text: string
  /** Offset in `text` where each page starts (pages[0] = 0 for page 1). */
  pageStarts: number[]
  /** Ranges of `text` that are page furniture (running headers, footers, page numbers). */
  furniture: Array<{ start: number; end: number }>
  meta: HtmlMeta
}

export type PdfResult =
  | { ok: true; pdf: PdfText }
  | { ok: false; code: 'encrypted' | 'no_text' | 'damaged'; message: string }

interface Line {
  text: string
  /** Baseline, in PDF units from the page's bottom. */
  y: number
  size: number
  /** Whether the line ends in a hyphen that was joined (set while building paragraphs). */
}

interface PageLines {
  height: number
  lines: Line[]
}

/** The subset of pdf.js's text item that is read here. */
interface TextItem {
  str: string
  transform: number[]
  hasEOL: boolean
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjsModule: Promise<PdfJs> | null = null

function loadPdfJs(): Promise<PdfJs> {
  // pdf.js ships as an ES module only; the server is bundled as CommonJS, hence import().
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjsModule
}

/**
 * CJK fonts often map their glyphs to Kangxi radicals or compatibility ideographs (⽇ U+2F47
 * for 日), and Latin ones to ligatures (ﬁ): the compatibility form of just those characters.
 */
function normalizeGlyphs(text: string): string {
  return text.replace(/[\u2f00-\u2fdf\uf900-\ufaff\ufb00-\ufb06]/gu, (char) =>
    char.normalize('NFKC')
  )
}

function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = []
  let text = ''
  let y = 0
  let size = 0
  const flush = (): void => {
    if (text.trim() !== '') lines.push({ text: text.replace(/\s+/g, ' ').trim(), y, size })
    text = ''
    size = 0
  }
  for (const item of items) {
    const itemY = item.transform[5] ?? 0
    const itemSize = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0)
    // A jump in height without a marked line end still starts a new line.
    if (text !== '' && Math.abs(itemY - y) > Math.max(size, itemSize) * 0.5) flush()
    if (item.str !== '') {
      if (text === '' || item.str.trim() !== '') {
        if (text === '') y = itemY
        size = Math.max(size, itemSize)
      }
      // Soft hyphens inside a line are invisible; keep only the word.
      text += normalizeGlyphs(item.str.replace(/\u00ad/g, ''))
    }
    if (item.hasEOL) flush()
  }
  flush()
  return lines
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}、。，！？：；]/u

/** Joins the lines of one paragraph: hyphenated words made whole, CJK lines without spaces. */
function joinLines(lines: string[]): string {
  let out = ''
  for (const line of lines) {
    if (out === '') {
      out = line
      continue
    }
    const hyphen = /[-\u2010\u00ad]$/.exec(out)
    if (hyphen && /^\p{Ll}/u.test(line) && /\p{L}[-\u2010\u00ad]$/u.test(out)) {
      out = out.slice(0, -1) + line
    } else if (CJK.test(out.slice(-1)) || CJK.test(line[0] ?? '')) {
      out += line
    } else {
      out += ` ${line}`
    }
  }
  return out
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Body lines into paragraphs: a gap wider than usual, or another type size, starts one. */
function paragraphsOf(lines: Line[]): string[] {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const gap = (lines[i - 1] as Line).y - (lines[i] as Line).y
    if (gap > 0) gaps.push(gap)
  }
  const usual = median(gaps)
  const usualSize = median(lines.map((line) => line.size)) || 1
  const paragraphs: string[] = []
  let current: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line
    const previous = lines[i - 1]
    if (previous) {
      const gap = previous.y - line.y
      const newParagraph =
        gap <= 0 || // a new column, or text placed out of order
        // Larger type has wider lines: compare with the usual spacing scaled to its size.
        gap > usual * 1.3 * Math.max(1, line.size / usualSize) ||
        Math.abs(previous.size - line.size) > Math.min(previous.size, line.size) * 0.12
      if (newParagraph && current.length > 0) {
        paragraphs.push(joinLines(current))
        current = []
      }
    }
    current.push(line.text)
  }
  if (current.length > 0) paragraphs.push(joinLines(current))
  return paragraphs
}

const PAGE_NUMBER =
  /^(?:(?:page|p\.|side|s\.|seite|trang|sida|página|pagina)\s*)?(?:[-–—]\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*[-–—])?(?:\s*(?:\/|of|av|von|trên|de|di)\s*\d{1,4})?$/iu

/** Margin lines (top/bottom 12 % of the page) that repeat on other pages or number the page. */
function furnitureOf(pages: PageLines[]): Array<Set<number>> {
  const key = (text: string): string => text.replace(/\d+/g, '#').toLowerCase()
  const inMargin = (page: PageLines, line: Line): boolean =>
    line.y > page.height * 0.88 || line.y < page.height * 0.12
  const marginLines = pages.map((page) => {
    const candidates: number[] = []
    const count = page.lines.length
    for (const i of [0, 1, count - 2, count - 1]) {
      const line = page.lines[i]
      if (line && i >= 0 && !candidates.includes(i) && inMargin(page, line)) candidates.push(i)
    }
    return candidates
  })
  const seen = new Map<string, number>()
  pages.forEach((page, p) => {
    const keys = new Set(marginLines[p]!.map((i) => key(page.lines[i]!.text)))
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1)
  })
  const repeatsOn = Math.max(2, Math.ceil(pages.length / 2))
  return pages.map((page, p) => {
    const furniture = new Set<number>()
    for (const i of marginLines[p]!) {
      const text = page.lines[i]!.text
      if (PAGE_NUMBER.test(text) || (pages.length > 1 && (seen.get(key(text)) ?? 0) >= repeatsOn)) {
        furniture.add(i)
      }
    }
    return furniture
  })
}

/** `D:20251103120000+01'00'` → `2025-11-03`. */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim())
  if (!match) return undefined
  const [, year, month, day] = match
  if (!month) return year
  return day ? `${year}-${month}-${day}` : `${year}-${month}`
}

function infoText(info: Record<string, unknown>, key: string): string | undefined {
  const value = info[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** Reads a PDF's text layer (see the module comment). `name` is the quoted file name. */
export async function pdfToText(bytes: Uint8Array, name: string): Promise<PdfResult> {
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0
  })
  let doc
  try {
    doc = await task.promise
  } catch (error) {
    const errorName = (error as { name?: string }).name
    if (errorName === 'PasswordException') {
      return {
        ok: false,
        code: 'encrypted',
        message: `${name} is protected by a password, so its text cannot be read; save an unprotected copy (or print it to a new PDF) and import that.`
      }
    }
    return {
      ok: false,
      code: 'damaged',
      message: `${name} cannot be read as a PDF (${(error as Error).message}); the file may be damaged or incomplete.`
    }
  }
  try {
    const pages: PageLines[] = []
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number)
      const { height } = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      const items: TextItem[] = []
      for (const item of content.items) if ('str' in item) items.push(item)
      pages.push({ height, lines: linesOf(items) })
      page.cleanup()
    }
    if (pages.every((page) => page.lines.length === 0)) {
      return {
        ok: false,
        code: 'no_text',
        message: `${name} has no text layer (it looks like a scan or a set of images); Attest does not read text from images, so run it through OCR first and import the result.`
      }
    }
    const furniture = furnitureOf(pages)
    let text = ''
    const pageStarts: number[] = []
    const furnitureRanges: Array<{ start: number; end: number }> = []
    const append = (block: string, isFurniture: boolean): void => {
      if (text !== '') text += '\n\n'
      if (isFurniture) furnitureRanges.push({ start: text.length, end: text.length + block.length })
      text += block
    }
    pages.forEach((page, p) => {
      pageStarts.push(text === '' ? 0 : text.length + 2)
      const isFurniture = furniture[p]!
      const top = page.lines.filter((line, i) => isFurniture.has(i) && line.y > page.height / 2)
      const bottom = page.lines.filter((line, i) => isFurniture.has(i) && line.y <= page.height / 2)
      const body = page.lines.filter((_, i) => !isFurniture.has(i))
      for (const line of top.sort((a, b) => b.y - a.y)) append(line.text, true)
      for (const paragraph of paragraphsOf(body)) append(paragraph, false)
      for (const line of bottom.sort((a, b) => b.y - a.y)) append(line.text, true)
    })
    // A page without any text starts where the next one does.
    for (let p = 0; p < pageStarts.length; p++)
      pageStarts[p] = Math.min(pageStarts[p]!, text.length)

    const info = (await doc.getMetadata()).info as Record<string, unknown>
    const meta: HtmlMeta = {
      title: infoText(info, 'Title'),
      author: infoText(info, 'Author'),
      publishedAt: pdfDate(info.CreationDate),
      lang: infoText(info, 'Language')
    }
    return { ok: true, pdf: { text, pageStarts, furniture: furnitureRanges, meta } }
  } finally {
    await doc.destroy()
  }
}
