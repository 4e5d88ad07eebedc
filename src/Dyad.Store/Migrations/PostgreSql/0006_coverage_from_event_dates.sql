-- What a GTD file covers ends at its last event's day, not at the resolution of an extended incident (a kidnapping
-- freed a year after the file's last attack): the coverage of GTD files imported before is read again from their
-- events' own dates. Coverage is derived data; nothing an analyst made is touched.
UPDATE import_coverage SET last_day = (
    SELECT max(CASE WHEN e.date_precision = 'day' THEN e.date_start ELSE e.date_end END)
    FROM events e WHERE e.import_id = import_coverage.import_id)
WHERE import_id IN (SELECT id FROM imports WHERE dataset = 'gtd')
  AND EXISTS (SELECT 1 FROM events e WHERE e.import_id = import_coverage.import_id);
