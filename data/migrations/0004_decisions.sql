-- Decisions: each a decision problem in the JSON format of docs/decision-format.md (matrix,
-- criteria, weights, participants, evidence), saved whole with a revision.
CREATE TABLE decisions (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  problem    TEXT NOT NULL CHECK (json_valid(problem)),
  origin     TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
  revision   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
