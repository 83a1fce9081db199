import { z } from 'zod'

/** Importing CSV/TSV tables of claims or sources. */

export const TABLE_KINDS = ['claims', 'sources'] as const
export const TABLE_FIELDS = [
  'text',
  'status',
  'credibility',
  'confidence',
  'eventDate',
  'tags',
  'note',
  'title',
  'url',
  'publisher',
  'author',
  'publishedAt',
  'language',
  'reliability',
  'content'
] as const

const columnRef = z.string().trim().min(1).max(500)

export const tableRequests = {
  /** Reads a table file on this computer and saves its rows as one undoable operation. */
  'tables.import': {
    input: z
      .object({
        path: z.string().min(1).max(4096),
        kind: z.enum(TABLE_KINDS, { error: 'A table holds claims or sources' }),
        encoding: z
          .enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'shift_jis'], {
            error: 'The encoding is utf-8, utf-16le, utf-16be, windows-1252 or shift_jis'
          })
          .optional(),
        delimiter: z.enum([',', ';', '\t', '|']).optional(),
        quote: z.enum(['"', 'none']).optional(),
        header: z.boolean().optional(),
        map: z.partialRecord(z.enum(TABLE_FIELDS), z.array(columnRef).min(1).max(50)).optional(),
        tagSeparator: z.string().max(10).optional(),
        skipInvalid: z.boolean().optional()
      })
      .strict()
  }
}

/**
 * Requests that name a file on this computer: only the command line may make them. A window
 * or a browser page never sends a path to be read.
 */
export const LOCAL_ONLY_REQUESTS: ReadonlySet<string> = new Set(['tables.import'])
export const LOCAL_ONLY_MESSAGE =
  'Tables are imported by path from the command line only (attest import … --as claims|sources).'
