-- Releases. A file may say which release of its dataset it is (dyad import --release 23.1). An import revises the
-- stored events of its dataset that it reports with other values; an import that is a whole release also withdraws
-- the events of its dataset, in its span of days and its countries, that it no longer has.
ALTER TABLE imports ADD COLUMN release VARCHAR;
ALTER TABLE imports ADD COLUMN rows_revised BIGINT DEFAULT 0;
ALTER TABLE imports ADD COLUMN rows_withdrawn BIGINT DEFAULT 0;

-- What events said before an import revised or withdrew them: each superseded row as it stood, with the import that
-- superseded it and how ('revised' or 'withdrawn'). A row's values were current from its import_id until superseded_by.
-- The columns are the events table's: a migration that adds a column to events adds it here too.
CREATE TABLE event_history AS SELECT * FROM events WHERE false;
ALTER TABLE event_history ADD COLUMN superseded_by INTEGER;
ALTER TABLE event_history ADD COLUMN change VARCHAR;
