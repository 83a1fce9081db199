/** Small formatting helpers for the reader's header. */

const MONTHS = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const DAYS = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC'
})

/** "2025-09-21" → "21 September 2025"; "2025-09" → "September 2025"; "2025" stays. */
export function formatPublished(value: string): string {
  const [year, month, day] = value.split('-').map(Number)
  if (!year) return value
  if (!month) return String(year)
  const date = new Date(Date.UTC(year, month - 1, day ?? 1))
  if (Number.isNaN(date.getTime())) return value
  return (day ? DAYS : MONTHS).format(date)
}

let languageNames: Intl.DisplayNames | null = null

/** "nb" → "Norwegian Bokmål", "vi" → "Vietnamese"; unknown codes are shown as written. */
export function languageName(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' })
    const name = languageNames.of(code)
    return name && name !== code ? name : code
  } catch {
    return code
  }
}

/** Words in a text, for "1,240 words · 6 min read" (CJK characters count as words). */
export function countWords(text: string): number {
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
  const cjk = text.match(CJK)?.length ?? 0
  const words = text.replace(CJK, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0
  return words + Math.round(cjk / 2)
}

export function readingTime(words: number): string {
  const minutes = Math.max(1, Math.round(words / 230))
  return `${minutes} min read`
}

/** "https://www.example.org/a/b" → "example.org/a/b". */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.host.replace(/^www\./, '') + (parsed.pathname === '/' ? '' : parsed.pathname)
  } catch {
    return url
  }
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/** "Ctrl+Shift+C" or "⇧⌘C". */
export function shortcutLabel(key: string): string {
  return isMac ? `⇧⌘${key}` : `Ctrl+Shift+${key}`
}
