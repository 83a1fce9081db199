import { z } from 'zod'
import { CITATION_STANCES } from './domain'
import { id, optionalText, requiredText } from './schemas'

/** Requests for importing documents, reading them, and citing them. */

const stance = z.enum(CITATION_STANCES, {
  error: 'A citation supports, contradicts or mentions its claim'
})
const offset = z.number().int().min(0)
const fileName = z.string().trim().min(1).max(500)

export const documentRequests = {
  /** Reads a document and proposes its metadata; nothing is stored. */
  'documents.prepare': {
    input: z
      .object({
        fileName,
        /** The file's bytes, base64 (files), or… */
        dataBase64: z
          .string()
          .max(30_000_000, { error: 'The file is larger than 20 MB' })
          .optional(),
        /** …pasted text. */
        text: z
          .string()
          .max(20_000_000, { error: 'The text is longer than 20 million characters' })
          .optional()
      })
      .strict()
      .refine((value) => (value.dataBase64 === undefined) !== (value.text === undefined), {
        error: 'Give either a file or pasted text'
      })
  },
  /**
   * Reads a reference file (RIS, BibTeX/BibLaTeX, CSL-JSON) into one draft per record;
   * nothing is stored.
   */
  'references.prepare': {
    input: z
      .object({
        fileName,
        dataBase64: z.string().max(30_000_000, { error: 'The file is larger than 20 MB' })
      })
      .strict()
  },
  'sources.clutter': { input: z.object({ id }).strict() },
  'sources.findText': {
    input: z
      .object({
        id,
        text: requiredText('The text to find', 500),
        limit: z.number().int().min(1).max(1000).default(200)
      })
      .strict()
  },

  'citations.list': {
    input: z
      .object({
        claimId: id.optional(),
        sourceId: id.optional(),
        orphanedOnly: z.boolean().optional()
      })
      .strict()
  },
  'citations.create': {
    input: z
      .object({
        claimId: id,
        sourceId: id,
        start: offset,
        end: offset,
        stance: stance.optional(),
        locator: optionalText('The locator', 200).optional(),
        note: optionalText('The note', 5_000).optional(),
        translation: optionalText('The translation', 20_000).optional()
      })
      .strict()
      .refine((value) => value.end > value.start, { error: 'Select some text to cite' })
  },
  /** "New claim from selection": the claim and its first citation in one step. */
  'claims.createFromSelection': {
    input: z
      .object({
        sourceId: id,
        start: offset,
        end: offset,
        text: optionalText('The claim text', 20_000).optional(),
        stance: stance.optional(),
        /** The analyst's translation of the passage; the passage stays the quote. */
        translation: optionalText('The translation', 20_000).optional()
      })
      .strict()
      .refine((value) => value.end > value.start, { error: 'Select some text to make a claim of' })
  },
  'citations.update': {
    input: z
      .object({
        id,
        changes: z
          .object({
            stance: stance.optional(),
            locator: optionalText('The locator', 200).optional(),
            note: optionalText('The note', 5_000).optional(),
            translation: optionalText('The translation', 20_000).optional()
          })
          .strict()
      })
      .strict()
  },
  /** Anchors a citation again at a range the analyst chose (to mend an orphan). */
  'citations.reanchor': { input: z.object({ id, start: offset, end: offset }).strict() },
  'citations.delete': { input: z.object({ id }).strict() }
} as const
