import { z } from 'zod'
import { briefingChanges, briefingOptions } from './contractExports'
import { id } from './schemas'

/**
 * Briefings kept in the project: the same fields as an export's briefing options, remembered
 * between exports, edited like any record (recorded in the history, undoable).
 */

export const briefingRequests = {
  'briefings.list': { input: z.object({}).strict() },
  'briefings.get': { input: z.object({ id }).strict() },
  'briefings.create': { input: briefingOptions },
  'briefings.update': {
    input: z.object({ id, changes: briefingChanges }).strict()
  },
  'briefings.delete': { input: z.object({ id }).strict() }
} as const
