/**
 * HTML → plain text without a DOM library.
 *
 * - script/style/noscript/template/svg/math/iframe/object/canvas content is dropped, and so is
 *   all text inside <head> (but <title>, <link rel=canonical>, the OpenGraph/article meta tags,
 *   meta author and <html lang> are read into `meta`);
 * - block-level elements become line breaks; paragraphs, headings, lists, tables, quotes and
 *   sections are separated by a blank line, <br>, <li>, <tr>, <div> and friends by a newline;
 * - named (common set) and numeric character references are decoded;
 * - runs of HTML whitespace collapse to one space (except inside <pre>); all other
 *   characters, including no-break spaces, are kept exactly.
 */

export interface HtmlMeta {
  title?: string
  canonicalUrl?: string
  publishedAt?: string
  author?: string
  siteName?: string
  lang?: string
}

export interface HtmlText {
  text: string
  meta: HtmlMeta
}

// ---------------------------------------------------------------------------------------------
// Character references

const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' '
  )

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  OElig: '\u0152',
  oelig: '\u0153',
  Scaron: '\u0160',
  scaron: '\u0161',
  Yuml: '\u0178',
  Zcaron: '\u017D',
  zcaron: '\u017E',
  fnof: '\u0192',
  circ: '\u02C6',
  tilde: '\u02DC',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200C',
  zwj: '\u200D',
  lrm: '\u200E',
  rlm: '\u200F',
  ndash: '\u2013',
  mdash: '\u2014',
  horbar: '\u2015',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201A',
  ldquo: '\u201C',
  rdquo: '\u201D',
  bdquo: '\u201E',
  dagger: '\u2020',
  Dagger: '\u2021',
  bull: '\u2022',
  hellip: '\u2026',
  permil: '\u2030',
  prime: '\u2032',
  Prime: '\u2033',
  lsaquo: '\u2039',
  rsaquo: '\u203A',
  oline: '\u203E',
  frasl: '\u2044',
  euro: '\u20AC',
  trade: '\u2122',
  larr: '\u2190',
  uarr: '\u2191',
  rarr: '\u2192',
  darr: '\u2193',
  harr: '\u2194',
  minus: '\u2212',
  le: '\u2264',
  ge: '\u2265',
  ne: '\u2260',
  asymp: '\u2248',
  infin: '\u221E',
  deg: '\u00B0',
  Alpha: '\u0391',
  Beta: '\u0392',
  Gamma: '\u0393',
  Delta: '\u0394',
  alpha: '\u03B1',
  beta: '\u03B2',
  gamma: '\u03B3',
  delta: '\u03B4',
  mu: '\u03BC',
  pi: '\u03C0',
  sigma: '\u03C3',
  Omega: '\u03A9',
  omega: '\u03C9',
  nbhy: '\u2011',
  NonBreakingSpace: '\u00A0',
  numsp: '\u2007',
  puncsp: '\u2008',
  hairsp: '\u200A',
  check: '\u2713',
  star: '\u2606',
  starf: '\u2605',
  hearts: '\u2665',
  copysr: '\u2117',
  laquo: '\u00AB',
  raquo: '\u00BB'
}
LATIN1_NAMES.forEach((name, i) => {
  NAMED_ENTITIES[name] = String.fromCharCode(0xa0 + i)
})

/** Names the HTML standard also recognises without a trailing semicolon (common subset). */
const LEGACY_NO_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg'])

/** Windows-1252 meanings of &#128;–&#159; (as the HTML standard specifies). */
const C1_REPLACEMENTS: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178
}

function fromCodePoint(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD'
  const c1 = C1_REPLACEMENTS[cp]
  return String.fromCodePoint(c1 ?? cp)
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,8});?|#([0-9]{1,9});?|([A-Za-z][A-Za-z0-9]{1,31})(;?))/g

