-- The event store's first schema. Every event keeps the row it came from (import_id, source_row, and the row itself
-- in raw_row_blocks), so that it can be traced to its file and mapped again after a fix without the file.

CREATE TABLE imports (
    id             INTEGER PRIMARY KEY,
    path           VARCHAR NOT NULL,
    file_name      VARCHAR NOT NULL,
    sha256         VARCHAR NOT NULL,
    size_bytes     BIGINT NOT NULL,
    format         VARCHAR NOT NULL,
    dataset        VARCHAR NOT NULL,
    columns        VARCHAR[] NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    rows_read      BIGINT NOT NULL,
    rows_imported  BIGINT NOT NULL,
    rows_duplicate BIGINT NOT NULL,
    rows_rejected  BIGINT NOT NULL,
    warnings       VARCHAR[] NOT NULL,
    dyad_version   VARCHAR NOT NULL
);

-- No key constraints here: DuckDB checks them row by row, which would slow a 2,000,000-row import several times
-- over. Ids are assigned by the importer, and (dataset, dataset_id) is kept unique by the import's duplicate pass.
CREATE TABLE events (
    id                    BIGINT NOT NULL,
    dataset               VARCHAR NOT NULL,
    dataset_id            VARCHAR NOT NULL,
    import_id             INTEGER NOT NULL,
    source_row            BIGINT NOT NULL,
    date_start            DATE NOT NULL,
    date_end              DATE NOT NULL,
    date_precision        VARCHAR NOT NULL,
    country               VARCHAR,
    admin1                VARCHAR,
    admin2                VARCHAR,
    place                 VARCHAR,
    latitude              DOUBLE,
    longitude             DOUBLE,
    geo_precision         SMALLINT,
    actor_roles           VARCHAR NOT NULL,
    actor1                VARCHAR,
    actor1_associates     VARCHAR[],
    actor2                VARCHAR,
    actor2_associates     VARCHAR[],
    event_type            VARCHAR,
    event_subtype         VARCHAR,
    attack_types          VARCHAR[],
    weapon_types          VARCHAR[],
    target_types          VARCHAR[],
    target_subtypes       VARCHAR[],
    suicide               BOOLEAN,
    deaths_low            INTEGER,
    deaths_best           INTEGER,
    deaths_high           INTEGER,
    deaths_actor1         INTEGER,
    deaths_actor2         INTEGER,
    deaths_civilians      INTEGER,
    deaths_unknown        INTEGER,
    wounded               INTEGER,
    claimed               BOOLEAN,
    claim_mode            VARCHAR,
    claim_competing       BOOLEAN,
    attribution_uncertain BOOLEAN,
    notes                 VARCHAR,
    citations             VARCHAR
);

-- The imported rows, verbatim, compressed in blocks of consecutive rows (zlib). Kept apart from events because
-- raw rows are as large as the file itself and are read only to trace or re-map an event: stored one string per
-- event they made imports several times slower and the store several times larger.
-- A block's data is, for each row in order: the row number (int64, little-endian), then the row as a
-- length-prefixed UTF-8 string (.NET BinaryWriter format).
CREATE TABLE raw_row_blocks (
    import_id  INTEGER NOT NULL,
    first_row  BIGINT NOT NULL,
    last_row   BIGINT NOT NULL,
    row_count  INTEGER NOT NULL,
    data       BLOB NOT NULL
);

-- Rows that could not become events, verbatim, with the column and value at fault and the reason.
CREATE TABLE rejects (
    import_id   INTEGER NOT NULL,
    source_row  BIGINT NOT NULL,
    column_name VARCHAR,
    value       VARCHAR,
    reason      VARCHAR NOT NULL,
    raw         VARCHAR NOT NULL
);

-- Imports under way. An import commits its rows in chunks as it goes (one huge transaction would hold the whole
-- file in memory) and is published by one last transaction that records it in imports and removes it from here.
-- Rows of an import still listed here when a store is opened were left by a killed process and are removed.
CREATE TABLE pending_imports (
    id         INTEGER PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL
);

-- Rows that were already in the store (same dataset and dataset id), and the event they duplicate.
CREATE TABLE duplicate_rows (
    import_id         INTEGER NOT NULL,
    source_row        BIGINT NOT NULL,
    dataset_id        VARCHAR NOT NULL,
    existing_event_id BIGINT NOT NULL
);

-- How the actor names in events resolve to canonical actors (data/registry/actors.json): derived data, one row per
-- dataset, country ('' when the event has none), raw name and span of event dates. Filled for new names at each
-- import and rebuilt by 'dyad actors reresolve'; events join it, so that a registry change never rewrites events.
CREATE TABLE actor_resolutions (
    dataset    VARCHAR NOT NULL,
    country    VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    valid_from DATE NOT NULL,
    valid_to   DATE NOT NULL,
    actor_ids  VARCHAR[] NOT NULL,
    method     VARCHAR NOT NULL,
    note       VARCHAR
);

-- The admin units Dyad assigns each event in the gazetteer's countries to (data/gazetteer): derived data, by
-- point-in-polygon where the event has coordinates inside the outlines, else by its admin and place names. The
-- event keeps the source's own admin names; this says which unit they mean, how that was decided and how surely.
CREATE TABLE event_places (
    event_id   BIGINT NOT NULL,
    country    VARCHAR,
    admin1_id  VARCHAR,
    admin2_id  VARCHAR,
    method     VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL
);

-- What actor names are resolved against: each event's names with its country — the source's, or where the source
-- gives none (the GeoJSON GED extracts), the one the gazetteer found from the event's point. UCDP's "IS" is IS-K in
-- Afghanistan and Pakistan, and the country decides it.
CREATE VIEW event_actor_keys AS
SELECT e.id, e.dataset, coalesce(e.country, p.country, '') AS country, e.date_start,
       e.actor1, e.actor2, e.actor1_associates, e.actor2_associates
FROM events e LEFT JOIN event_places p ON p.event_id = e.id;
