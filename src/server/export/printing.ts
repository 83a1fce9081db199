import { html, trustedCss } from './briefing/html'

/**
 * What every PDF printer shares — the Playwright printer of the CLI and browser mode, and
 * Electron's printToPDF in the app — without importing either.
 */

export type PdfHeaderFooter = { headerLeft: string; headerRight: string; footerLeft: string }

/** A drawing to turn into a PNG: self-contained SVG markup built by the briefing renderer. */
export type SvgDrawing = { svg: string; width: number; height: number }

export interface PdfPrinter {
  /** Prints a self-contained HTML document to an A4 PDF with running header and footer. */
  printHtml(html: string, options: PdfHeaderFooter): Promise<Uint8Array>
  /**
   * Draws each SVG as a PNG at `scale` × its size, with the given @font-face rules: the
   * pictures a Word document needs beside the SVG for readers that cannot draw SVG.
   */
  rasterize(drawings: readonly SvgDrawing[], fontCss: string, scale: number): Promise<Uint8Array[]>
  close(): Promise<void>
}

/**
 * The page a printer photographs the drawings on: each in a box of its own size, white behind
 * it, stacked from the top. The SVG is the renderer's own markup (built with html`…`).
 */
export function drawingSheet(drawings: readonly SvgDrawing[], fontCss: string): string {
  const boxes = drawings
    .map(
      (drawing, index) =>
        `<div id="drawing-${index}" style="width:${drawing.width}px;height:${drawing.height}px">${drawing.svg}</div>`
    )
    .join('')
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src file: data:"><style>${trustedCss(fontCss)}html,body{margin:0;background:#fff}div{overflow:hidden}svg{display:block}</style></head><body>${boxes}</body></html>`
}

/** Page margins; the running header and footer sit inside the top and bottom ones. */
export const PDF_MARGIN_MM = { top: 19, bottom: 17, left: 18, right: 18 }

export function headerFooterTemplates(options: PdfHeaderFooter): {
  headerTemplate: string
  footerTemplate: string
} {
  // The templates render in their own document: no page fonts, explicit sizes required.
  const base =
    "font-family:'Noto Sans','Noto Sans CJK JP','Segoe UI',Arial,sans-serif;font-size:7.5pt;" +
    'color:#5b6675;width:100%;margin:0 18mm;display:flex;justify-content:space-between;' +
    'align-items:baseline;gap:6mm;-webkit-print-color-adjust:exact;'
  const cell = 'white-space:nowrap;overflow:hidden;text-overflow:ellipsis;'
  const mark = `${cell}font-weight:700;letter-spacing:0.05em;text-transform:uppercase;color:#8c1d18;`
  const headerTemplate =
    html`<div style="${base}padding-top:7mm;"><span style="${mark}">${options.headerLeft}</span><span style="${cell}max-width:60%;">${options.headerRight}</span></div>`.toString()
  const footerTemplate =
    html`<div style="${base}padding-bottom:6mm;"><span style="${mark}">${options.footerLeft}</span><span style="white-space:nowrap;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`.toString()
  return { headerTemplate, footerTemplate }
}

/**
 * Pages of a PDF written by Chromium: its page tree root states /Count. Good enough for a
 * summary line; `pdfinfo` is the reference in tests.
 */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  let max = 0
  for (const match of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)) {
    max = Math.max(max, Number(match[1]))
  }
  if (max > 0) return max
  for (const match of text.matchAll(/\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    max = Math.max(max, Number(match[1]))
  }
  if (max > 0) return max
  return [...text.matchAll(/\/Type\s*\/Page\b(?!s)/g)].length
}
