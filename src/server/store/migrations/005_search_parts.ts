import type { Migration } from './types'

/** Claims are searched in parts of this many consecutive seqs (see records/claimSearch.ts). */
export const SEARCH_PART_BITS = 16

/**
 * Version 5: the claims' full-text index is split into parts of 65,536 consecutive claims
 * (FTS4's languageid), so that "newest matches first" reads the newest part's index and
 * stops once a page is full, instead of intersecting the whole index for every keystroke.
 */
export const migration005: Migration = {
  version: 5,
  name: 'search parts',
  sql: `
DROP TRIGGER claims_fts_bu;
DROP TRIGGER claims_fts_au;
DROP TRIGGER claims_fts_bd;
DROP TRIGGER claims_fts_ai;
DROP TABLE claims_fts;

ALTER TABLE claims ADD COLUMN search_part INTEGER AS (seq >> ${SEARCH_PART_BITS}) VIRTUAL;

CREATE VIRTUAL TABLE claims_fts USING fts4 (
  content="claims", text, tokenize=unicode61 "remove_diacritics=2", languageid="search_part"
);
CREATE TRIGGER claims_fts_bu BEFORE UPDATE OF text ON claims BEGIN
  DELETE FROM claims_fts WHERE docid = old.seq;
END;
CREATE TRIGGER claims_fts_au AFTER UPDATE OF text ON claims BEGIN
  INSERT INTO claims_fts (docid, text, search_part) VALUES (new.seq, new.text, new.search_part);
END;
CREATE TRIGGER claims_fts_bd BEFORE DELETE ON claims BEGIN
  DELETE FROM claims_fts WHERE docid = old.seq;
END;
CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (docid, text, search_part) VALUES (new.seq, new.text, new.search_part);
END;
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
`
}
