import { z } from 'zod'
import {
  CLAIM_SORT_FIELDS,
  SOURCE_SORT_FIELDS,
  claimFilter,
  direction,
  id,
  ids,
  isoDate,
  requiredText,
  sourceFilter,
  trimmed,
  url
} from './schemas'

/** Requests for CSV exports and PDF briefings. */

export const EXPORT_KINDS = ['claims', 'sources', 'citations', 'tags'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const CSV_DELIMITERS = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number]

export const BRIEFING_GROUPINGS = ['tag', 'status', 'source', 'none'] as const
export type BriefingGrouping = (typeof BRIEFING_GROUPINGS)[number]

/** The drawings a briefing can hold, each once. */
export const BRIEFING_DRAWINGS = ['status', 'credibility', 'timeline'] as const
export type BriefingDrawingKey = (typeof BRIEFING_DRAWINGS)[number]
const MAX_PICTURE_BASE64 = 8_000_000

/** A briefing is read by people: past this many claims it is a data dump, better sent as CSV. */
export const MAX_BRIEFING_CLAIMS = 2_000

const claimSort = z
  .array(z.object({ field: z.enum(CLAIM_SORT_FIELDS), direction }))
  .max(5)
  .optional()
const sourceSort = z
  .array(z.object({ field: z.enum(SOURCE_SORT_FIELDS), direction }))
  .max(5)
  .optional()

/**
 * Which records: everything, chosen ids (of the kind exported), or what a grid shows — its
 * filter and search, in its sort order. Selected rows of a grid are its view with `filter.ids`.
 * A view of the other grid narrows by citation (sources cited for those claims, and so on).
 * Trashed records are never exported, whatever the filter says.
 */
export const exportScope = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('all') }).strict(),
    z.object({ type: z.literal('ids'), ids }).strict(),
    z
      .object({ type: z.literal('claims'), filter: claimFilter.optional(), sort: claimSort })
      .strict(),
    z
      .object({ type: z.literal('sources'), filter: sourceFilter.optional(), sort: sourceSort })
      .strict(),
    z.object({ type: z.literal('tag'), tagId: id }).strict()
  ],
  { error: 'The scope is all, ids, claims, sources or tag' }
)
export type ExportScope = z.output<typeof exportScope>

export const exportKind = z.enum(EXPORT_KINDS, {
  error: `Export one of: ${EXPORT_KINDS.join(', ')}`
})

const jobId = z.string().regex(/^[a-f0-9]{32}$/, { error: 'That is not an export job' })

export const briefingInclude = z
  .object({
    statusAndCredibility: z.boolean().default(true),
    citations: z.boolean().default(true),
    notes: z.boolean().default(true),
    relations: z.boolean().default(true),
    sourceReliability: z.boolean().default(true),
    figureConflicts: z.boolean().default(true)
  })
  .strict()

/** A key judgement: what the analyst concludes, how likely, and the claims it rests on. */
export const keyJudgement = z
  .object({
    text: requiredText('A key judgement', 2_000),
    confidence: trimmed('The confidence of a key judgement', 60).default(''),
    claimIds: z
      .array(id)
      .max(200, { error: 'A key judgement cites at most 200 claims' })
      .default([])
  })
  .strict()
export type KeyJudgement = z.output<typeof keyJudgement>

const ALL_INCLUDED = {
  statusAndCredibility: true,
  citations: true,
  notes: true,
  relations: true,
  sourceReliability: true,
  figureConflicts: true
}

/** Each field of a briefing, without defaults (a partial update must not reset fields). */
const briefingFields = {
  title: requiredText('The title', 300),
  author: trimmed('The author or unit', 300),
  audience: trimmed('The audience', 300),
  classification: trimmed('The classification', 120),
  /** The date the briefing carries (YYYY-MM-DD); empty: the day it is exported. */
  date: z.union([isoDate, z.literal('')]),
  bottomLine: trimmed('The bottom line', 5_000),
  judgements: z.array(keyJudgement).max(20, { error: 'A briefing has at most 20 key judgements' }),
  scope: exportScope,
  groupBy: z.enum(BRIEFING_GROUPINGS, { error: 'Group by tag, status, source or none' }),
  include: briefingInclude
}

/** What the analyst chooses for a briefing; the same fields in the app, the CLI and HTTP. */
export const briefingOptions = z
  .object({
    title: briefingFields.title,
    author: briefingFields.author.default(''),
    audience: briefingFields.audience.default(''),
    classification: briefingFields.classification.default(''),
    date: briefingFields.date.default(''),
    bottomLine: briefingFields.bottomLine.default(''),
    judgements: briefingFields.judgements.default([]),
    scope: briefingFields.scope.default({ type: 'all' }),
    groupBy: briefingFields.groupBy.default('tag'),
    include: briefingFields.include.default(ALL_INCLUDED)
  })
  .strict()

