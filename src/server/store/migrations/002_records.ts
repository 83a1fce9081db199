import type { Migration } from './types'

/**
 * Version 2: grades, source kinds, the tag codebook, notes, claim relations and full-text
 * search (FTS4: this SQLite build has no FTS5).
 */
export const migration002: Migration = {
  version: 2,
  name: 'records',
  sql: `
ALTER TABLE sources ADD COLUMN kind TEXT NOT NULL DEFAULT 'article'
  CHECK (kind IN ('article', 'report', 'interview', 'dataset', 'other'));
ALTER TABLE sources ADD COLUMN reliability TEXT
  CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F'));
CREATE INDEX sources_kind ON sources (kind) WHERE deleted_at IS NULL;
CREATE INDEX sources_reliability ON sources (reliability) WHERE deleted_at IS NULL;

ALTER TABLE claims ADD COLUMN credibility INTEGER
  CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6);
ALTER TABLE claims ADD COLUMN confidence INTEGER
  CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 100);
CREATE INDEX claims_credibility ON claims (credibility) WHERE deleted_at IS NULL;
CREATE INDEX claims_confidence ON claims (confidence) WHERE deleted_at IS NULL;

CREATE TABLE tags (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  parent_id TEXT REFERENCES tags (id) ON DELETE RESTRICT,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  colour TEXT CHECK (colour IS NULL OR colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  description TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX tags_sibling_name ON tags (coalesce(parent_id, ''), name COLLATE NOCASE);
CREATE INDEX tags_parent ON tags (parent_id);

CREATE TABLE claim_tags (
  claim_seq INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  tag_seq INTEGER NOT NULL REFERENCES tags (seq) ON DELETE CASCADE,
  PRIMARY KEY (claim_seq, tag_seq)
) WITHOUT ROWID;
CREATE INDEX claim_tags_tag ON claim_tags (tag_seq, claim_seq);

CREATE TABLE source_tags (
  source_seq INTEGER NOT NULL REFERENCES sources (seq) ON DELETE CASCADE,
  tag_seq INTEGER NOT NULL REFERENCES tags (seq) ON DELETE CASCADE,
  PRIMARY KEY (source_seq, tag_seq)
) WITHOUT ROWID;
CREATE INDEX source_tags_tag ON source_tags (tag_seq, source_seq);

CREATE TABLE notes (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('claim', 'source')),
  target_id TEXT NOT NULL,
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notes_target ON notes (target_id, created_at);

CREATE TABLE relations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  from_claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  to_claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('corroborates', 'contradicts', 'updates', 'duplicates')),
  note TEXT,
  created_at TEXT NOT NULL,
  CHECK (from_claim_id <> to_claim_id),
  UNIQUE (from_claim_id, to_claim_id, kind)
);
CREATE INDEX relations_to ON relations (to_claim_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE VIRTUAL TABLE claims_fts USING fts4 (
  content="claims", text, tokenize=unicode61 "remove_diacritics=2"
);
CREATE VIRTUAL TABLE sources_fts USING fts4 (
  content="sources", title, content, tokenize=unicode61 "remove_diacritics=2"
);
CREATE VIRTUAL TABLE notes_fts USING fts4 (
  content="notes", body, tokenize=unicode61 "remove_diacritics=2"
);

CREATE TRIGGER claims_fts_bu BEFORE UPDATE OF text ON claims BEGIN
  DELETE FROM claims_fts WHERE docid = old.seq;
END;
CREATE TRIGGER claims_fts_au AFTER UPDATE OF text ON claims BEGIN
  INSERT INTO claims_fts (docid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER claims_fts_bd BEFORE DELETE ON claims BEGIN
  DELETE FROM claims_fts WHERE docid = old.seq;
END;
CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (docid, text) VALUES (new.seq, new.text);
END;

CREATE TRIGGER sources_fts_bu BEFORE UPDATE OF title, content ON sources BEGIN
  DELETE FROM sources_fts WHERE docid = old.seq;
END;
CREATE TRIGGER sources_fts_au AFTER UPDATE OF title, content ON sources BEGIN
  INSERT INTO sources_fts (docid, title, content) VALUES (new.seq, new.title, new.content);
END;
CREATE TRIGGER sources_fts_bd BEFORE DELETE ON sources BEGIN
  DELETE FROM sources_fts WHERE docid = old.seq;
END;
CREATE TRIGGER sources_fts_ai AFTER INSERT ON sources BEGIN
  INSERT INTO sources_fts (docid, title, content) VALUES (new.seq, new.title, new.content);
END;

CREATE TRIGGER notes_fts_bu BEFORE UPDATE OF body ON notes BEGIN
  DELETE FROM notes_fts WHERE docid = old.seq;
END;
CREATE TRIGGER notes_fts_au AFTER UPDATE OF body ON notes BEGIN
  INSERT INTO notes_fts (docid, body) VALUES (new.seq, new.body);
END;
CREATE TRIGGER notes_fts_bd BEFORE DELETE ON notes BEGIN
  DELETE FROM notes_fts WHERE docid = old.seq;
END;
CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (docid, body) VALUES (new.seq, new.body);
END;

INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');
`
}
