-- Full-text search over both languages, and the history of every entity.

-- Stable integer handles for the search index: the entities table has a text key, and SQLite may
-- renumber the implicit rowids of such a table on VACUUM.
CREATE TABLE search_docs (
  doc       INTEGER PRIMARY KEY,
  entity_id TEXT NOT NULL UNIQUE REFERENCES entities (id) ON DELETE CASCADE ON UPDATE CASCADE
) STRICT;

-- Contentless: the index keeps no copy of the text (snippets are built from the entities table).
-- Chinese runs are written as overlapping character pairs by the server (core/search/cjk.ts), so
-- the unicode61 tokenizer finds one- and two-character words. Columns are weighted in queries.
CREATE VIRTUAL TABLE entity_fts USING fts5 (
  title,
  body,
  related,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
-- Merge index segments in larger batches (default 4): bulk imports write about half as much, and
-- queries on 100,000 entries measured no slower (npm run bench:kb).
INSERT INTO entity_fts (entity_fts, rank) VALUES ('automerge', 16);

-- One row per saved state of an entity: what it looked like after each create, update, restore,
-- and its last state when deleted. Kept after deletion, so a deleted entry can be brought back.
CREATE TABLE revisions (
  entity_id TEXT NOT NULL,
  revision  INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'import')),
  content   TEXT NOT NULL CHECK (json_valid(content)),
  at        TEXT NOT NULL,
  PRIMARY KEY (entity_id, revision)
) STRICT;

-- The user's recent changes, newest last, each with what it takes to undo it (JSON steps).
CREATE TABLE undo_log (
  id    INTEGER PRIMARY KEY,
  at    TEXT NOT NULL,
  label TEXT NOT NULL,
  steps TEXT NOT NULL CHECK (json_valid(steps))
) STRICT;

CREATE INDEX relations_by_kind_target ON relations (kind, to_id);
