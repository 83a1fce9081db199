import type { Migration } from './types'

/**
 * Version 9: the figures and dates found in each text — a source's clean text, a claim's text,
 * a citation's quote — as one JSON array per text, with the key of the text they were computed
 * from (its hash, language and published date): a key that no longer matches means the text
 * changed and its facts are computed again.
 */
export const migration009: Migration = {
  version: 9,
  name: 'facts',
  sql: `
CREATE TABLE facts (
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('source', 'claim', 'citation')),
  owner_id TEXT NOT NULL,
  source_id TEXT,
  text_key TEXT NOT NULL,
  facts TEXT NOT NULL CHECK (json_valid(facts)),
  PRIMARY KEY (owner_kind, owner_id)
);
CREATE INDEX facts_source ON facts (source_id);
`
}
