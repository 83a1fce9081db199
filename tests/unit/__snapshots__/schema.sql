-- The schema of a new project (user_version 13), from sqlite_master.
-- Regenerate after adding a migration: npm run schema:snapshot

-- index briefings_title
CREATE INDEX briefings_title ON briefings (title COLLATE NOCASE);

-- index changes_operation
CREATE INDEX changes_operation ON changes (operation_seq);

-- index changes_record
CREATE INDEX changes_record ON changes (record_id, seq);

-- index citations_claim
CREATE INDEX citations_claim ON citations (claim_id);

-- index citations_orphaned
CREATE INDEX citations_orphaned ON citations (source_id) WHERE anchor_status = 'orphaned';

-- index citations_source
CREATE INDEX citations_source ON citations (source_id, start_offset);

-- index claim_tags_tag
CREATE INDEX claim_tags_tag ON claim_tags (tag_seq, claim_seq);

-- index claims_citation_count
CREATE INDEX claims_citation_count ON claims (citation_count) WHERE deleted_at IS NULL;

-- index claims_confidence
CREATE INDEX claims_confidence ON claims (confidence) WHERE deleted_at IS NULL;

-- index claims_created_at
CREATE INDEX claims_created_at ON claims (created_at) WHERE deleted_at IS NULL;

-- index claims_credibility
CREATE INDEX claims_credibility ON claims (credibility) WHERE deleted_at IS NULL;

-- index claims_deleted_at
CREATE INDEX claims_deleted_at ON claims (deleted_at) WHERE deleted_at IS NOT NULL;

-- index claims_event_date
CREATE INDEX claims_event_date ON claims (event_date) WHERE deleted_at IS NULL;

-- index claims_status
CREATE INDEX claims_status ON claims (status) WHERE deleted_at IS NULL;

-- index claims_text
CREATE INDEX claims_text ON claims (text COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index claims_updated_at
CREATE INDEX claims_updated_at ON claims (updated_at) WHERE deleted_at IS NULL;

-- index facts_source
CREATE INDEX facts_source ON facts (source_id);

-- index notes_target
CREATE INDEX notes_target ON notes (target_id, created_at);

-- index operations_undo
CREATE INDEX operations_undo ON operations (kind, undone, seq);

-- index relations_to
CREATE INDEX relations_to ON relations (to_claim_id);

-- index source_tags_tag
CREATE INDEX source_tags_tag ON source_tags (tag_seq, source_seq);

-- index sources_author
CREATE INDEX sources_author ON sources (author COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index sources_content_hash
CREATE INDEX sources_content_hash ON sources (content_hash);

-- index sources_created_at
CREATE INDEX sources_created_at ON sources (created_at) WHERE deleted_at IS NULL;

-- index sources_deleted_at
CREATE INDEX sources_deleted_at ON sources (deleted_at) WHERE deleted_at IS NOT NULL;

-- index sources_kind
CREATE INDEX sources_kind ON sources (kind) WHERE deleted_at IS NULL;

-- index sources_language
CREATE INDEX sources_language ON sources (language) WHERE deleted_at IS NULL;

-- index sources_origin
CREATE INDEX sources_origin ON sources (origin_id) WHERE origin_id IS NOT NULL;

-- index sources_published_at
CREATE INDEX sources_published_at ON sources (published_at) WHERE deleted_at IS NULL;

-- index sources_publisher
CREATE INDEX sources_publisher ON sources (publisher COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index sources_reliability
CREATE INDEX sources_reliability ON sources (reliability) WHERE deleted_at IS NULL;

-- index sources_title
CREATE INDEX sources_title ON sources (title COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index sources_updated_at
CREATE INDEX sources_updated_at ON sources (updated_at) WHERE deleted_at IS NULL;

-- index sources_url
CREATE INDEX sources_url ON sources (url) WHERE deleted_at IS NULL;

-- index tags_parent
CREATE INDEX tags_parent ON tags (parent_id);

-- index tags_sibling_name
CREATE UNIQUE INDEX tags_sibling_name ON tags (coalesce(parent_id, ''), name COLLATE NOCASE);

-- table briefings
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

-- table change_subjects
CREATE TABLE change_subjects (
  subject_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  PRIMARY KEY (subject_id, record_id)
) WITHOUT ROWID;

-- table changes
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  operation_seq INTEGER NOT NULL REFERENCES operations (seq),
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  at TEXT NOT NULL,
  device_id TEXT NOT NULL
);

-- table citations
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
, translation TEXT
  CHECK (translation IS NULL OR length(translation) <= 20000));

-- table claim_tags
CREATE TABLE claim_tags (
  claim_seq INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  tag_seq INTEGER NOT NULL REFERENCES tags (seq) ON DELETE CASCADE,
  PRIMARY KEY (claim_seq, tag_seq)
) WITHOUT ROWID;

-- table claims
CREATE TABLE claims (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  status TEXT NOT NULL DEFAULT 'unverified'
    CHECK (status IN ('unverified', 'corroborated', 'contested', 'refuted', 'retracted')),
  event_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
, credibility INTEGER
  CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6), confidence INTEGER
  CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 100), citation_count INTEGER NOT NULL DEFAULT 0, search_part INTEGER AS (seq >> 16) VIRTUAL, flag TEXT CHECK (flag IS NULL OR length(flag) <= 500));

