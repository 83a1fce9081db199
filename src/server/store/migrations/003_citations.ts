import { createHash } from 'node:crypto'
import type { Migration } from './types'

/**
 * Version 3: citations — an exact quote in a source, anchored with W3C Web Annotation
 * selectors (TextQuoteSelector exact/prefix/suffix, TextPositionSelector start/end in UTF-16
 * code units), with the hash of the source text it was anchored on.
 */
export const migration003: Migration = {
  version: 3,
  name: 'citations',
  sql: `
CREATE TABLE citations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  quote TEXT NOT NULL CHECK (length(quote) > 0),
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  -- end > start is checked by the code: undo restores start and end one field at a time.
  end_offset INTEGER NOT NULL CHECK (end_offset >= 0),
  stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'contradicts', 'mentions')),
  locator TEXT,
  note TEXT,
  source_hash TEXT NOT NULL,
  anchor_status TEXT NOT NULL DEFAULT 'exact'
    CHECK (anchor_status IN ('exact', 'moved', 'fuzzy', 'orphaned')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX citations_claim ON citations (claim_id);
CREATE INDEX citations_source ON citations (source_id, start_offset);
CREATE INDEX citations_orphaned ON citations (source_id) WHERE anchor_status = 'orphaned';

-- The content hash of each source, to find the same article imported twice.
ALTER TABLE sources ADD COLUMN content_hash TEXT;
CREATE INDEX sources_content_hash ON sources (content_hash);
`,
  backfill: (db) => {
    const sources = db.all<{ seq: number; content: string }>(`SELECT seq, content FROM sources`)
    for (const source of sources) {
      db.run(`UPDATE sources SET content_hash = ? WHERE seq = ?`, [
        frozenContentHash(source.content),
        source.seq
      ])
    }
  }
}

/**
 * The content hash as version 3 defined it, frozen here: a migration must give the same result
 * whatever later code does, so it never calls the importer's current function.
 */
function frozenContentHash(content: string): string {
  return createHash('sha256').update(content.replace(/\s+/g, ' ').trim(), 'utf8').digest('hex')
}