/** Decodes numeric and (common) named character references; unknown ones are left as they are. */
export function decodeEntities(input: string): string {
  if (!input.includes('&')) return input
  return input.replace(
    ENTITY,
    (
      match,
      hexDigits: string | undefined,
      decDigits: string | undefined,
      name: string | undefined,
      semi: string | undefined,
      offset: number,
      whole: string
    ) => {
      if (hexDigits !== undefined) return fromCodePoint(parseInt(hexDigits, 16))
      if (decDigits !== undefined) return fromCodePoint(parseInt(decDigits, 10))
      if (name === undefined) return match
      const value = NAMED_ENTITIES[name]
      if (value === undefined) return match
      if (semi === ';') return value
      // Without ';' only the legacy names, and only when not followed by more name characters.
      const next = whole.charAt(offset + match.length)
      if (LEGACY_NO_SEMICOLON.has(name) && !/[A-Za-z0-9=]/.test(next)) return value
      return match
    }
  )
}

// ---------------------------------------------------------------------------------------------
// Element classes

/** Elements whose whole content is dropped. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'button',
  'textarea'
])
/** Elements that may appear in <head>; any other start tag ends the head. */
const HEAD_CONTENT = new Set([
  'meta',
  'link',
  'title',
  'script',
  'style',
  'base',
  'noscript',
  'template'
])
/** Raw-text elements: their content is not parsed for tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'noscript'])

/** Elements separated from their surroundings by a blank line. */
const PARAGRAPH_BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'table',
  'figure',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'address',
  'hr',
  'form',
  'fieldset',
  'details',
  'hgroup'
])
/** Elements that start on a new line. */
const LINE_BLOCKS = new Set([
  'div',
  'li',
  'dt',
  'dd',
  'tr',
  'figcaption',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'summary',
  'legend',
  'center',
  'option',
  'body',
  'html'
])
/** Table cells: separated by a space on the same line. */
const CELLS = new Set(['td', 'th'])

// ---------------------------------------------------------------------------------------------
// Text output with whitespace collapsing

class TextBuilder {
  private parts: string[] = []
  private hasContent = false
  private lineHasContent = false
  private pendingSpace = false
  private pendingNewlines = 0

  /** Request a break before the next text: 1 = new line, 2 = blank line. */
  block(level: 1 | 2): void {
    if (!this.hasContent) return
    this.pendingNewlines = Math.max(this.pendingNewlines, level)
    this.pendingSpace = false
  }

  /** <br>: one more newline (consecutive <br>s add up, at most a blank line). */
  lineBreak(): void {
    if (!this.hasContent) return
    this.pendingNewlines = Math.min(2, this.pendingNewlines + 1)
    this.pendingSpace = false
  }

  space(): void {
    if (this.lineHasContent && this.pendingNewlines === 0) this.pendingSpace = true
  }

  private flushBreaks(): void {
    if (this.pendingNewlines > 0) {
      this.parts.push('\n'.repeat(this.pendingNewlines))
      this.pendingNewlines = 0
      this.lineHasContent = false
    }
    if (this.pendingSpace) {
      this.parts.push(' ')
      this.pendingSpace = false
    }
  }

  /** Normal-flow text: HTML whitespace runs collapse to single spaces. */
  text(raw: string): void {
    const segments = raw.split(/[ \t\n\r\f]+/)
    segments.forEach((segment, i) => {
      if (i > 0) this.space()
      if (segment === '') return
      this.flushBreaks()
      this.parts.push(segment)
      this.hasContent = true
      this.lineHasContent = true
    })
  }

  /** Preformatted text: whitespace kept. */
  pre(raw: string): void {
    if (raw === '') return
    this.flushBreaks()
    this.parts.push(raw)
    this.hasContent = true
    this.lineHasContent = !raw.endsWith('\n')
  }

  toString(): string {
    return this.parts
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  }
}

// ---------------------------------------------------------------------------------------------
// Tag scanning

