-- Assessments: a municipality's answers to the district's readiness survey at a reference date.
-- History is never overwritten: every answer set is a new row. NULL means "not answered".
CREATE TABLE assessments (
    id                          INTEGER PRIMARY KEY,
    ags                         TEXT NOT NULL REFERENCES municipalities (ags),
    reference_date              TEXT NOT NULL,       -- yyyy-MM-dd
    source                      TEXT NOT NULL CHECK (source IN ('illustrative', 'surveyed')),
    contact_person              INTEGER CHECK (contact_person IN (0, 1)),
    paid_staff_fte              REAL CHECK (paid_staff_fte BETWEEN 0 AND 1000),
    network                     INTEGER CHECK (network IN (0, 1)),
    volunteer_coordination      INTEGER CHECK (volunteer_coordination IN (0, 1)),
    migrant_council             INTEGER CHECK (migrant_council IN (0, 1)),
    integration_concept         INTEGER CHECK (integration_concept IN (0, 1)),
    council_resolution          INTEGER CHECK (council_resolution IN (0, 1)),
    intermunicipal_exchange     INTEGER CHECK (intermunicipal_exchange IN (0, 1)),
    integration_budget_eur      REAL CHECK (integration_budget_eur >= 0),
    active_volunteers           INTEGER CHECK (active_volunteers >= 0),
    volunteer_allowance         INTEGER CHECK (volunteer_allowance IN (0, 1)),
    migrant_organisations       INTEGER CHECK (migrant_organisations >= 0),
    years_of_integration_work   REAL CHECK (years_of_integration_work >= 0),
    recorded_at                 TEXT NOT NULL,
    recorded_by                 TEXT NOT NULL,       -- API key name, 'import:<key name>' or 'seed'
    batch_id                    TEXT,                -- the import that wrote it, if any
    note                        TEXT
);

-- The latest counts: a surveyed assessment beats an illustrative one, then the later reference date, then the later row.
CREATE INDEX ix_assessments_latest ON assessments (ags, source, reference_date, id);
CREATE INDEX ix_assessments_batch ON assessments (batch_id) WHERE batch_id IS NOT NULL;

-- Scoring profiles: indicators, goalposts, weights, thresholds as a JSON document.
CREATE TABLE profiles (
    name          TEXT PRIMARY KEY,
    definition    TEXT NOT NULL,                    -- JSON, the ScoringProfile
    builtin       INTEGER NOT NULL DEFAULT 0,
    nightly       INTEGER NOT NULL DEFAULT 0,       -- computed by every nightly run
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
) WITHOUT ROWID;
