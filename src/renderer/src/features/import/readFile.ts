/** Reading dropped or chosen files in the page, for `documents.prepare`. */

/** The core refuses documents above 20 MB; larger files are not even sent. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** Reference files (RIS, BibTeX/BibLaTeX, CSL-JSON): one source per record. */
export const REFERENCE_EXTENSIONS = ['.ris', '.bib', '.json'] as const

export function isReferenceFile(name: string): boolean {
  const lower = name.toLowerCase()
  return REFERENCE_EXTENSIONS.some((extension) => lower.endsWith(extension))
}

export const ACCEPTED_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.pdf',
  '.docx',
  ...REFERENCE_EXTENSIONS
] as const
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',')

export function tooLargeMessage(file: { name: string; size: number }): string {
  return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; documents larger than 20 MB cannot be imported.`
}

/** The file's bytes as base64, without a data: URL prefix. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

/** Files from a drop, leaving out folders (which arrive as zero-byte entries without a type). */
export function droppedFiles(transfer: DataTransfer | null): File[] {
  if (!transfer) return []
  const files: File[] = []
  for (const item of transfer.items) {
    if (item.kind !== 'file') continue
    const entry = item.webkitGetAsEntry?.()
    if (entry?.isDirectory) continue
    const file = item.getAsFile()
    if (file) files.push(file)
  }
  if (transfer.items.length === 0) files.push(...transfer.files)
  return files
}

export function isFileDrag(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false
}
