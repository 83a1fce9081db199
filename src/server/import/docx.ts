/**
 * Text of a Word document (.docx), through mammoth: mammoth turns the document's styles into
 * plain HTML (headings h1–h6, lists ol/ul, tables), list items are given their bullet or number
 * here, and the HTML becomes text the same way an imported web page does. Title, author and
 * date come from the package's docProps/core.xml.
 */

import JSZip from 'jszip'
import mammoth from 'mammoth'
import type { HtmlMeta } from './html'

export type DocxResult =
  | { ok: true; html: string; meta: HtmlMeta }
  | { ok: false; code: 'damaged' | 'empty'; message: string }

/** Gives each list item its marker ("• ", "1. "), nested lists indented by two spaces. */
export function markListItems(html: string): string {
  const stack: Array<{ ordered: boolean; next: number }> = []
  return html.replace(/<(\/?)(ol|ul|li)\b[^>]*>/gi, (tag, closing: string, name: string) => {
    const element = name.toLowerCase()
    if (element !== 'li') {
      if (closing) stack.pop()
      else stack.push({ ordered: element === 'ol', next: 1 })
      return tag
    }
    if (closing) return tag
    const list = stack[stack.length - 1]
    const indent = '\u00a0\u00a0'.repeat(Math.max(0, stack.length - 1))
    if (!list) return `${tag}• `
    const marker = list.ordered ? `${list.next++}. ` : '• '
    return `${tag}${indent}${marker}`
  })
}

function xmlText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)
  const value = match?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim()
  return value ? value : undefined
}

/** Reads a .docx (see the module comment). `name` is the quoted file name. */
export async function docxToHtml(bytes: Uint8Array, name: string): Promise<DocxResult> {
  const damaged = (why: string): DocxResult => ({
    ok: false,
    code: 'damaged',
    message: `${name} cannot be read as a Word document (${why}); the file may be damaged, or it is an old .doc file — save it as .docx and try again.`
  })
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    return damaged('it is not a complete ZIP package')
  }
  if (!zip.file('word/document.xml')) return damaged('it has no word/document.xml part')
  let html: string
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    html = result.value
  } catch (error) {
    return damaged((error as Error).message.split('\n')[0] ?? 'unreadable XML')
  }
  if (html.replace(/<[^>]*>/g, '').trim() === '') {
    return { ok: false, code: 'empty', message: `${name} contains no text.` }
  }
  const core = await zip.file('docProps/core.xml')?.async('string')
  const meta: HtmlMeta = core
    ? {
        title: xmlText(core, 'dc:title'),
        author: xmlText(core, 'dc:creator'),
        publishedAt: xmlText(core, 'dcterms:created')?.slice(0, 10),
        lang: xmlText(core, 'dc:language')
      }
    : {}
  return { ok: true, html: `<!doctype html><html><body>${markListItems(html)}</body></html>`, meta }
}
