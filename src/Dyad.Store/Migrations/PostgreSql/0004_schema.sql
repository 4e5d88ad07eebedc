-- PostgreSQL's schema, made at once at the version DuckDB's scripts 0001-0004 reach one at a time: the same tables,
-- columns and column order (bulk writes depend on it), in PostgreSQL's types (TEXT for VARCHAR, so that list
-- parameters, sent as text[], compare with list columns without casts).

-- The event store's first schema. Every event keeps the row it came from (import_id, source_row, and the row itself
-- in raw_row_blocks), so that it can be traced to its file and mapped again after a fix without the file.

CREATE TABLE imports (
    id             INTEGER PRIMARY KEY,
    path           TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    size_bytes     BIGINT NOT NULL,
    format         TEXT NOT NULL,
    dataset        TEXT NOT NULL,
    columns        TEXT[] NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    rows_read      BIGINT NOT NULL,
    rows_imported  BIGINT NOT NULL,
    rows_duplicate BIGINT NOT NULL,
    rows_rejected  BIGINT NOT NULL,
    warnings       TEXT[] NOT NULL,
    dyad_version   TEXT NOT NULL,
    release        TEXT,
    rows_revised   BIGINT DEFAULT 0,
    rows_withdrawn BIGINT DEFAULT 0
);

-- Ids are assigned by the importer (one import at a time, under an advisory lock), and (dataset, dataset_id) is kept
-- unique by the import's duplicate pass. The indexes are made at the end of this script.
CREATE TABLE events (
    id                    BIGINT NOT NULL,
    dataset               TEXT NOT NULL,
    dataset_id            TEXT NOT NULL,
    import_id             INTEGER NOT NULL,
    source_row            BIGINT NOT NULL,
    date_start            DATE NOT NULL,
    date_end              DATE NOT NULL,
    date_precision        TEXT NOT NULL,
    country               TEXT,
    admin1                TEXT,
    admin2                TEXT,
    place                 TEXT,
    latitude              DOUBLE PRECISION,
    longitude             DOUBLE PRECISION,
    geo_precision         SMALLINT,
    actor_roles           TEXT NOT NULL,
    actor1                TEXT,
    actor1_associates     TEXT[],
    actor2                TEXT,
    actor2_associates     TEXT[],
    event_type            TEXT,
    event_subtype         TEXT,
    attack_types          TEXT[],
    weapon_types          TEXT[],
    target_types          TEXT[],
    target_subtypes       TEXT[],
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
    claim_mode            TEXT,
    claim_competing       BOOLEAN,
    attribution_uncertain BOOLEAN,
    notes                 TEXT,
    citations             TEXT,
    weapon_subtypes       TEXT[],
    target_nationalities  TEXT[],
    part_of_multiple      BOOLEAN,
    property_damage       BOOLEAN,
    hostages              BOOLEAN,
    perpetrators          INTEGER
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
    data       BYTEA NOT NULL
);

-- Rows that could not become events, verbatim, with the column and value at fault and the reason.
CREATE TABLE rejects (
    import_id   INTEGER NOT NULL,
    source_row  BIGINT NOT NULL,
    column_name TEXT,
    value       TEXT,
    reason      TEXT NOT NULL,
    raw         TEXT NOT NULL
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
    dataset_id        TEXT NOT NULL,
    existing_event_id BIGINT NOT NULL
);

-- How the actor names in events resolve to canonical actors (data/registry/actors.json): derived data, one row per
-- dataset, country ('' when the event has none), raw name and span of event dates. Filled for new names at each
-- import and rebuilt by 'dyad actors reresolve'; events join it, so that a registry change never rewrites events.
CREATE TABLE actor_resolutions (
    dataset    TEXT NOT NULL,
    country    TEXT NOT NULL,
    name       TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to   DATE NOT NULL,
    actor_ids  TEXT[] NOT NULL,
    method     TEXT NOT NULL,
    note       TEXT
);

-- The admin units Dyad assigns each event in the gazetteer's countries to (data/gazetteer): derived data, by
-- point-in-polygon where the event has coordinates inside the outlines, else by its admin and place names. The
-- event keeps the source's own admin names; this says which unit they mean, how that was decided and how surely.
CREATE TABLE event_places (
    event_id   BIGINT NOT NULL,
    country    TEXT,
    admin1_id  TEXT,
    admin2_id  TEXT,
    method     TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL
);

-- What actor names are resolved against: each event's names with its country — the source's, or where the source
-- gives none (the GeoJSON GED extracts), the one the gazetteer found from the event's point. UCDP's "IS" is IS-K in
-- Afghanistan and Pakistan, and the country decides it.
CREATE VIEW event_actor_keys AS
SELECT e.id, e.dataset, coalesce(e.country, p.country, '') AS country, e.date_start,
       e.actor1, e.actor2, e.actor1_associates, e.actor2_associates
FROM events e LEFT JOIN event_places p ON p.event_id = e.id;

-- Events are what sources say; incidents are what happened. An incident groups the events that report it, across
-- and within datasets. The links are derived data (rebuilt by 'dyad incidents link' and after every import); the
-- analyst's decisions about them, the sources and the claims are the analyst's own records: never derived, never
-- overwritten by a re-import or a re-link, and every change to them is kept in record_changes.

