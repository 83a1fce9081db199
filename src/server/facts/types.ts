// The shape of a fact found in a text: a quantity ("42,5 Milliarden US-Dollar") or a date or
// period ("seit September 2025"). Pure: no Node imports, shared by extraction and matching.

export type FactKind = 'quantity' | 'date'
export type FactStatus = 'actual' | 'forecast'
export type FactBound = 'exact' | 'at-least' | 'at-most' | 'approximate' | 'range'

export interface Fact {
  kind: FactKind
  /** Exact span as written, e.g. "42,5 Milliarden US-Dollar". */
  quote: string
  /** UTF-16 offsets of quote in the text it came from. */
  start: number
  end: number
  /** The whole sentence holding it (trimmed). */
  sentence: string
  sentenceStart: number
  /** ISO 639-1 of the text: en nb de vi ja (others: best effort). */
  lang: string
  /** 'forecast' for expected/voraussichtlich/forventes/dự kiến/見込み/予定/plans/soll. */
  status: FactStatus
  // quantities (null for dates)
  /** Equal to high for an exact figure. */
  low: number | null
  /** null = open upper bound (more than / 60+). */
  high: number | null
  bound: FactBound | null
  /** ISO 4217 for money, '%' for percent, else the counted noun as written (lower-cased) or null. */
  unit: string | null
  /** What a quantity covers: "first ten months of 2025" → 2025-01-01..2025-10-31; a year → whole year. */
  period: { from: string; to: string | null } | null
  // dates (null for quantities)
  /** ISO day, first day of the period meant (a month: its 1st). */
  from: string | null
  /** ISO day, last day; null = open end ("since September 2025"). */
  to: string | null
}

export interface ExtractOptions {
  lang: string
  /** ISO day: fills missing years. */
  published?: string | null
}