-- table claims_fts
CREATE VIRTUAL TABLE claims_fts USING fts4 (
  content="claims", text, tokenize=unicode61 "remove_diacritics=2", languageid="search_part"
);

-- table claims_fts_docsize
CREATE TABLE 'claims_fts_docsize'(docid INTEGER PRIMARY KEY, size BLOB);

-- table claims_fts_segdir
CREATE TABLE 'claims_fts_segdir'(level INTEGER,idx INTEGER,start_block INTEGER,leaves_end_block INTEGER,end_block INTEGER,root BLOB,PRIMARY KEY(level, idx));

-- table claims_fts_segments
CREATE TABLE 'claims_fts_segments'(blockid INTEGER PRIMARY KEY, block BLOB);

-- table claims_fts_stat
CREATE TABLE 'claims_fts_stat'(id INTEGER PRIMARY KEY, value BLOB);

-- table dismissed_pairs
CREATE TABLE dismissed_pairs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  a_source_id TEXT NOT NULL,
  b_source_id TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

-- table facts
CREATE TABLE facts (
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('source', 'claim', 'citation')),
  owner_id TEXT NOT NULL,
  source_id TEXT,
  text_key TEXT NOT NULL,
  facts TEXT NOT NULL CHECK (json_valid(facts)),
  PRIMARY KEY (owner_kind, owner_id)
);

-- table meta
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- table notes
CREATE TABLE notes (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('claim', 'source')),
  target_id TEXT NOT NULL,
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- table notes_fts
CREATE VIRTUAL TABLE notes_fts USING fts4 (
  content="notes", body, tokenize=unicode61 "remove_diacritics=2"
);

-- table notes_fts_docsize
CREATE TABLE 'notes_fts_docsize'(docid INTEGER PRIMARY KEY, size BLOB);

-- table notes_fts_segdir
CREATE TABLE 'notes_fts_segdir'(level INTEGER,idx INTEGER,start_block INTEGER,leaves_end_block INTEGER,end_block INTEGER,root BLOB,PRIMARY KEY(level, idx));

-- table notes_fts_segments
CREATE TABLE 'notes_fts_segments'(blockid INTEGER PRIMARY KEY, block BLOB);

-- table notes_fts_stat
CREATE TABLE 'notes_fts_stat'(id INTEGER PRIMARY KEY, value BLOB);

-- table operations
CREATE TABLE operations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),
  label TEXT NOT NULL,
  target_seq INTEGER REFERENCES operations (seq),
  at TEXT NOT NULL,
  device_id TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  redoable INTEGER NOT NULL DEFAULT 0 CHECK (redoable IN (0, 1)),
  undo_seq INTEGER
);

-- table relations
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

-- table settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- table source_tags
CREATE TABLE source_tags (
  source_seq INTEGER NOT NULL REFERENCES sources (seq) ON DELETE CASCADE,
  tag_seq INTEGER NOT NULL REFERENCES tags (seq) ON DELETE CASCADE,
  PRIMARY KEY (source_seq, tag_seq)
) WITHOUT ROWID;

