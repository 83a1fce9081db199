/**
 * Which reference format a file is in, kept apart from import/references.ts so that asking
 * does not load the parsers.
 */

export type ReferenceFormat = 'ris' | 'bibtex' | 'csl'

function extensionOf(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
}

/** The reference format a file is in, from its name and then its first bytes; null if none. */
export function referenceFormat(bytes: Uint8Array, fileName: string): ReferenceFormat | null {
  const extension = extensionOf(fileName)
  if (extension === 'ris') return 'ris'
  if (extension === 'bib' || extension === 'bibtex' || extension === 'biblatex') return 'bibtex'
  if (extension === 'json' || extension === 'csljson') return 'csl'
  if (extension !== 'txt' && extension !== '') return null
  const head = Buffer.from(bytes.subarray(0, 2048))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  if (/^\s*TY {2}- /.test(head)) return 'ris'
  if (/^\s*@[a-z]+\s*\{/i.test(head)) return 'bibtex'
  return null
}
