import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * @font-face rules for the bundled Noto Sans / Noto Sans JP variable fonts, for the briefing PDF.
 *
 * Chromium refuses file: fonts in a page created with setContent (its origin is about:blank:
 * "Not allowed to load local resource"), so the printer writes the HTML to a temp file and
 * navigates to it; file: URLs then load fine. `fontCssInline` embeds the needed subsets as data:
 * URLs instead, for when the font files cannot be reached by an external browser (for instance
 * inside an Electron asar archive).
 */

export const FONT_FAMILY_STACK = "'Noto Sans Variable', 'Noto Sans JP Variable', sans-serif"

export type FontFaceRule = {
  family: string
  style: string
  weight: string
  /** Absolute path of the woff2 file. */
  file: string
  unicodeRange: string
}

/** [package, stylesheets inside it] — normal + italic for Latin/Vietnamese, normal for JP. */
const PACKAGES: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ['@fontsource-variable/noto-sans', ['index.css', 'wght-italic.css']],
  ['@fontsource-variable/noto-sans-jp', ['index.css']]
]

let cachedRules: FontFaceRule[] | undefined

function packageDir(name: string): string {
  const require = createRequire(import.meta.url)
  return dirname(require.resolve(`${name}/package.json`))
}

function cssValue(block: string, property: string): string | undefined {
  const match = new RegExp(`${property}\\s*:\\s*([^;]+);`).exec(block)
  return match?.[1]?.trim()
}

/** Parses a fontsource stylesheet into rules whose file paths are absolute. */
export function parseFontsourceCss(css: string, baseDir: string): FontFaceRule[] {
  const rules: FontFaceRule[] = []
  for (const match of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const block = match[1] ?? ''
    const family = cssValue(block, 'font-family')?.replace(/^['"]|['"]$/g, '')
    const url = /url\(\s*['"]?(\.\/files\/[^'")]+)['"]?\s*\)/.exec(block)?.[1]
    if (family === undefined || url === undefined) continue
    rules.push({
      family,
      style: cssValue(block, 'font-style') ?? 'normal',
      weight: cssValue(block, 'font-weight') ?? '400',
      file: join(baseDir, url),
      unicodeRange: cssValue(block, 'unicode-range') ?? 'U+0-10FFFF'
    })
  }
  return rules
}

/** All @font-face rules of the installed packages (read once). */
export function fontFaceRules(): FontFaceRule[] {
  if (cachedRules === undefined) {
    const rules: FontFaceRule[] = []
    for (const [name, sheets] of PACKAGES) {
      const dir = packageDir(name)
      for (const sheet of sheets) {
        rules.push(...parseFontsourceCss(readFileSync(join(dir, sheet), 'utf8'), dir))
      }
    }
    cachedRules = rules
  }
  return cachedRules
}

function faceCss(rule: FontFaceRule, src: string): string {
  return [
    '@font-face {',
    `  font-family: '${rule.family}';`,
    `  font-style: ${rule.style};`,
    '  font-display: block;',
    `  font-weight: ${rule.weight};`,
    `  src: url(${src}) format('woff2-variations'), url(${src}) format('woff2');`,
    `  unicode-range: ${rule.unicodeRange};`,
    '}'
  ].join('\n')
}

/**
 * @font-face CSS pointing at the font files with absolute file:// URLs. unicode-range is kept, so
 * Chromium only loads the subsets the document actually uses.
 */
export function fontCss(): string {
  return fontFaceRules()
    .map((rule) => faceCss(rule, JSON.stringify(pathToFileURL(rule.file).href)))
    .join('\n')
}

type Range = readonly [number, number]

/** Parses "U+0460-052F,U+20B4,U+4??" into inclusive code point ranges. */
export function parseUnicodeRange(value: string): Range[] {
  const ranges: Range[] = []
  for (const part of value.split(',')) {
    const token = part.trim().replace(/^U\+/i, '')
    if (token === '') continue
    if (token.includes('?')) {
      ranges.push([
        parseInt(token.replaceAll('?', '0'), 16),
        parseInt(token.replaceAll('?', 'F'), 16)
      ])
      continue
    }
    const [from, to] = token.split('-')
    const start = parseInt(from ?? '', 16)
    const end = to === undefined ? start : parseInt(to, 16)
    if (Number.isFinite(start) && Number.isFinite(end)) ranges.push([start, end])
  }
  return ranges
}

function codePointsOf(text: string): Set<number> {
  const points = new Set<number>()
  for (const char of text) points.add(char.codePointAt(0) ?? 0)
  return points
}

/** The rules whose unicode-range covers at least one character of `text`. */
export function fontFaceRulesFor(text: string): FontFaceRule[] {
  const points = [...codePointsOf(text)]
  return fontFaceRules().filter((rule) => {
    const ranges = parseUnicodeRange(rule.unicodeRange)
    return points.some((point) => ranges.some(([from, to]) => point >= from && point <= to))
  })
}

/**
 * Self-contained @font-face CSS: only the subsets that `text` needs, embedded as base64 data:
 * URLs (a Japanese-heavy document typically needs a dozen subsets of 20–80 KB each).
 */
export function fontCssInline(text: string): string {
  return fontFaceRulesFor(text)
    .map((rule) => {
      const data = readFileSync(rule.file).toString('base64')
      return faceCss(rule, `"data:font/woff2;base64,${data}"`)
    })
    .join('\n')
}
