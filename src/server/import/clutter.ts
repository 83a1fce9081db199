import { splitLines, textWithoutRanges, type TextLine } from '../../shared/text'
/**
 * Finds the page clutter that web copies of articles carry along (image file names, photo
 * captions, comment counters, "No data" placeholders, related-article lists, site banners).
 *
 * The source text is never changed: clutter is reported as ranges of the ORIGINAL text that a
 * cleaned reading view sets aside. Each range covers whole lines (without the final line break);
 * consecutive lines with the same reason, separated only by blank lines, form one range.
 *
 * Rules (conservative — a body sentence must never be hidden):
 * - image: a line that is only an image file name / URL / Markdown image (`foo-3.jpg`, `.png`…);
 * - caption: the line right after an image line (at most 200 characters), or any line of at most
 *   200 characters that ends with a photo credit such as "(Foto: …)", "(Photo: …)", "(Ảnh: …)";
 * - counter: "Kommentar (0)", "Kommentare (3)", "Comments (0)", "Bình luận (0)", "12 comments"…;
 * - no-data: "No data", "Ingen data", "Keine Daten", "Không có dữ liệu"…;
 * - related: a heading line such as "Related", "Relaterte", "I samme emne", "Verwandte Artikel",
 *   "Lesen Sie auch", "Se også", "Tin liên quan", and the short lines (≤ 160 characters) that
 *   follow it, up to the first longer line or source line;
 * - banner: among the first three non-empty lines, a "site.tld - slogan" / "Site | slogan" line
 *   (the left part a domain name, or the name of the site the document's source URL points to).
 */

export type ClutterReason =
  | 'image'
  | 'caption'
  | 'counter'
  | 'no-data'
  | 'related'
  | 'banner'
  /** A PDF's running header, footer or page number (found by import/pdf.ts, not here). */
  | 'furniture'

export interface ClutterRange {
  start: number
  end: number
  reason: ClutterReason
}

export { splitLines, type TextLine } from '../../shared/text'

const IMAGE_EXTENSIONS = 'jpe?g|jfif|png|webp|gif|avif|svg|bmp|tiff?|heic|heif'
const IMAGE_LINE = new RegExp(
  `^(?:!\\[[^\\]]*\\]\\([^)\\s]+(?:\\s+"[^"]*")?\\)|\\S+\\.(?:${IMAGE_EXTENSIONS})(?:[?#]\\S*)?)$`,
  'i'
)

const PHOTO_CREDIT =
  /[(（]\s*(?:foto|fotos|photo|photos|ảnh|bild|bilder|kuva|fotografía|fotografia|zdjęcie|фото|写真|图|圖|사진)\s*[:：][^()（）]*[)）]\s*\.?$/iu

const COUNTER =
  /^(?:(?:kommentar|kommentarer|kommentare|comments?|bình luận|commentaires?|comentarios?|comentários|commenti|reacties|kommentit|komentarze|комментарии|コメント|评论|評論|댓글)\s*[([]\s*\d+\s*[)\]]|\d+\s+(?:comments?|kommentarer|kommentare|kommentar|bình luận|commentaires?|comentarios))$/iu

const NO_DATA =
  /^(?:no data(?: available)?|ingen data|keine daten|không có dữ liệu|aucune donnée|sin datos|nessun dato|geen gegevens|sem dados|brak danych|нет данных|データなし|暂无数据)\.?$/iu

const RELATED_HEADINGS = new Set(
  [
    // English
    'related',
    'related articles',
    'related news',
    'related stories',
    'related posts',
    'related content',
    'related topics',
    'read more',
    'read also',
    'also read',
    'see also',
    'more on this topic',
    'more stories',
    'you may also like',
    'recommended',
    'same topic',
    'same category',
    'by the same author',
    // Norwegian / Danish / Swedish
    'relaterte',
    'relaterte artikler',
    'relaterte saker',
    'les også',
    'se også',
    'i samme emne',
    'i samme kategori',
    'av samme forfatter',
    'relaterede artikler',
    'læs også',
    'relaterade artiklar',
    'läs också',
    'läs mer',
    // German
    'verwandte',
    'verwandte artikel',
    'verwandte themen',
    'verwandte nachrichten',
    'lesen sie auch',
    'lesen sie mehr',
    'mehr zum thema',
    'das könnte sie auch interessieren',
    'weitere artikel',
    'auch interessant',
    // Vietnamese
    'tin liên quan',
    'tin cùng chuyên mục',
    'cùng chuyên mục',
    'bài liên quan',
    'bài viết liên quan',
    'xem thêm',
    'đọc thêm',
    'tin khác',
    'cùng tác giả',
    // French, Spanish, Portuguese, Italian, Dutch, Polish, Russian
    'à lire aussi',
    'lire aussi',
    'articles similaires',
    'sur le même sujet',
    'voir aussi',
    'artículos relacionados',
    'noticias relacionadas',
    'lea también',
    'te puede interesar',
    'leia também',
    'notícias relacionadas',
    'artigos relacionados',
    'veja também',
    'articoli correlati',
    'leggi anche',
    'potrebbe interessarti',
    'gerelateerde artikelen',
    'lees ook',
    'czytaj też',
    'czytaj także',
    'читайте также',
    'похожие статьи',
    // Japanese, Chinese
    '関連記事',
    '関連ニュース',
    'あわせて読みたい',
    '相关新闻',
    '相关文章',
    '相关阅读',
    '延伸阅读'
  ].map((s) => s.normalize('NFC'))
)

