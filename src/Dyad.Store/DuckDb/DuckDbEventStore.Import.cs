using System.Reflection;
using DuckDB.NET.Data;
using Dyad.Events;

namespace Dyad.Store.DuckDb;

public sealed partial class DuckDbEventStore
{
    private const int ProgressEvery = 4096;

    private static readonly string DyadVersion =
        typeof(DuckDbEventStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public ImportReport Import(ImportSource source, IEnumerable<RowOutcome> rows, Func<IReadOnlyList<string>> warnings,
        Action<long>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var started = _clock.GetUtcNow();
        // DuckDB rolls back an uncommitted transaction when the process dies, so a kill mid-file leaves the store as it was.
        using var transaction = _connection.BeginTransaction();
        var importId = (int)Scalar("SELECT coalesce(max(id), 0) + 1 FROM imports");
        var nextEventId = Scalar("SELECT coalesce(max(id), 0) + 1 FROM events");
        long read = 0, appended = 0, rejected = 0;

        using (var events = _connection.CreateAppender("events"))
        using (var rejects = _connection.CreateAppender("rejects"))
        {
            foreach (var outcome in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                switch (outcome)
                {
                    case MappedRow mapped:
                        AppendEvent(events, nextEventId + appended, importId, mapped.Event);
                        appended++;
                        break;
                    case RejectedRow reject:
                        rejects.CreateRow()
                            .AppendValue(importId).AppendValue(reject.Row).AppendValue(reject.Column).AppendValue(reject.Value)
                            .AppendValue(reject.Reason).AppendValue(reject.Raw)
                            .EndRow();
                        rejected++;
                        break;
                }

                if (read % ProgressEvery == 0)
                {
                    onProgress?.Invoke(read);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var duplicates = SetAsideDuplicates(importId, source.Dataset);
        var fileWarnings = warnings();
        var finished = _clock.GetUtcNow();
        using (var record = Command(
            """
            INSERT INTO imports VALUES ($id, $path, $file_name, $sha256, $size, $format, $dataset, $columns, $started, $finished,
                                        $read, $imported, $duplicates, $rejected, $warnings, $version)
            """,
            ("id", importId), ("path", System.IO.Path.GetFullPath(source.Path)), ("file_name", System.IO.Path.GetFileName(source.Path)),
            ("sha256", source.Sha256()), ("size", source.SizeBytes), ("format", source.Format), ("dataset", source.Dataset),
            ("columns", source.Columns.ToList()), ("started", started.UtcDateTime), ("finished", finished.UtcDateTime),
            ("read", read), ("imported", appended - duplicates), ("duplicates", duplicates), ("rejected", rejected),
            ("warnings", fileWarnings.ToList()), ("version", DyadVersion)))
        {
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        onProgress?.Invoke(read);
        return new ImportReport(importId, source.Path, source.Format, source.Dataset, read, appended - duplicates, duplicates, rejected, fileWarnings, finished);
    }

    /// <summary>
    /// Moves this import's events whose dataset id is already stored (by an earlier import, or earlier in the same
    /// file) to duplicate_rows, with the id of the event they repeat. Done once, as a join, after the rows are in:
    /// checking each row on the way in would cost a lookup per row.
    /// </summary>
    private long SetAsideDuplicates(int importId, string dataset)
    {
        using (var find = Command(
            """
            CREATE OR REPLACE TEMP TABLE import_duplicates AS
            WITH firsts AS (
                SELECT dataset_id, min(id) AS first_id
                FROM events
                WHERE dataset = $dataset AND dataset_id IN (SELECT dataset_id FROM events WHERE import_id = $import)
                GROUP BY dataset_id
                HAVING count(*) > 1)
            SELECT e.id, e.source_row, e.dataset_id, f.first_id
            FROM events e JOIN firsts f USING (dataset_id)
            WHERE e.import_id = $import AND e.dataset = $dataset AND e.id > f.first_id
            """,
            ("dataset", dataset), ("import", importId)))
        {
            find.ExecuteNonQuery();
        }

        var count = Scalar("SELECT count(*) FROM import_duplicates");
        if (count > 0)
        {
            using var keep = Command("INSERT INTO duplicate_rows SELECT $import, source_row, dataset_id, first_id FROM import_duplicates", ("import", importId));
            keep.ExecuteNonQuery();
            using var remove = Command("DELETE FROM events WHERE import_id = $import AND id IN (SELECT id FROM import_duplicates)", ("import", importId));
            remove.ExecuteNonQuery();
        }

        using var drop = Command("DROP TABLE import_duplicates");
        drop.ExecuteNonQuery();
        return count;
    }

    private static void AppendEvent(DuckDBAppender appender, long id, int importId, DyadEvent e)
    {
        var place = e.Place;
        var actors = e.Actors;
        var category = e.Category;
        var deaths = e.Deaths;
        var claim = e.Claim;
        appender.CreateRow()
            .AppendValue(id)
            .AppendValue(e.Dataset)
            .AppendValue(e.DatasetId)
            .AppendValue(importId)
            .AppendValue(e.Provenance.Row)
            .AppendValue(e.Date.Start)
            .AppendValue(e.Date.End)
            .AppendValue(EventColumns.Precision(e.Date.Precision))
            .AppendValue(place.Country)
            .AppendValue(place.Admin1)
            .AppendValue(place.Admin2)
            .AppendValue(place.Name)
            .AppendValue(place.Latitude)
            .AppendValue(place.Longitude)
            .AppendValue((short?)place.GeoPrecision)
            .AppendValue(EventColumns.Roles(actors.Roles))
            .AppendValue(actors.Actor1)
            .AppendValue(EventColumns.List(actors.Actor1Associates))
            .AppendValue(actors.Actor2)
            .AppendValue(EventColumns.List(actors.Actor2Associates))
            .AppendValue(category.Type)
            .AppendValue(category.Subtype)
            .AppendValue(EventColumns.List(category.AttackTypes))
            .AppendValue(EventColumns.List(category.WeaponTypes))
            .AppendValue(EventColumns.List(category.TargetTypes))
            .AppendValue(EventColumns.List(category.TargetSubtypes))
            .AppendValue(category.Suicide)
            .AppendValue(deaths.Low)
            .AppendValue(deaths.Best)
            .AppendValue(deaths.High)
            .AppendValue(deaths.Actor1)
            .AppendValue(deaths.Actor2)
            .AppendValue(deaths.Civilians)
            .AppendValue(deaths.Unknown)
            .AppendValue(deaths.Wounded)
            .AppendValue(claim.Claimed)
            .AppendValue(claim.Mode)
            .AppendValue(claim.Competing)
            .AppendValue(claim.AttributionUncertain)
            .AppendValue(e.Notes)
            .AppendValue(e.Citations)
            .AppendValue(e.Provenance.Raw)
            .EndRow();
    }
}