-- Two events that report the same incident, with the score that linked them and the reasons for it.
CREATE TABLE incident_links (
    event_a  BIGINT NOT NULL,
    event_b  BIGINT NOT NULL,
    score    DOUBLE PRECISION NOT NULL,
    rule     TEXT NOT NULL,
    reasons  TEXT[] NOT NULL
);

-- The incident each linked event belongs to (an event in no link is its own incident and has no row here). An
-- incident's id is the smallest id of its events.
CREATE TABLE event_incidents (
    event_id    BIGINT NOT NULL,
    incident_id BIGINT NOT NULL
);

-- An analyst's decision that two events report the same incident, or not. Kept by the datasets' own ids, so that it
-- outlives re-imports (which may give events new store ids) and every re-link.
CREATE SEQUENCE link_decision_ids START 1;
CREATE TABLE link_decisions (
    id           INTEGER PRIMARY KEY DEFAULT nextval('link_decision_ids'),
    dataset_a    TEXT NOT NULL,
    dataset_id_a TEXT NOT NULL,
    dataset_b    TEXT NOT NULL,
    dataset_id_b TEXT NOT NULL,
    same         BOOLEAN NOT NULL,
    note         TEXT,
    decided_by   TEXT NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL
);

-- Where evidence comes from: a dataset, a news agency, an interview, a propaganda outlet… with its citation, its
-- grade on the A–F (reliability) / 1–6 (credibility) scale, and who may see it.
CREATE SEQUENCE source_ids START 1;
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY DEFAULT nextval('source_ids'),
    code            TEXT NOT NULL UNIQUE,
    type            TEXT NOT NULL,
    author          TEXT,
    title           TEXT,
    publisher       TEXT,
    published       TEXT,
    url             TEXT,
    accessed        DATE,
    accessed_via    TEXT,
    language        TEXT,
    translated_from TEXT,
    pages           TEXT,
    reliability     TEXT,
    credibility     SMALLINT,
    protection      TEXT NOT NULL,
    notes           TEXT,
    created_by      TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- A statement that ties a group to an attack: a claim, a denial, or blame put on another group.
CREATE SEQUENCE claim_ids START 1;
CREATE TABLE claims (
    id                INTEGER PRIMARY KEY DEFAULT nextval('claim_ids'),
    source_id         INTEGER NOT NULL,
    channel           TEXT,
    stance            TEXT NOT NULL,
    claimant_id       TEXT,
    claimant_name     TEXT,
    target_id         TEXT,
    target_name       TEXT,
    killed            INTEGER,
    wounded           INTEGER,
    killed_or_wounded INTEGER,
    weapon            TEXT,
    weapon_count      INTEGER,
    place             TEXT,
    admin1_id         TEXT,
    admin2_id         TEXT,
    event_date        DATE,
    statement_date    DATE,
    text              TEXT NOT NULL,
    translation       TEXT,
    language          TEXT,
    created_by        TEXT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_by        TEXT NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- What a user says an imported file is an extract of ("events involving the Taliban only"): outside it, no event
-- is not zero events.
CREATE TABLE import_extracts (
    import_id INTEGER NOT NULL,
    filter    TEXT NOT NULL
);

-- What each imported file covers: its events' first and last days and the countries they are in (the source's, or the
-- gazetteer's where the source names none). Derived data, filled when places are assigned, so that every rivalry and
-- brief reads a few rows instead of scanning the events.
CREATE TABLE import_coverage (
    import_id INTEGER NOT NULL,
    first_day DATE NOT NULL,
    last_day  DATE NOT NULL,
    countries TEXT[] NOT NULL
);

-- Every change to an analyst's record (a source, a claim, a link decision): who, when, and the record before and
-- after, as JSON.
CREATE TABLE record_changes (
    changed_at  TIMESTAMPTZ NOT NULL,
    changed_by  TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    action      TEXT NOT NULL,
    before      TEXT,
    after       TEXT
);

-- What a store says of itself: who made it ('made_by' is 'dyad demo' for the demo's stores, which the demo may
-- replace; it replaces nothing else).
CREATE TABLE store_properties (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Releases (see DuckDB's 0004_releases.sql): what events said before an import revised or withdrew them.
CREATE TABLE event_history AS SELECT * FROM events WHERE false;
ALTER TABLE event_history ADD COLUMN superseded_by INTEGER;
ALTER TABLE event_history ADD COLUMN change TEXT;

-- DuckDB orders the record of changes by its rowid; here the column of that name does it.
ALTER TABLE record_changes ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;

-- What DuckDB finds by scanning its column zones, PostgreSQL finds by index.
CREATE INDEX events_id ON events (id);
CREATE INDEX events_import ON events (import_id);
CREATE INDEX events_dataset_id ON events (dataset, dataset_id);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX event_places_event ON event_places (event_id);
CREATE INDEX event_incidents_event ON event_incidents (event_id);
CREATE INDEX event_incidents_incident ON event_incidents (incident_id);
CREATE INDEX incident_links_a ON incident_links (event_a);
CREATE INDEX actor_resolutions_name ON actor_resolutions (name, dataset, country);
CREATE INDEX raw_row_blocks_import ON raw_row_blocks (import_id, first_row);
CREATE INDEX event_history_id ON event_history (id);
CREATE INDEX rejects_import ON rejects (import_id);
