import type { Migration } from './types'

/** Version 1: sources, claims, and the field-level history every later change writes to. */
export const migration001: Migration = {
  version: 1,
  name: 'core',
  sql: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

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
);
CREATE INDEX sources_title ON sources (title COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_url ON sources (url) WHERE deleted_at IS NULL;
CREATE INDEX sources_publisher ON sources (publisher COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_author ON sources (author COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_published_at ON sources (published_at) WHERE deleted_at IS NULL;
CREATE INDEX sources_language ON sources (language) WHERE deleted_at IS NULL;
CREATE INDEX sources_created_at ON sources (created_at) WHERE deleted_at IS NULL;
CREATE INDEX sources_updated_at ON sources (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX sources_deleted_at ON sources (deleted_at) WHERE deleted_at IS NOT NULL;

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
);
-- Grid sort indexes cover live rows only, so a sorted page never sorts the whole table.
CREATE INDEX claims_text ON claims (text COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX claims_status ON claims (status) WHERE deleted_at IS NULL;
CREATE INDEX claims_event_date ON claims (event_date) WHERE deleted_at IS NULL;
CREATE INDEX claims_created_at ON claims (created_at) WHERE deleted_at IS NULL;
CREATE INDEX claims_updated_at ON claims (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX claims_deleted_at ON claims (deleted_at) WHERE deleted_at IS NOT NULL;

-- One row per user action (an edit, a bulk edit, an undo, a redo).
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
CREATE INDEX operations_undo ON operations (kind, undone, seq);

-- Field-level changes: enough to undo, to show history, and to merge two copies later.
-- field '*' is a whole-record snapshot (creation when old_value is NULL, removal when
-- new_value is NULL). Values are JSON.
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
CREATE INDEX changes_record ON changes (record_id, seq);
CREATE INDEX changes_operation ON changes (operation_seq);
`
}