/** Longest line that may belong to a related-articles list. */
const RELATED_ITEM_MAX = 160
/** Longest line that may be a caption. */
const CAPTION_MAX = 200

const SOURCE_LINE =
  /^\s*(?:source|sources|kilde|kilder|quelle|quellen|nguồn|fonte|fuente|bron|källa|lähde|źródło|источник|出典|出处|来源|original|url)\s*[:：]\s*\S*https?:\/\//iu

const DOMAIN_BANNER =
  /^([\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,})\s+[-–—|·:]\s+\S/iu

function normalizeHeading(line: string): string {
  return line
    .trim()
    .replace(/[:：»›>]+$/u, '')
    .trim()
    .toLowerCase()
    .normalize('NFC')
}

export function isImageLine(line: string): boolean {
  return IMAGE_LINE.test(line.trim())
}

export function isSourceLine(line: string): boolean {
  return SOURCE_LINE.test(line)
}

export function isRelatedHeading(line: string): boolean {
  return RELATED_HEADINGS.has(normalizeHeading(line))
}

const lettersOnly = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** Host label of the first source-line URL ("vietnamplus" for https://www.vietnamplus.vn/…). */
function sourceHostLabel(lines: TextLine[]): string | null {
  for (const line of lines) {
    if (!isSourceLine(line.text)) continue
    const m = /https?:\/\/([^/\s:?#]+)/i.exec(line.text)
    if (!m?.[1]) continue
    const labels = m[1]
      .toLowerCase()
      .replace(/^www\./, '')
      .split('.')
    const label = labels.length > 1 ? labels[labels.length - 2] : labels[0]
    return label ? lettersOnly(label) : null
  }
  return null
}

function isBanner(line: string, hostLabel: string | null): boolean {
  const t = line.trim()
  if (t.length === 0 || t.length > 120) return false
  if (DOMAIN_BANNER.test(t)) return true
  if (!hostLabel) return false
  if (lettersOnly(t) === hostLabel) return true
  const m = /^(.{2,40}?)\s+[-–—|·]\s+\S/u.exec(t)
  return !!m?.[1] && lettersOnly(m[1]) === hostLabel
}

/** Finds clutter line ranges (see the module comment). Ranges are sorted and disjoint. */
export function findClutter(text: string): ClutterRange[] {
  const lines = splitLines(text)
  const reasons: Array<ClutterReason | null> = lines.map(() => null)
  const trimmed = lines.map((l) => l.text.trim())
  const hostLabel = sourceHostLabel(lines)

  // Banners: first three non-empty lines.
  let seen = 0
  for (let i = 0; i < lines.length && seen < 3; i++) {
    if (trimmed[i] === '') continue
    seen++
    if (isBanner(trimmed[i]!, hostLabel)) reasons[i] = 'banner'
  }

  for (let i = 0; i < lines.length; i++) {
    const t = trimmed[i]!
    if (t === '' || reasons[i]) continue
    if (IMAGE_LINE.test(t)) {
      reasons[i] = 'image'
      // The caption: the next line, or after one blank line when it ends with a photo credit.
      let j = i + 1
      if (trimmed[j] === '' && PHOTO_CREDIT.test(trimmed[j + 1] ?? '')) j++
      const next = trimmed[j]
      if (next && next.length <= CAPTION_MAX && !IMAGE_LINE.test(next) && !isSourceLine(next)) {
        reasons[j] = 'caption'
      }
      continue
    }
    if (t.length <= CAPTION_MAX && PHOTO_CREDIT.test(t)) reasons[i] = 'caption'
    else if (COUNTER.test(t)) reasons[i] = 'counter'
    else if (NO_DATA.test(t)) reasons[i] = 'no-data'
  }

  // Related-article lists.
  for (let i = 0; i < lines.length; i++) {
    if (reasons[i] || !isRelatedHeading(trimmed[i]!)) continue
    reasons[i] = 'related'
    let j = i + 1
    for (; j < lines.length; j++) {
      const t = trimmed[j]!
      if (t === '') continue
      if (t.length > RELATED_ITEM_MAX || isSourceLine(t)) break
      if (!reasons[j]) reasons[j] = 'related'
    }
    i = j - 1
  }

  // Merge lines into ranges.
  const ranges: ClutterRange[] = []
  let lastLineOfRange = -1
  for (let i = 0; i < lines.length; i++) {
    const reason = reasons[i]
    if (!reason) continue
    const line = lines[i]!
    const previous = ranges[ranges.length - 1]
    const onlyBlankBetween =
      previous !== undefined &&
      previous.reason === reason &&
      trimmed.slice(lastLineOfRange + 1, i).every((t) => t === '')
    if (previous && onlyBlankBetween) previous.end = line.end
    else ranges.push({ start: line.start, end: line.end, reason })
    lastLineOfRange = i
  }
  return ranges
}

/** The text without its clutter, as language detection reads it (see textWithoutRanges). */
export function cleanText(text: string, ranges: ClutterRange[] = findClutter(text)): string {
  return textWithoutRanges(text, ranges)
}
