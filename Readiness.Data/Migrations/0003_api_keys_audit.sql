-- API keys: only a SHA-256 of each key is stored, never the key. A key is revoked, not deleted,
-- so the audit log keeps pointing at it.
CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('reader', 'planner', 'admin')),
    key_hash    TEXT NOT NULL UNIQUE,            -- lower-case hex SHA-256 of the whole key
    key_prefix  TEXT NOT NULL,                   -- the first characters, to recognise a key in a list
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

-- One active key per name, so "keys revoke <name>" is never ambiguous; a revoked name can be reused.
CREATE UNIQUE INDEX ux_api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;

-- A key with districts may write only there; a key without any is not restricted.
CREATE TABLE api_key_districts (
    key_id        INTEGER NOT NULL REFERENCES api_keys (id),
    district_key  TEXT NOT NULL REFERENCES districts (key),
    PRIMARY KEY (key_id, district_key)
) WITHOUT ROWID;

-- Every write, recorded in the same transaction as the write itself.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,                     -- ISO 8601, UTC
    key_id    INTEGER REFERENCES api_keys (id),  -- null for the command line
    key_name  TEXT NOT NULL,
    role      TEXT NOT NULL,
    action    TEXT NOT NULL,                     -- e.g. assessment.create, assessment.import, key.create
    target    TEXT,                              -- AGS, batch id, profile name, key name
    changes   TEXT                               -- compact JSON of what changed
);

CREATE INDEX ix_audit_log_action ON audit_log (action, id);
