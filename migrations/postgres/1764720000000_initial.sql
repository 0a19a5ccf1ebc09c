-- Up Migration
-- Every record belongs to one workspace: team_id is in every table's key and leads every index,
-- so no query can reach another workspace's rows by an index it shares. The single-workspace
-- bot (SLACK_BOT_TOKEN) keeps its records under team_id 'single'. Each record is kept whole as
-- JSONB (validated by the same zod schemas as the file store), beside the columns its queries use.

-- What the store knows beside the records (e.g. `single_team`: whose the single-workspace data is).
CREATE TABLE meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE workspaces (
  team_id text PRIMARY KEY,
  enterprise_id text,
  installed_at timestamptz NOT NULL,
  -- Bolt's Installation, sealed under CREDENTIALS_KEY (never in clear).
  installation text NOT NULL,
  parked text
);

CREATE TABLE tickets (
  team_id text NOT NULL,
  id text NOT NULL,
  requester text NOT NULL,
  channel text NOT NULL,
  source_view text,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE INDEX tickets_requester ON tickets (team_id, requester, created_at DESC);
CREATE INDEX tickets_channel ON tickets (team_id, channel, created_at DESC);
-- A modal submission delivered twice (to any replica) stores one ticket.
CREATE UNIQUE INDEX tickets_source_view ON tickets (team_id, source_view) WHERE source_view IS NOT NULL;
CREATE INDEX tickets_unposted ON tickets (team_id) WHERE NOT (doc ? 'message');

CREATE TABLE checklists (
  team_id text NOT NULL,
  id text NOT NULL,
  source_view text,
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE UNIQUE INDEX checklists_source_view ON checklists (team_id, source_view) WHERE source_view IS NOT NULL;

CREATE TABLE reminders (
  team_id text NOT NULL,
  id text NOT NULL,
  key text NOT NULL,
  owner text NOT NULL,
  state text NOT NULL,
  due_at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, id)
);
-- The plan that made a reminder (not unique: a plan cancelled and made again keeps its key).
CREATE INDEX reminders_key ON reminders (team_id, key);
CREATE INDEX reminders_active ON reminders (team_id, state, due_at) WHERE state IN ('pending', 'scheduled');
CREATE INDEX reminders_owner ON reminders (team_id, owner, due_at);

CREATE TABLE subscriptions (
  team_id text NOT NULL,
  id text NOT NULL,
  channel text NOT NULL,
  active boolean NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE INDEX subscriptions_channel ON subscriptions (team_id, channel) WHERE active;

CREATE TABLE operators (
  team_id text NOT NULL,
  operator_id text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, operator_id)
);

CREATE TABLE links (
  team_id text NOT NULL,
  operator_id text NOT NULL,
  coverage text NOT NULL,
  -- The doc's `credentials` is the SAM auth key sealed under CREDENTIALS_KEY.
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, operator_id, coverage)
);

CREATE TABLE alerts (
  team_id text NOT NULL,
  id text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (team_id, id)
);

CREATE TABLE settings (
  team_id text PRIMARY KEY,
  doc jsonb NOT NULL
);

-- Slack deliveries taken into account (event IDs, submissions, clicks): a retry, or the same
-- delivery at another replica, finds its key here and does nothing twice.
CREATE TABLE deliveries (
  team_id text NOT NULL,
  delivery_key text NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, delivery_key)
);

-- Periodic work (sweeps, SORACOM checks) claimed by one replica at a time; a claim past its
-- lease is free again, so a replica killed mid-claim leaves its work to the others.
CREATE TABLE claims (
  team_id text NOT NULL,
  job text NOT NULL,
  holder text NOT NULL,
  lease_until timestamptz NOT NULL,
  PRIMARY KEY (team_id, job)
);

-- Down Migration
DROP TABLE claims;
DROP TABLE deliveries;
DROP TABLE settings;
DROP TABLE alerts;
DROP TABLE links;
DROP TABLE operators;
DROP TABLE subscriptions;
DROP TABLE reminders;
DROP TABLE checklists;
DROP TABLE tickets;
DROP TABLE workspaces;
DROP TABLE meta;