interface Tag {
  name: string
  closing: boolean
  selfClosing: boolean
  attributes: Map<string, string>
  end: number
}

const TAG_NAME = /^[A-Za-z][A-Za-z0-9:-]*/
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y

/** Parses the tag starting at `html[at] === '<'`; null when it is not a tag. */
function readTag(html: string, at: number): Tag | null {
  let i = at + 1
  const closing = html[i] === '/'
  if (closing) i++
  const nameMatch = TAG_NAME.exec(html.slice(i, i + 64))
  if (!nameMatch) return null
  const name = nameMatch[0].toLowerCase()
  i += nameMatch[0].length
  const attributes = new Map<string, string>()
  let selfClosing = false
  while (i < html.length) {
    const c = html.charAt(i)
    if (c === '>') {
      return { name, closing, selfClosing, attributes, end: i + 1 }
    }
    if (c === '/' && html[i + 1] === '>') {
      selfClosing = true
      i++
      continue
    }
    if (/\s|\//.test(c)) {
      i++
      continue
    }
    ATTRIBUTE.lastIndex = i
    const m = ATTRIBUTE.exec(html)
    if (!m || m[0].length === 0) {
      i++
      continue
    }
    const key = (m[1] ?? '').toLowerCase()
    const value = m[2] ?? m[3] ?? m[4] ?? ''
    if (!attributes.has(key)) attributes.set(key, decodeEntities(value))
    i += m[0].length
  }
  return { name, closing, selfClosing, attributes, end: html.length }
}

/** Index just after the matching `</name>` for a raw-text element (or the end of the input). */
function rawTextEnd(html: string, from: number, name: string): { contentEnd: number; end: number } {
  const close = new RegExp(`</${name}(?=[\\s/>])[^>]*>?`, 'ig')
  close.lastIndex = from
  const m = close.exec(html)
  if (!m) return { contentEnd: html.length, end: html.length }
  return { contentEnd: m.index, end: m.index + m[0].length }
}

