import type { BriefingOptionsInput } from '../../shared/contractExports'
import type { BriefingDocx } from '../../shared/exportTypes'
import { call, type Core } from '../core'
import type { PdfPrinter } from './printing'

/** Pixels per CSS px of a drawing's picture: sharp on paper at the size Word shows it. */
const PICTURE_SCALE = 3

/**
 * A Word briefing with pictures of its drawings. Word shows the SVG; LibreOffice and older Word
 * show the PNG beside it, which the front door's Chromium draws (the core has no browser).
 * Without a browser the document is written without the drawings, and `picturesMissing` says
 * why; the timeline's list and every other section are there either way.
 */
export async function briefingDocxWithPictures(
  core: Core,
  options: BriefingOptionsInput,
  printer: PdfPrinter | null,
  fonts: 'file' | 'inline'
): Promise<{ docx: BriefingDocx; picturesMissing: string | null }> {
  let pictures: Array<{ key: 'status' | 'credibility' | 'timeline'; png: string }> = []
  let picturesMissing: string | null = null
  const { drawings, fontCss } = await call(core, 'briefing.drawings', { ...options, fonts })
  if (drawings.length > 0) {
    try {
      if (printer === null) throw new Error('no browser to draw them with')
      const pngs = await printer.rasterize(drawings, fontCss, PICTURE_SCALE)
      pictures = drawings.map((drawing, index) => ({
        key: drawing.key,
        png: Buffer.from(pngs[index] ?? new Uint8Array()).toString('base64')
      }))
    } catch (error) {
      picturesMissing = error instanceof Error ? error.message : String(error)
    }
  }
  const docx = await call(core, 'briefing.docx', { ...options, pictures })
  return { docx, picturesMissing }
}
