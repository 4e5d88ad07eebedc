namespace Dyad.Store.Sql;

/// <summary>
/// Releases of a dataset: an import that reports a stored event again with other values revises it (the event keeps
/// its id, takes the new values where the new report has them, and its history keeps the old row); a whole release withdraws the events it no longer
/// has (moved to the history, gone from queries). Superseded rows are kept in event_history with the import that
/// superseded them, so that any import's view of the data can be read again (<see cref="EventFilter.AsOfImport"/>).
/// </summary>
public abstract partial class SqlEventStore
{
    /// <summary>The events table's columns that carry what a source said (all but the store's id and the row's origin).</summary>
    private string[]? _valueColumns;
    private string[]? _eventColumns;

    /// <summary>The events table's columns, in order, as a list for SQL (event_history has them, then its own two).</summary>
    private string EventColumnList(string? alias = null)
    {
        ValueColumns();
        return string.Join(", ", _eventColumns!.Select(c => alias is null ? c : $"{alias}.{c}"));
    }

    private string[] ValueColumns()
    {
        if (_valueColumns is null)
        {
            var columns = new List<string>();
            using var command = Command(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' AND table_schema = current_schema() ORDER BY ordinal_position");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }

            _eventColumns = [.. columns];
            _valueColumns = [.. columns.Except(["id", "import_id", "source_row"])];
        }

        return _valueColumns;
    }

    /// <summary>
    /// Sets aside this import's rows whose dataset id is stored already: as duplicates when they say the same (or
    /// repeat an earlier row of the same file), as revisions of the stored event when they say something else.
    /// Done once, as joins, after the rows are in: a lookup per row on the way in would cost far more.
    /// </summary>
    /// <param name="newer">Imports of newer releases of the dataset: a row that differs from their value is older, and does not revise it.</param>
    private (long Duplicates, long Revised, long Older) Reconcile(int importId, string dataset, List<int> newer)
    {
        var columns = ValueColumns();
        // A later report revises what it has a value for: a field it leaves empty (a reduced extract lacks whole columns)
        // does not erase what an earlier one said.
        var nothingNew = string.Join(" AND ", columns.Select(c => $"(e.{c} IS NULL OR e.{c} IS NOT DISTINCT FROM f.{c})"));
        using (var find = Command(
            $"""
            DROP TABLE IF EXISTS import_matches;
            CREATE TEMP TABLE import_matches AS
            WITH firsts AS (
                SELECT dataset_id, min(id) AS first_id,
                       min(id) FILTER (WHERE import_id = $import) AS first_new_id
                FROM events
                WHERE dataset = $dataset AND dataset_id IN (SELECT dataset_id FROM events WHERE import_id = $import)
                GROUP BY dataset_id
                HAVING count(*) > 1)
            SELECT e.id, e.source_row, e.dataset_id, m.first_id,
                   f.import_id <> $import AND e.id = m.first_new_id AND NOT ({nothingNew}) AND NOT (f.import_id = ANY($newer)) AS revision,
                   f.import_id <> $import AND e.id = m.first_new_id AND NOT ({nothingNew}) AND f.import_id = ANY($newer) AS older
            FROM events e JOIN firsts m USING (dataset_id) JOIN events f ON f.id = m.first_id
            WHERE e.import_id = $import AND e.dataset = $dataset AND e.id > m.first_id
            """,
            ("dataset", dataset), ("import", importId), ("newer", newer)))
        {
            find.ExecuteNonQuery();
        }

        Analyze("import_matches");

        var duplicates = Scalar("SELECT count(*) FROM import_matches WHERE NOT revision");
        var revised = Scalar("SELECT count(*) FROM import_matches WHERE revision");
        var older = Scalar("SELECT count(*) FROM import_matches WHERE older");
        if (duplicates + revised > 0)
        {
            var assignments = string.Join(", ", columns.Select(c => $"{c} = coalesce(n.{c}, events.{c})").Append("import_id = n.import_id").Append("source_row = n.source_row"));
            foreach (var sql in new[]
            {
                "INSERT INTO duplicate_rows SELECT $import, source_row, dataset_id, first_id FROM import_matches WHERE NOT revision",
                $"""
                INSERT INTO event_history ({EventColumnList()}, superseded_by, change)
                SELECT {EventColumnList("o")}, $import, 'revised' FROM events o
                WHERE o.id IN (SELECT first_id FROM import_matches WHERE revision)
                """,
                $"""
                UPDATE events SET {assignments}
                FROM (SELECT m.first_id, {EventColumnList("e")} FROM import_matches m JOIN events e ON e.id = m.id WHERE m.revision) n
                WHERE events.id = n.first_id
                """,
                "DELETE FROM events WHERE import_id = $import AND id IN (SELECT id FROM import_matches)",
            })
            {
                using var command = Command(sql, ("import", importId));
                command.ExecuteNonQuery();
            }
        }

        Execute("DROP TABLE import_matches");
        return (duplicates, revised, older);
    }

    /// <summary>The published imports of the source's dataset whose release is newer than the source's (none when it names no release).</summary>
    private List<(int ImportId, string Release)> NewerReleases(ImportSource source)
    {
        if (source.Release is null)
        {
            return [];
        }

        var releases = new List<(int, string)>();
        using var command = Command("SELECT id, release FROM imports WHERE dataset = $dataset AND release IS NOT NULL", ("dataset", source.Dataset));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            releases.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return [.. releases.Where(r => ReleaseVersions.Compare(r.Item2, source.Release) > 0)];
    }

    /// <summary>
    /// Withdraws the events of <paramref name="dataset"/> from earlier imports that fall in this whole release's span of
    /// days and its countries but that it no longer has.
    /// </summary>
    private long WithdrawMissing(int importId, string dataset) => Withdraw(importId,
        """
        WITH reported AS (SELECT date_start, date_end, country FROM events WHERE import_id = $import
                          UNION ALL
                          SELECT e.date_start, e.date_end, e.country FROM duplicate_rows d JOIN events e ON e.id = d.existing_event_id
                          WHERE d.import_id = $import),
             span AS (SELECT min(date_start) AS first_day, max(date_end) AS last_day, array_agg(DISTINCT country) AS countries
                      FROM reported),
             kept AS (SELECT dataset_id FROM events WHERE import_id = $import AND dataset = $dataset
                      UNION SELECT dataset_id FROM duplicate_rows WHERE import_id = $import)
        SELECT e.id FROM events e, span
        WHERE e.dataset = $dataset AND e.import_id <> $import
          AND e.date_start BETWEEN span.first_day AND span.last_day AND e.country = ANY(span.countries)
          AND e.dataset_id NOT IN (SELECT dataset_id FROM kept)
        """,
        ("dataset", dataset));

    /// <summary>Withdraws the events of <paramref name="dataset"/> that its publisher says it deleted (ACLED's deletions).</summary>
    private long WithdrawDeleted(int importId, string dataset, IReadOnlyList<string> datasetIds) => datasetIds.Count == 0 ? 0 : Withdraw(importId,
        "SELECT id FROM events WHERE dataset = $dataset AND dataset_id IN (SELECT unnest($ids))",
        ("dataset", dataset), ("ids", datasetIds.ToList()));

    /// <summary>Moves the events <paramref name="selection"/> selects to the history, withdrawn by this import.</summary>
    private long Withdraw(int importId, string selection, params (string Name, object? Value)[] parameters)
    {
        Execute("DROP TABLE IF EXISTS import_withdrawn");
        using (var find = Command($"CREATE TEMP TABLE import_withdrawn AS {selection}", [("import", importId), .. parameters]))
        {
            find.ExecuteNonQuery();
        }

        var withdrawn = Scalar("SELECT count(*) FROM import_withdrawn");
        if (withdrawn > 0)
        {
            using var history = Command(
                $"""
                INSERT INTO event_history ({EventColumnList()}, superseded_by, change)
                SELECT {EventColumnList("e")}, $import, 'withdrawn' FROM events e WHERE e.id IN (SELECT id FROM import_withdrawn)
                """,
                ("import", importId));
            history.ExecuteNonQuery();
            Execute("DELETE FROM events WHERE id IN (SELECT id FROM import_withdrawn)");
        }

        Execute("DROP TABLE import_withdrawn");
        return withdrawn;
    }

    /// <summary>SQL that gives the events the imports <paramref name="ids"/> revised or withdrew their rows back.</summary>
    private string[] UndoSupersededSql(string ids) =>
    [
        $"DELETE FROM events WHERE id IN (SELECT id FROM event_history WHERE superseded_by IN ({ids}))",
        $"INSERT INTO events ({EventColumnList()}) SELECT {EventColumnList()} FROM event_history WHERE superseded_by IN ({ids})",
        $"DELETE FROM event_history WHERE superseded_by IN ({ids})",
    ];

    /// <summary>
    /// For a filter with <see cref="EventFilter.AsOfImport"/>: a CTE that stands for the events table in the query,
    /// holding each event's row as it stood after that import. A row was current from its import until the import that
    /// superseded it.
    /// </summary>
    private string AsOf(EventFilter filter) => filter.AsOfImport is null ? "" :
        $"""
        WITH events AS (
            SELECT {EventColumnList()} FROM {CurrentSchema()}.events WHERE import_id <= $as_of
            UNION ALL
            SELECT {EventColumnList()} FROM event_history WHERE import_id <= $as_of AND superseded_by > $as_of)
        """;

    private string? _schema;

    /// <summary>The schema the store's tables are in ('main' in DuckDB, 'public' in PostgreSQL): a CTE named events shadows the table.</summary>
    private string CurrentSchema()
    {
        if (_schema is null)
        {
            using var command = Command("SELECT current_schema()");
            _schema = (string)command.ExecuteScalar()!;
        }

        return _schema;
    }

    public int? FindImport(string releaseOrFile)
    {
        using var command = Command(
            """
            SELECT max(id) FROM imports
            WHERE release = $key OR file_name = $key OR path = $key OR CAST(id AS VARCHAR) = $key
            """,
            ("key", releaseOrFile));
        return command.ExecuteScalar() is int id ? id : null;
    }

    public IReadOnlyList<EventVersion> History(long eventId)
    {
        var versions = new List<EventVersion>();
        using var command = Command(
            $"""
            WITH events AS (
                SELECT {EventColumnList()}, CAST(NULL AS INTEGER) AS superseded_by, 'current' AS change FROM {CurrentSchema()}.events WHERE id = $id
                UNION ALL
                SELECT {EventColumnList()}, superseded_by, change FROM event_history WHERE id = $id)
            {EventSelect}, e.import_id, i.release, i.finished_at, e.superseded_by, e.change
            {EventFrom}
            ORDER BY e.import_id, e.superseded_by NULLS LAST
            """,
            ("id", eventId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            versions.Add(new EventVersion(
                ReadEvent(reader), reader.GetInt32(RawColumn), NullableString(reader, RawColumn + 1),
                new DateTimeOffset(reader.GetDateTime(RawColumn + 2), TimeSpan.Zero),
                reader.IsDBNull(RawColumn + 3) ? null : reader.GetInt32(RawColumn + 3), reader.GetString(RawColumn + 4)));
        }

        return versions;
    }
}
