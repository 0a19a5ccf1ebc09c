-- Up Migration
-- DM threads' first questions (issue 27), masked: a follow-up in the thread is read with it on
-- whichever replica gets it. Kept 7 days (the daily tidy deletes older ones).
CREATE TABLE threads (
  team_id text NOT NULL,
  id text NOT NULL,
  at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE INDEX threads_at ON threads (team_id, at);

-- Down Migration
DROP TABLE threads;
