-- Concept maps. A map's meaning (concepts, linking phrases, groups) and its geometry (positions,
-- pins) are separate columns: laying a map out rewrites `layout` and never touches `meaning`.
CREATE TABLE maps (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  meaning    TEXT NOT NULL CHECK (json_valid(meaning)),
  layout     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(layout)),
  settings   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
  origin     TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
  revision   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
