-- Idempotency-Key (IETF httpapi draft): the first successful answer to a write, per API key and
-- idempotency key, so that a retried request gets it again and writes nothing. Recorded in the same
-- transaction as the write it answers; rows older than the retention (at least 24 h) are removed.
CREATE TABLE idempotency_keys (
    api_key_id       INTEGER NOT NULL,     -- the caller's key: idempotency keys are the caller's own
    idempotency_key  TEXT NOT NULL,
    operation        TEXT NOT NULL,        -- e.g. POST /api/v1/assessments/import
    request_hash     TEXT NOT NULL,        -- SHA-256 of method, path, query and body
    status           INTEGER NOT NULL,
    location         TEXT,
    body             BLOB NOT NULL,        -- the answer's JSON as sent
    created_at       TEXT NOT NULL,        -- ISO 8601 UTC
    PRIMARY KEY (api_key_id, idempotency_key)
);

CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
