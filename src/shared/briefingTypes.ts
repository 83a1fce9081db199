/** Output types of the stored-briefing requests (contractBriefings.ts). */

import type { z } from 'zod'
import type { briefingOptions } from './contractExports'

export type StoredBriefing = z.output<typeof briefingOptions> & {
  id: string
  createdAt: string
  updatedAt: string
}

export type BriefingOutputs = {
  'briefings.list': StoredBriefing[]
  'briefings.get': StoredBriefing
  'briefings.create': StoredBriefing
  'briefings.update': StoredBriefing
  'briefings.delete': { deleted: number }
}
