import type { Migration } from './types'

/**
 * Version 11: pairs of figures the analyst dismissed in Compare or Disagreements, by the
 * pair's key (a hash of both sides' source, offsets and quote, in either order). A dismissal
 * is a record like any other, so dismissing and bringing back are undoable.
 */
export const migration011: Migration = {
  version: 11,
  name: 'dismissed_pairs',
  sql: `
CREATE TABLE dismissed_pairs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  a_source_id TEXT NOT NULL,
  b_source_id TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
`
}
