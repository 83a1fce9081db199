import type { Migration } from './types'

/**
 * Version 8: briefings kept in the project — the byline, the bottom line, the key judgements
 * (JSON: text, confidence word, supporting claim ids) and the scope of claims they cover.
 */
export const migration008: Migration = {
  version: 8,
  name: 'briefings',
  sql: `
CREATE TABLE briefings (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  author TEXT NOT NULL DEFAULT '',
  audience TEXT NOT NULL DEFAULT '',
  classification TEXT NOT NULL DEFAULT '',
  briefing_date TEXT NOT NULL DEFAULT '',
  bottom_line TEXT NOT NULL DEFAULT '',
  judgements TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(judgements)),
  scope TEXT NOT NULL DEFAULT '{"type":"all"}' CHECK (json_valid(scope)),
  group_by TEXT NOT NULL DEFAULT 'tag' CHECK (group_by IN ('tag', 'status', 'source', 'none')),
  include TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(include)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX briefings_title ON briefings (title COLLATE NOCASE);
`
}
