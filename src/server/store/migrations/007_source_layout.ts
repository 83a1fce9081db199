import type { Migration } from './types'

/**
 * Version 7: the page layout of a source imported from a paged document (PDF): where each page
 * starts in its text and which ranges are running headers, footers and page numbers, as JSON
 * `{"pageStarts": [0, 1404, …], "furniture": [{"start": …, "end": …}, …]}`. NULL elsewhere.
 */
export const migration007: Migration = {
  version: 7,
  name: 'source layout',
  sql: `
ALTER TABLE sources ADD COLUMN layout TEXT CHECK (layout IS NULL OR json_valid(layout));
`
}
