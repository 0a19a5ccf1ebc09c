-- Up Migration
-- The live tickets (open, or changed in the last 30 days) the sweeps and the channel checks read:
-- without these, each sweep read the whole table (1,000,000 rows in the benchmark).
CREATE INDEX tickets_open ON tickets (team_id, created_at DESC) WHERE status IN ('rendered', 'sent');
CREATE INDEX tickets_updated ON tickets (team_id, updated_at);

-- Down Migration
DROP INDEX tickets_updated;
DROP INDEX tickets_open;
