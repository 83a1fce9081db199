import type { Migration } from './types'

/**
 * Version 10: a citation may carry the analyst's translation of its quote, for readers of a
 * briefing who do not read the source's language. The quote itself stays as written.
 */
export const migration010: Migration = {
  version: 10,
  name: 'citation_translation',
  sql: `
ALTER TABLE citations ADD COLUMN translation TEXT
  CHECK (translation IS NULL OR length(translation) <= 20000);
`
}
