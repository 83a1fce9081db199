/** What a table import reports (see server/import/tableImport.ts). */

export type TableRowError = { line: number; column: string | null; message: string }

export type TableReadSettings = {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'shift_jis'
  delimiter: ',' | ';' | '\t' | '|'
  quote: '"' | 'none'
  header: boolean
  /** The file began with a byte-order mark. */
  bom: boolean
  /** The encoding was detected rather than given. */
  detected: boolean
}

export type TableImportReport = {
  settings: TableReadSettings
  columns: string[]
  /** field → 0-based column indexes */
  mapping: Partial<Record<string, number[]>>
  rows: number
  imported: number
  duplicates: number
  invalid: number
  tagsCreated: number
  /** The first 100 row errors. */
  errors: TableRowError[]
}

export type TableOutputs = { 'tables.import': TableImportReport }
