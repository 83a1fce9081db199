import type { Migration } from './types'

/**
 * Version 12: a source may be marked as a translation or copy of another (the source it came
 * from). Sources of one origin never corroborate each other.
 */
export const migration012: Migration = {
  version: 12,
  name: 'source_origin',
  sql: `
ALTER TABLE sources ADD COLUMN origin_id TEXT;
CREATE INDEX sources_origin ON sources (origin_id) WHERE origin_id IS NOT NULL;
`
}
