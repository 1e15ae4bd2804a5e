-- Measures of the integration plan (Maßnahmen). A measure is updated in place under optimistic
-- concurrency (version, the ETag); every change is in the audit log.
CREATE TABLE measures (
    id                  INTEGER PRIMARY KEY,
    district_key        TEXT NOT NULL REFERENCES districts (key),
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    field_of_action     TEXT NOT NULL,
    addressee_kind      TEXT NOT NULL CHECK (addressee_kind IN ('municipality', 'administrative-union', 'district-office', 'steering-committee')),
    addressee_ags       TEXT REFERENCES municipalities (ags),   -- the municipality, or a member of the Verwaltungsgemeinschaft
    responsible_role    TEXT,
    due_date            TEXT NOT NULL,                          -- yyyy-MM-dd
    status              TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
    consequence         TEXT,                                   -- what was agreed if it is missed
    link_ags            TEXT REFERENCES municipalities (ags),   -- recommendation: municipality + indicator (structure)
    link_indicator      TEXT,
    link_mentee         TEXT REFERENCES municipalities (ags),   -- a pair
    link_mentor         TEXT REFERENCES municipalities (ags),
    link_shared_group   TEXT,                                   -- a shared-service group id
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX ix_measures_district ON measures (district_key, id);

-- The run in which a measure was first seen overdue: what GET /api/v1/runs/{id}/changes lists.
CREATE TABLE measure_overdue_notices (
    measure_id  INTEGER PRIMARY KEY REFERENCES measures (id),
    run_id      INTEGER NOT NULL,
    due_date    TEXT NOT NULL
);
