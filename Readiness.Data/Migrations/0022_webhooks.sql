-- Webhook subscriptions of partners and every delivery attempt's state. The secret signs the deliveries
-- (Standard Webhooks), so it is kept as given; only admins can register or list subscriptions.
CREATE TABLE webhook_subscriptions (
    id          INTEGER PRIMARY KEY,
    url         TEXT NOT NULL,
    events      TEXT NOT NULL,                 -- comma-separated event names
    secret      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    key_name    TEXT NOT NULL,
    revoked_at  TEXT
);

CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY,
    subscription_id  INTEGER NOT NULL REFERENCES webhook_subscriptions (id),
    message_id       TEXT NOT NULL UNIQUE,     -- webhook-id: the same on every retry, so receivers can deduplicate
    event_type       TEXT NOT NULL,
    payload          TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    last_attempt_at  TEXT
);

CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);