/** Index after the element's matching close tag, counting nested elements of the same name. */
function skipElement(html: string, from: number, name: string): number {
  if (RAW_TEXT.has(name)) return rawTextEnd(html, from, name).end
  const pattern = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, 'ig')
  pattern.lastIndex = from
  let depth = 1
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    if (m[1] === '/') depth--
    else if (!m[0].endsWith('/>')) depth++
    if (depth === 0) return m.index + m[0].length
  }
  return html.length
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Extracts readable text and page metadata from an HTML document or fragment. */
export function htmlToText(html: string): HtmlText {
  const out = new TextBuilder()
  const meta: HtmlMeta = {}
  let ogTitle: string | undefined
  let documentTitle: string | undefined
  let ogUrl: string | undefined
  let inHead = false
  let preDepth = 0
  let i = 0

  const readMeta = (tag: Tag): void => {
    const attr = (k: string): string | undefined => {
      const v = tag.attributes.get(k)
      return v === undefined ? undefined : collapse(v)
    }
    if (tag.name === 'html') {
      const lang = attr('lang') ?? attr('xml:lang')
      if (lang) meta.lang = lang
      return
    }
    if (tag.name === 'link') {
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/)
      const href = attr('href')
      if (rel.includes('canonical') && href && meta.canonicalUrl === undefined) {
        meta.canonicalUrl = href
      }
      return
    }
    if (tag.name !== 'meta') return
    const key = (attr('property') ?? attr('name') ?? attr('itemprop') ?? '').toLowerCase()
    const content = attr('content')
    if (!key || !content) return
    switch (key) {
      case 'og:title':
        ogTitle ??= content
        break
      case 'og:url':
        ogUrl ??= content
        break
      case 'og:site_name':
        meta.siteName ??= content
        break
      case 'author':
      case 'article:author':
      case 'dc.creator':
        if (!/^https?:\/\//i.test(content)) meta.author ??= content
        break
      case 'article:published_time':
      case 'og:article:published_time':
      case 'datepublished':
      case 'pubdate':
      case 'publishdate':
      case 'publish-date':
      case 'date':
      case 'dc.date':
      case 'dc.date.issued':
      case 'dcterms.created':
      case 'citation_publication_date':
        meta.publishedAt ??= content
        break
    }
  }

  while (i < html.length) {
    const lt = html.indexOf('<', i)
    const textEnd = lt === -1 ? html.length : lt
    if (textEnd > i) {
      const chunk = decodeEntities(html.slice(i, textEnd))
      if (!inHead) {
        if (preDepth > 0) out.pre(chunk)
        else out.text(chunk)
      }
      i = textEnd
      continue
    }
    // html[i] === '<'
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4)
      i = end === -1 ? html.length : end + 3
      continue
    }
    if (html.startsWith('<![CDATA[', i)) {
      const end = html.indexOf(']]>', i + 9)
      const content = html.slice(i + 9, end === -1 ? html.length : end)
      if (!inHead) out.text(content)
      i = end === -1 ? html.length : end + 3
      continue
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i + 2)
      i = end === -1 ? html.length : end + 1
      continue
    }
    const tag = readTag(html, i)
    if (!tag) {
      // A lone '<' is text.
      if (!inHead) {
        if (preDepth > 0) out.pre('<')
        else out.text('<')
      }
      i++
      continue
    }
    i = tag.end
    const { name } = tag
    if (tag.closing) {
      if (name === 'head') inHead = false
      else if (name === 'pre' || name === 'listing') {
        preDepth = Math.max(0, preDepth - 1)
      }
      if (PARAGRAPH_BLOCKS.has(name)) out.block(2)
      else if (LINE_BLOCKS.has(name)) out.block(1)
      else if (CELLS.has(name)) out.space()
      continue
    }
    readMeta(tag)
    if (name === 'head') {
      inHead = true
      continue
    }
    if (inHead && !HEAD_CONTENT.has(name)) inHead = false
    if (name === 'title') {
      const { contentEnd, end } = rawTextEnd(html, i, 'title')
      documentTitle ??= collapse(decodeEntities(html.slice(i, contentEnd)))
      i = end
      continue
    }
    if (SKIPPED.has(name)) {
      if (!tag.selfClosing) i = skipElement(html, i, name)
      continue
    }
    if (name === 'style' || name === 'xmp' || name === 'plaintext') {
      i = rawTextEnd(html, i, name).end
      continue
    }
    if (name === 'br') {
      if (!inHead) out.lineBreak()
      continue
    }
    if (inHead) continue
    if (PARAGRAPH_BLOCKS.has(name)) out.block(2)
    else if (LINE_BLOCKS.has(name)) out.block(1)
    else if (CELLS.has(name)) out.space()
    if (name === 'pre' || name === 'listing') {
      if (!tag.selfClosing) {
        preDepth++
        // A newline right after <pre> is not part of the content.
        if (html[i] === '\n') i++
        else if (html.startsWith('\r\n', i)) i += 2
      }
    }
  }

  const title = ogTitle ?? stripSiteSuffix(documentTitle, meta.siteName)
  if (title) meta.title = title
  if (meta.canonicalUrl === undefined && ogUrl) meta.canonicalUrl = ogUrl
  return { text: out.toString(), meta }
}

/** "Headline - Site Name" → "Headline" when the suffix is the site name. */
function stripSiteSuffix(
  title: string | undefined,
  siteName: string | undefined
): string | undefined {
  if (!title) return undefined
  if (!siteName) return title
  const site = siteName.toLowerCase()
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
    const idx = title.lastIndexOf(sep)
    if (
      idx > 0 &&
      title
        .slice(idx + sep.length)
        .trim()
        .toLowerCase() === site
    ) {
      return title.slice(0, idx).trim()
    }
  }
  return title
}