/** Changes to a stored briefing: any of its fields, the others left as they are. */
export const briefingChanges = z
  .object({
    title: briefingFields.title.optional(),
    author: briefingFields.author.optional(),
    audience: briefingFields.audience.optional(),
    classification: briefingFields.classification.optional(),
    date: briefingFields.date.optional(),
    bottomLine: briefingFields.bottomLine.optional(),
    judgements: briefingFields.judgements.optional(),
    scope: briefingFields.scope.optional(),
    groupBy: briefingFields.groupBy.optional(),
    include: briefingFields.include.optional()
  })
  .strict()
export type BriefingOptionsInput = z.input<typeof briefingOptions>

export const INTERCHANGE_FORMATS = ['csl', 'claimreview', 'annotations'] as const

export const exportRequests = {
  /**
   * A JSON file for the tools beside Attest: sources as CSL-JSON, graded claims as schema.org
   * ClaimReview, citations as W3C Web Annotations. Answered whole (small next to a CSV).
   */
  'export.interchange': {
    input: z
      .object({
        format: z.enum(INTERCHANGE_FORMATS, {
          error: 'The format is csl, claimreview or annotations'
        }),
        /** Who reviewed the claims (ClaimReview `author`). */
        author: z
          .string()
          .trim()
          .max(200, { error: 'The author is longer than 200 characters' })
          .optional(),
        /** Where the reviews are published; each claim's URL is this with #claim-<id>. */
        baseUrl: url.optional()
      })
      .strict()
  },
  /**
   * Starts writing a CSV file in the background and answers at once; poll `export.status`.
   * The finished file waits in a private temp folder until a front door delivers it.
   */
  'export.start': {
    input: z
      .object({
        what: exportKind,
        scope: exportScope.default({ type: 'all' }),
        delimiter: z
          .enum(CSV_DELIMITERS, { error: 'The delimiter is a comma, a semicolon or a tab' })
          .default(','),
        bom: z.boolean().default(true)
      })
      .strict()
  },
  'export.status': { input: z.object({ jobId }).strict() },
  'export.cancel': { input: z.object({ jobId }).strict() },
  /** Where a finished export waits, for the front door that delivers it (save, download). */
  'export.file': { input: z.object({ jobId }).strict() },
  /** Forgets a job and removes its file (cancelling it first if it still runs). */
  'export.release': { input: z.object({ jobId }).strict() },

  /**
   * The briefing as one self-contained HTML document. `fonts`: file: URLs for printing from a
   * temp file, embedded data: URLs for a sandboxed preview or a printer that cannot reach the
   * font files, or none.
   */
  'briefing.html': {
    input: briefingOptions.extend({
      fonts: z.enum(['file', 'inline', 'none']).default('file')
    })
  },
  /** The drawings of a briefing (charts, timeline) as SVG, for a front door to make PNGs of. */
  'briefing.drawings': {
    input: briefingOptions.extend({
      fonts: z.enum(['file', 'inline', 'none']).default('file')
    })
  },
  /**
   * The same briefing as an editable Word document (.docx), as base64. `pictures`: PNGs of its
   * drawings made by the front door (Word needs one beside each SVG); a drawing without one is
   * left out, its text kept.
   */
  'briefing.docx': {
    input: briefingOptions.extend({
      pictures: z
        .array(
          z
            .object({
              key: z.enum(BRIEFING_DRAWINGS, { error: 'That is not a drawing of the briefing' }),
              png: z
                .string()
                .max(MAX_PICTURE_BASE64, { error: 'A picture of a drawing is at most 6 MB' })
                .regex(/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, {
                  error: 'A picture of a drawing is a base64 PNG'
                })
            })
            .strict()
        )
        .max(BRIEFING_DRAWINGS.length)
        .default([])
    })
  }
} as const

/**
 * Native actions of the desktop shell, answered by Electron's main process (never by the core):
 * the page names a finished job or a briefing, the shell asks the user where to save it.
 */
export const shellRequests = {
  'shell.saveExport': { input: z.object({ jobId }).strict() },
  'shell.saveBriefingPdf': { input: briefingOptions },
  'shell.saveBriefingDocx': { input: briefingOptions },
  /** A link the user clicked; the shell asks before the operating system opens it. */
  'shell.openLink': { input: z.object({ url: z.string().max(4096) }).strict() }
} as const
export type ShellRequestName = keyof typeof shellRequests

export function isShellRequest(name: string): name is ShellRequestName {
  return Object.prototype.hasOwnProperty.call(shellRequests, name)
}
