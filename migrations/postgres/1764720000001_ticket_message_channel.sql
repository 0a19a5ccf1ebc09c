-- Up Migration
-- A channel's history also holds the tickets whose message was posted there (historyOfChannel).
CREATE INDEX tickets_message_channel ON tickets (team_id, (doc->'message'->>'channel'), created_at DESC);

-- Down Migration
DROP INDEX tickets_message_channel;
