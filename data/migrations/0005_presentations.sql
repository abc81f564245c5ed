-- Presentations: step-through walks of one map (core/present/model.ts), deleted with their map.
CREATE TABLE presentations (
  id         TEXT PRIMARY KEY,
  map_id     TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  document   TEXT NOT NULL CHECK (json_valid(document)),
  revision   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX presentations_by_map ON presentations (map_id);

-- Sessions: one run of a presentation in front of a room. `baseline` is the map as it was when
-- the session began (the workshop report compares against it); `state` holds the position, the
-- participants, their votes and the parking lot (core/present/session.ts).
CREATE TABLE sessions (
  id              TEXT PRIMARY KEY,
  presentation_id TEXT NOT NULL REFERENCES presentations(id) ON DELETE CASCADE,
  baseline        TEXT NOT NULL CHECK (json_valid(baseline)),
  state           TEXT NOT NULL CHECK (json_valid(state)),
  revision        INTEGER NOT NULL DEFAULT 1,
  started_at      TEXT NOT NULL,
  ended_at        TEXT
) STRICT;
CREATE INDEX sessions_by_presentation ON sessions (presentation_id, started_at);
