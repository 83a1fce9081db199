/** The briefing renderer: data model → sections → one HTML document. */
export { escapeHtml, html, Html, joinHtml } from './html'
export { renderBriefingHtml, type BriefingRenderOptions } from './document'
export * from './model'
export { renderBriefingDocx } from './docx'
export { briefingDrawings, type BriefingDrawing } from './drawings'
