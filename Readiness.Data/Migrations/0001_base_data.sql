-- Base data: the territorial units of Germany as published by Destatis (GV-ISys 31.12.2024)
-- and the Zensus 2022. Loaded once by the seed importer; read-only afterwards.

CREATE TABLE dataset_versions (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    loaded_at     TEXT NOT NULL,
    description   TEXT NOT NULL
);

CREATE TABLE states (
    key   TEXT PRIMARY KEY CHECK (length(key) = 2),
    name  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE districts (
    key                  TEXT PRIMARY KEY CHECK (length(key) = 5),
    name                 TEXT NOT NULL,
    kind                 TEXT NOT NULL,          -- landkreis | kreisfreie-stadt
    official_kind        TEXT NOT NULL,          -- as published: Landkreis, Kreis, Stadtkreis, Regionalverband, ...
    state_key            TEXT NOT NULL REFERENCES states (key),
    region_key           TEXT,
    region_name          TEXT,
    area_km2             REAL NOT NULL,
    population           INTEGER NOT NULL,       -- GV-ISys 31.12.2023
    census_population    INTEGER,                -- Zensus 2022
    foreign_share        REAL,                   -- Zensus 2022, fraction, population-weighted
    inkar_foreign_share  REAL                    -- INKAR 2022 (register based), fraction
) WITHOUT ROWID;

CREATE TABLE administrative_unions (
    key           TEXT PRIMARY KEY CHECK (length(key) = 9),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,                 -- Verwaltungsgemeinschaft, Amt, Samtgemeinde, ...
    district_key  TEXT NOT NULL REFERENCES districts (key)
) WITHOUT ROWID;

CREATE TABLE municipalities (
    ags                          TEXT PRIMARY KEY CHECK (length(ags) = 8),
    ars                          TEXT NOT NULL,
    name                         TEXT NOT NULL,
    official_name                TEXT NOT NULL,
    kind                         TEXT NOT NULL,  -- gemeinde | markt | stadt | kreisfreie-stadt
    official_type                TEXT NOT NULL,
    district_key                 TEXT NOT NULL REFERENCES districts (key),
    state_key                    TEXT NOT NULL REFERENCES states (key),
    union_key                    TEXT REFERENCES administrative_unions (key),
    area_km2                     REAL NOT NULL,
    population                   INTEGER NOT NULL, -- GV-ISys 31.12.2023 (Zensus-2011 basis)
    density_per_km2              REAL NOT NULL,
    lat                          REAL,
    lon                          REAL,
    degurba                      INTEGER,
    postcode                     TEXT,
    census_population            INTEGER,          -- Zensus 2022: the base of both shares below
    foreign_share                REAL,
    migration_background_share   REAL,
    census_missing_reason        TEXT,
    search_key                   TEXT NOT NULL     -- folded name for q: lower case, without accents, umlauts both ways
) WITHOUT ROWID;

CREATE INDEX ix_municipalities_district ON municipalities (district_key);
CREATE INDEX ix_municipalities_state ON municipalities (state_key);
CREATE INDEX ix_municipalities_union ON municipalities (union_key);

-- gemeindefreie Gebiete: not municipalities, but they connect their neighbours.
CREATE TABLE unincorporated_areas (
    ags           TEXT PRIMARY KEY CHECK (length(ags) = 8),
    name          TEXT NOT NULL,
    district_key  TEXT,
    area_km2      REAL,
    exists_2024   INTEGER NOT NULL
) WITHOUT ROWID;

-- Both directions are stored, so a municipality's neighbours are one indexed range.
CREATE TABLE neighbours (
    ags              TEXT NOT NULL REFERENCES municipalities (ags),
    neighbour_ags    TEXT NOT NULL REFERENCES municipalities (ags),
    source           TEXT NOT NULL CHECK (source IN ('boundary', 'distance')),
    shared_border_m  REAL,
    via_ags          TEXT,                       -- the unincorporated area they both border, if not a direct border
    distance_km      REAL NOT NULL,
    PRIMARY KEY (ags, neighbour_ags)
) WITHOUT ROWID;
