-- Up Migration
-- Declined and disliked questions to the guide (issue 29), masked; the report reads the last 30 days.
CREATE TABLE questions (
  team_id text NOT NULL,
  id text NOT NULL,
  at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE INDEX questions_at ON questions (team_id, at DESC);

-- Down Migration
DROP TABLE questions;
