-- Events are what sources say; incidents are what happened. An incident groups the events that report it, across
-- and within datasets. The links are derived data (rebuilt by 'dyad incidents link' and after every import); the
-- analyst's decisions about them, the sources and the claims are the analyst's own records: never derived, never
-- overwritten by a re-import or a re-link, and every change to them is kept in record_changes.

-- Two events that report the same incident, with the score that linked them and the reasons for it.
CREATE TABLE incident_links (
    event_a  BIGINT NOT NULL,
    event_b  BIGINT NOT NULL,
    score    DOUBLE NOT NULL,
    rule     VARCHAR NOT NULL,
    reasons  VARCHAR[] NOT NULL
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
    dataset_a    VARCHAR NOT NULL,
    dataset_id_a VARCHAR NOT NULL,
    dataset_b    VARCHAR NOT NULL,
    dataset_id_b VARCHAR NOT NULL,
    same         BOOLEAN NOT NULL,
    note         VARCHAR,
    decided_by   VARCHAR NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL
);

-- Where evidence comes from: a dataset, a news agency, an interview, a propaganda outlet… with its citation, its
-- grade on the A–F (reliability) / 1–6 (credibility) scale, and who may see it.
CREATE SEQUENCE source_ids START 1;
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY DEFAULT nextval('source_ids'),
    code            VARCHAR NOT NULL UNIQUE,
    type            VARCHAR NOT NULL,
    author          VARCHAR,
    title           VARCHAR,
    publisher       VARCHAR,
    published       VARCHAR,
    url             VARCHAR,
    accessed        DATE,
    accessed_via    VARCHAR,
    language        VARCHAR,
    translated_from VARCHAR,
    pages           VARCHAR,
    reliability     VARCHAR,
    credibility     SMALLINT,
    protection      VARCHAR NOT NULL,
    notes           VARCHAR,
    created_by      VARCHAR NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_by      VARCHAR NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- A statement that ties a group to an attack: a claim, a denial, or blame put on another group.
CREATE SEQUENCE claim_ids START 1;
CREATE TABLE claims (
    id                INTEGER PRIMARY KEY DEFAULT nextval('claim_ids'),
    source_id         INTEGER NOT NULL,
    channel           VARCHAR,
    stance            VARCHAR NOT NULL,
    claimant_id       VARCHAR,
    claimant_name     VARCHAR,
    target_id         VARCHAR,
    target_name       VARCHAR,
    killed            INTEGER,
    wounded           INTEGER,
    killed_or_wounded INTEGER,
    weapon            VARCHAR,
    weapon_count      INTEGER,
    place             VARCHAR,
    admin1_id         VARCHAR,
    admin2_id         VARCHAR,
    event_date        DATE,
    statement_date    DATE,
    text              VARCHAR NOT NULL,
    translation       VARCHAR,
    language          VARCHAR,
    created_by        VARCHAR NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_by        VARCHAR NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- What a user says an imported file is an extract of ("events involving the Taliban only"): outside it, no event
-- is not zero events.
CREATE TABLE import_extracts (
    import_id INTEGER NOT NULL,
    filter    VARCHAR NOT NULL
);

-- What each imported file covers: its events' first and last days and the countries they are in (the source's, or the
-- gazetteer's where the source names none). Derived data, filled when places are assigned, so that every rivalry and
-- brief reads a few rows instead of scanning the events.
CREATE TABLE import_coverage (
    import_id INTEGER NOT NULL,
    first_day DATE NOT NULL,
    last_day  DATE NOT NULL,
    countries VARCHAR[] NOT NULL
);

-- Every change to an analyst's record (a source, a claim, a link decision): who, when, and the record before and
-- after, as JSON.
CREATE TABLE record_changes (
    changed_at  TIMESTAMPTZ NOT NULL,
    changed_by  VARCHAR NOT NULL,
    record_type VARCHAR NOT NULL,
    record_id   VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,
    before      VARCHAR,
    after       VARCHAR
);

-- What a store says of itself: who made it ('made_by' is 'dyad demo' for the demo's stores, which the demo may
-- replace; it replaces nothing else).
CREATE TABLE store_properties (
    name  VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