-- table sources
CREATE TABLE sources (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  url TEXT,
  publisher TEXT,
  author TEXT,
  published_at TEXT,
  language TEXT,
  content TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
, kind TEXT NOT NULL DEFAULT 'article'
  CHECK (kind IN ('article', 'report', 'interview', 'dataset', 'other')), reliability TEXT
  CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F')), content_hash TEXT, layout TEXT CHECK (layout IS NULL OR json_valid(layout)), origin_id TEXT);

-- table sources_fts
CREATE VIRTUAL TABLE sources_fts USING fts4 (
  content="sources", title, content, tokenize=unicode61 "remove_diacritics=2"
);

-- table sources_fts_docsize
CREATE TABLE 'sources_fts_docsize'(docid INTEGER PRIMARY KEY, size BLOB);

-- table sources_fts_segdir
CREATE TABLE 'sources_fts_segdir'(level INTEGER,idx INTEGER,start_block INTEGER,leaves_end_block INTEGER,end_block INTEGER,root BLOB,PRIMARY KEY(level, idx));

-- table sources_fts_segments
CREATE TABLE 'sources_fts_segments'(blockid INTEGER PRIMARY KEY, block BLOB);

-- table sources_fts_stat
CREATE TABLE 'sources_fts_stat'(id INTEGER PRIMARY KEY, value BLOB);

-- table sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table tags
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

-- trigger changes_subjects_ai
CREATE TRIGGER changes_subjects_ai AFTER INSERT ON changes
  WHEN new.field = '*' AND new.record_kind IN ('note', 'relation', 'citation')
BEGIN
  INSERT OR IGNORE INTO change_subjects (subject_id, record_id)
    SELECT j.value, new.record_id FROM json_each(json_array(json_extract(coalesce(new.new_value, new.old_value), '$.targetId'), json_extract(coalesce(new.new_value, new.old_value), '$.fromClaimId'), json_extract(coalesce(new.new_value, new.old_value), '$.toClaimId'), json_extract(coalesce(new.new_value, new.old_value), '$.claimId'), json_extract(coalesce(new.new_value, new.old_value), '$.sourceId'))) j WHERE j.value IS NOT NULL;
END;

-- trigger citations_count_ad
CREATE TRIGGER citations_count_ad AFTER DELETE ON citations BEGIN
  UPDATE claims SET citation_count = citation_count - 1 WHERE id = old.claim_id;
END;

-- trigger citations_count_ai
CREATE TRIGGER citations_count_ai AFTER INSERT ON citations BEGIN
  UPDATE claims SET citation_count = citation_count + 1 WHERE id = new.claim_id;
END;

-- trigger citations_count_au
CREATE TRIGGER citations_count_au AFTER UPDATE OF claim_id ON citations
  WHEN old.claim_id IS NOT new.claim_id BEGIN
  UPDATE claims SET citation_count = citation_count - 1 WHERE id = old.claim_id;
  UPDATE claims SET citation_count = citation_count + 1 WHERE id = new.claim_id;
END;

-- trigger claims_fts_ai
CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (docid, text, search_part) VALUES (new.seq, new.text, new.search_part);
END;

-- trigger claims_fts_au
CREATE TRIGGER claims_fts_au AFTER UPDATE OF text ON claims BEGIN
  INSERT INTO claims_fts (docid, text, search_part) VALUES (new.seq, new.text, new.search_part);
END;

-- trigger claims_fts_bd
CREATE TRIGGER claims_fts_bd BEFORE DELETE ON claims BEGIN
  DELETE FROM claims_fts WHERE docid = old.seq;
END;

-- trigger claims_fts_bu
CREATE TRIGGER claims_fts_bu BEFORE UPDATE OF text ON claims BEGIN
  DELETE FROM claims_fts WHERE docid = old.seq;
END;

-- trigger notes_fts_ai
CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (docid, body) VALUES (new.seq, new.body);
END;

-- trigger notes_fts_au
CREATE TRIGGER notes_fts_au AFTER UPDATE OF body ON notes BEGIN
  INSERT INTO notes_fts (docid, body) VALUES (new.seq, new.body);
END;

-- trigger notes_fts_bd
CREATE TRIGGER notes_fts_bd BEFORE DELETE ON notes BEGIN
  DELETE FROM notes_fts WHERE docid = old.seq;
END;

-- trigger notes_fts_bu
CREATE TRIGGER notes_fts_bu BEFORE UPDATE OF body ON notes BEGIN
  DELETE FROM notes_fts WHERE docid = old.seq;
END;

-- trigger sources_fts_ai
CREATE TRIGGER sources_fts_ai AFTER INSERT ON sources BEGIN
  INSERT INTO sources_fts (docid, title, content) VALUES (new.seq, new.title, new.content);
END;

-- trigger sources_fts_au
CREATE TRIGGER sources_fts_au AFTER UPDATE OF title, content ON sources BEGIN
  INSERT INTO sources_fts (docid, title, content) VALUES (new.seq, new.title, new.content);
END;

-- trigger sources_fts_bd
CREATE TRIGGER sources_fts_bd BEFORE DELETE ON sources BEGIN
  DELETE FROM sources_fts WHERE docid = old.seq;
END;

-- trigger sources_fts_bu
CREATE TRIGGER sources_fts_bu BEFORE UPDATE OF title, content ON sources BEGIN
  DELETE FROM sources_fts WHERE docid = old.seq;
END;
