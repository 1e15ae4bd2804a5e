-- Decisions on mentor pairs: every step a planner records is a row; a pair's state is its newest row.
-- decision: agreed, active, ended, declined, pinned, forbidden ("proposed" is what a run says, not a row).
-- An ended pair may carry its outcome: worked, partly or did-not, the topics actually transferred (JSON
-- array of structure keys) and a note.
CREATE TABLE pair_decisions (
    id               INTEGER PRIMARY KEY,
    district_key     TEXT NOT NULL,                 -- the mentee's district: whose planners may write
    mentee_ags       TEXT NOT NULL REFERENCES municipalities (ags),
    mentor_ags       TEXT NOT NULL REFERENCES municipalities (ags),
    decision         TEXT NOT NULL CHECK (decision IN ('agreed', 'active', 'ended', 'declined', 'pinned', 'forbidden')),
    decided_on       TEXT NOT NULL,                 -- yyyy-MM-dd, the date of the decision
    reason           TEXT,
    note             TEXT,
    outcome          TEXT CHECK (outcome IS NULL OR outcome IN ('worked', 'partly', 'did-not')),
    outcome_topics   TEXT,
    recorded_at      TEXT NOT NULL,                 -- ISO 8601, UTC
    key_id           INTEGER REFERENCES api_keys (id),
    key_name         TEXT NOT NULL
);

CREATE INDEX ix_pair_decisions_pair ON pair_decisions (mentee_ags, mentor_ags, id);
CREATE INDEX ix_pair_decisions_district ON pair_decisions (district_key, id);
