-- The knowledge base as one graph: entities of several kinds joined by labelled relations.
-- Bilingual texts are columns (title, summary) or JSON objects keyed by field (texts, lists);
-- kinds, attributes and field keys are declared in core/model/kinds.ts and checked on write.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE entities (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  title_zh   TEXT NOT NULL DEFAULT '',
  title_en   TEXT NOT NULL DEFAULT '',
  summary_zh TEXT NOT NULL DEFAULT '',
  summary_en TEXT NOT NULL DEFAULT '',
  attrs      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
  texts      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(texts)),
  lists      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(lists)),
  source     TEXT NOT NULL,
  origin     TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
  revision   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX entities_by_kind ON entities (kind);

CREATE TABLE entity_tags (
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE ON UPDATE CASCADE,
  tag       TEXT NOT NULL,
  PRIMARY KEY (entity_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_tags_by_tag ON entity_tags (tag);

CREATE TABLE relations (
  id       INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL,
  from_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE ON UPDATE CASCADE,
  to_id    TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE ON UPDATE CASCADE,
  note_zh  TEXT NOT NULL DEFAULT '',
  note_en  TEXT NOT NULL DEFAULT '',
  source   TEXT NOT NULL,
  origin   TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
  UNIQUE (from_id, kind, to_id)
) STRICT;
CREATE INDEX relations_by_target ON relations (to_id);

-- The sections of the seed book, so every item's source can be shown with its title.
CREATE TABLE sections (
  id       TEXT PRIMARY KEY,
  ord      INTEGER NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL
) STRICT;

-- What the default knowledge base last wrote for each seed item (a content hash), so reloading
-- the seed adds and updates only what the user has not changed, and never revives what they deleted.
CREATE TABLE seed_state (
  item    TEXT PRIMARY KEY,
  hash    TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
