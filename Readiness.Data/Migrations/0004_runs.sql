-- Runs: one computation of scores, peer groups, pairings and shared-service groups from one
-- snapshot of the data. Results are written under the run id while it is running and become
-- visible only when the run is published through current_run, in one transaction.

CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    status          TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'unchanged')),
    trigger         TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual', 'startup')),
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    heartbeat_at    TEXT NOT NULL,
    owner           TEXT NOT NULL,          -- host:process that runs it, to tell a crashed run from a live one
    input_version   TEXT,
    parameters      TEXT,                   -- JSON: profiles and options the run used
    stages          TEXT,                   -- JSON: per stage duration and counts
    error           TEXT,
    published_at    TEXT,
    requested_by    TEXT
);

-- One run at a time, across processes: a second 'running' row violates this index.
CREATE UNIQUE INDEX ux_runs_single_running ON runs (status) WHERE status = 'running';

CREATE TABLE current_run (
    singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
    run_id        INTEGER NOT NULL REFERENCES runs (id),
    published_at  TEXT NOT NULL
);

-- Readiness per municipality and profile. The detail (pillars, indicators, flags, recommendations)
-- is a JSON document; the columns are what lists filter and sort on.
CREATE TABLE run_scores (
    run_id          INTEGER NOT NULL REFERENCES runs (id),
    profile         TEXT NOT NULL,
    ags             TEXT NOT NULL,
    score           REAL,
    tier            TEXT NOT NULL,
    coverage        REAL NOT NULL,
    rank_all        INTEGER,
    rank_district   INTEGER,
    rank_peer_group INTEGER,
    rank_low        INTEGER,                -- robustness: 5th percentile of the overall rank
    rank_high       INTEGER,                -- 95th percentile
    rank_median     INTEGER,
    data_quality    TEXT NOT NULL,
    assessment_id   INTEGER,
    detail          TEXT NOT NULL,
    PRIMARY KEY (run_id, profile, ags)
) WITHOUT ROWID;

CREATE TABLE run_peer_groups (
    run_id     INTEGER NOT NULL REFERENCES runs (id),
    id         INTEGER NOT NULL,
    label      TEXT NOT NULL,
    size       INTEGER NOT NULL,
    detail     TEXT NOT NULL,               -- JSON: centroid in real and standard units, spread
    PRIMARY KEY (run_id, id)
) WITHOUT ROWID;

CREATE TABLE run_peer_group_members (
    run_id            INTEGER NOT NULL REFERENCES runs (id),
    ags               TEXT NOT NULL,
    group_id          INTEGER NOT NULL,
    distance          REAL NOT NULL,
    second_group_id   INTEGER,
    second_distance   REAL,
    PRIMARY KEY (run_id, ags)
) WITHOUT ROWID;

CREATE TABLE run_peer_group_diagnostics (
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    k                INTEGER NOT NULL,
    detail           TEXT NOT NULL,         -- JSON: inertia and quality measures
    chosen           INTEGER NOT NULL,
    PRIMARY KEY (run_id, k)
) WITHOUT ROWID;

CREATE TABLE run_pairings (
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    mentee_ags       TEXT NOT NULL,
    mentor_ags       TEXT NOT NULL,
    benefit          REAL NOT NULL,
    since_run_id     INTEGER NOT NULL,
    detail           TEXT NOT NULL,         -- JSON: benefit parts, distance, border, peer group, topics
    PRIMARY KEY (run_id, mentee_ags)
) WITHOUT ROWID;

CREATE INDEX ix_run_pairings_mentor ON run_pairings (run_id, mentor_ags);

-- Per mentee that was considered: why it has no mentor, and every candidate with its benefit parts.
CREATE TABLE run_pairing_mentees (
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    ags              TEXT NOT NULL,
    unpaired_reason  TEXT,
    detail           TEXT NOT NULL,         -- JSON: candidates
    PRIMARY KEY (run_id, ags)
) WITHOUT ROWID;

CREATE TABLE run_shared_groups (
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    id               TEXT NOT NULL,
    district_key     TEXT NOT NULL,
    detail           TEXT NOT NULL,         -- JSON: members, population, foreign residents, missing structures, offers
    PRIMARY KEY (run_id, id)
) WITHOUT ROWID;

CREATE TABLE run_shared_group_members (
    run_id     INTEGER NOT NULL REFERENCES runs (id),
    ags        TEXT NOT NULL,
    group_id   TEXT,                        -- NULL: eligible but unassigned
    reason     TEXT,
    PRIMARY KEY (run_id, ags)
) WITHOUT ROWID;
