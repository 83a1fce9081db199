/** Output types of the export requests (contractExports.ts). */

import type { ExportKind } from './contractExports'

export type ExportJobState = 'running' | 'done' | 'failed' | 'cancelled'

export type ExportStarted = {
  jobId: string
  /** Rows the scope held when the export started. */
  total: number
  /** A suggested name for the file, e.g. "gulf-trade-claims-2024-05-01.csv". */
  fileName: string
}

export type ExportStatus = {
  jobId: string
  what: ExportKind
  state: ExportJobState
  /** Data rows written so far. */
  rows: number
  total: number
  fileName: string
  /** Size of the finished file. */
  bytes: number | null
  /** Why the export failed, as a sentence for the user. */
  error: string | null
}

export type ExportFile = { path: string; fileName: string; bytes: number; rows: number }

/** The header and footer lines a printer repeats on every page. */
export type BriefingHeaderFooter = { headerLeft: string; headerRight: string; footerLeft: string }

export type BriefingHtml = {
  html: string
  claims: number
  sources: number
  citations: number
  groups: number
  /** A suggested file name, e.g. "Gulf trade briefing.pdf". */
  fileName: string
  headerFooter: BriefingHeaderFooter
}

export type BriefingDrawings = {
  /** Self-contained SVG of each drawing, with its size in CSS px. */
  drawings: Array<{
    key: 'status' | 'credibility' | 'timeline'
    svg: string
    width: number
    height: number
  }>
  /** @font-face rules the drawings' text needs. */
  fontCss: string
}

export type BriefingDocx = {
  /** Drawings left out for want of a picture (the charts, the timeline). */
  drawingsLeftOut: number
  /** The .docx file's bytes, base64-encoded. */
  dataBase64: string
  bytes: number
  claims: number
  sources: number
  citations: number
  /** A suggested file name, e.g. "Gulf trade briefing.docx". */
  fileName: string
}

export type InterchangeFormat = 'csl' | 'claimreview' | 'annotations'

/** A JSON file for another tool (see server/export/interchange.ts). */
export type InterchangeExport = {
  format: InterchangeFormat
  fileName: string
  mimeType: string
  /** Items in the file: sources, claim reviews or annotations. */
  records: number
  text: string
}

export type ExportOutputs = {
  'export.interchange': InterchangeExport
  'export.start': ExportStarted
  'export.status': ExportStatus
  'export.cancel': ExportStatus
  'export.file': ExportFile
  'export.release': { released: boolean }
  'briefing.html': BriefingHtml
  'briefing.drawings': BriefingDrawings
  'briefing.docx': BriefingDocx
}

/** What the desktop shell answers for its native requests. */
export type ShellOutputs = {
  'shell.saveExport': { saved: boolean; path: string | null }
  'shell.saveBriefingPdf': { saved: boolean; path: string | null; pages: number }
  'shell.saveBriefingDocx': { saved: boolean; path: string | null }
  'shell.openLink': { opened: boolean }
}
