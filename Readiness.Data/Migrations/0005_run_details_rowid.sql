-- Run tables whose rows carry a detail of about a kilobyte become ordinary (rowid) tables. As
-- WITHOUT ROWID tables, SQLite kept at most about 1,000 bytes of a row on its b-tree page and moved the
-- rest to an overflow page of its own: a run of Germany took about 65 MB for 12 MB of details, and
-- writing it took most of the write stage (docs/benchmarks.md). A rowid table keeps rows of up to about
-- 4,000 bytes on the page. The primary keys stay, as unique indexes; the data is copied unchanged.

CREATE TABLE run_scores_rowid (
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
);
INSERT INTO run_scores_rowid SELECT * FROM run_scores;
DROP TABLE run_scores;
ALTER TABLE run_scores_rowid RENAME TO run_scores;

CREATE TABLE run_pairings_rowid (
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    mentee_ags       TEXT NOT NULL,
    mentor_ags       TEXT NOT NULL,
    benefit          REAL NOT NULL,
    since_run_id     INTEGER NOT NULL,
    detail           TEXT NOT NULL,         -- JSON: benefit parts, distance, border, peer group, topics
    PRIMARY KEY (run_id, mentee_ags)
);
INSERT INTO run_pairings_rowid SELECT * FROM run_pairings;
DROP TABLE run_pairings;
ALTER TABLE run_pairings_rowid RENAME TO run_pairings;
CREATE INDEX ix_run_pairings_mentor ON run_pairings (run_id, mentor_ags);

CREATE TABLE run_pairing_mentees_rowid (
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    ags              TEXT NOT NULL,
    unpaired_reason  TEXT,
    detail           TEXT NOT NULL,         -- JSON: candidates
    PRIMARY KEY (run_id, ags)
);
INSERT INTO run_pairing_mentees_rowid SELECT * FROM run_pairing_mentees;
DROP TABLE run_pairing_mentees;
ALTER TABLE run_pairing_mentees_rowid RENAME TO run_pairing_mentees;

CREATE TABLE run_shared_groups_rowid (
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    id               TEXT NOT NULL,
    district_key     TEXT NOT NULL,
    detail           TEXT NOT NULL,         -- JSON: members, population, foreign residents, missing structures, offers
    PRIMARY KEY (run_id, id)
);
INSERT INTO run_shared_groups_rowid SELECT * FROM run_shared_groups;
DROP TABLE run_shared_groups;
ALTER TABLE run_shared_groups_rowid RENAME TO run_shared_groups;
