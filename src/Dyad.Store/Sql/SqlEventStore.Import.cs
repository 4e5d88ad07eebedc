using Dyad.Events;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>Rows per commit while importing: one DuckDB row group, so that each chunk is written straight to the file.</summary>
    private const int RowsPerCommit = 122_880;

    /// <summary>The tables that hold an import's rows and what is recorded of it, by import_id.</summary>
    private static readonly string[] ImportTables = ["events", "rejects", "raw_row_blocks", "duplicate_rows", "import_extracts", "import_coverage"];

    /// <summary>
    /// Called as an import starts: where several processes share the store, the engine makes sure one import runs at a
    /// time (ids are taken from the largest so far, and derivation reads every pending import as this process's own).
    /// </summary>
    private protected virtual void BeginImporting()
    {
    }

    /// <summary>Called when this process has no pending import left: published, or discarded.</summary>
    private protected virtual void EndImporting()
    {
    }

    /// <summary>The engine's settings for the length of an import's writing, undone when disposed; null for none.</summary>
    private protected virtual IDisposable? ImportSettings() => null;

    public ImportReport Import(ImportSource source, IEnumerable<RowOutcome> rows, Func<IReadOnlyList<string>> warnings,
        Action<long>? onProgress = null, CancellationToken cancellationToken = default)
    {
        if (_unit is not null)
        {
            throw new InvalidOperationException("An import commits as it goes and cannot run inside Atomically; derive and publish in it afterwards.");
        }

        BeginImporting();
        var started = _clock.GetUtcNow();
        var importId = (int)Scalar("SELECT greatest((SELECT coalesce(max(id), 0) FROM imports), (SELECT coalesce(max(id), 0) FROM pending_imports)) + 1");
        using (var pending = Command("INSERT INTO pending_imports VALUES ($id, $started)", ("id", importId), ("started", started.UtcDateTime)))
        {
            pending.ExecuteNonQuery();
        }

        try
        {
            var (read, appended, rejected) = WriteRows(importId, rows, onProgress, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return Record(importId, source, started, read, appended, rejected, warnings());
        }
        catch
        {
            RemoveImports("SELECT $id", ("id", importId));
            EndImporting();
            throw;
        }
    }

    /// <summary>Appends the rows, committing every <see cref="RowsPerCommit"/>; the import stays pending meanwhile.</summary>
    private (long Read, long Appended, long Rejected) WriteRows(int importId, IEnumerable<RowOutcome> rows, Action<long>? onProgress, CancellationToken cancellationToken)
    {
        var nextEventId = Scalar("SELECT coalesce(max(id), 0) + 1 FROM events");
        long read = 0, appended = 0, rejected = 0, sinceCommit = 0;
        using var pipeline = new ImportPipeline(rows, cancellationToken);
        ChunkWriter? chunk = null;
        using var settings = ImportSettings();
        try
        {
            foreach (var batch in pipeline.Batches())
            {
                chunk ??= new ChunkWriter(this);
                foreach (var outcome in batch.Outcomes)
                {
                    switch (outcome)
                    {
                        case MappedRow mapped:
                            AppendEvent(chunk.Events, nextEventId + appended, importId, mapped.Event);
                            appended++;
                            break;
                        case RejectedRow reject:
                            chunk.Rejects.Row()
                                .Int(importId).Long(reject.Row).Text(reject.Column).Text(reject.Value).Text(reject.Reason).Text(reject.Raw)
                                .EndRow();
                            rejected++;
                            break;
                    }
                }

                foreach (var block in batch.RawRows)
                {
                    chunk.RawRows.Row()
                        .Int(importId).Long(block.FirstRow).Long(block.LastRow).Int(block.RowCount).Bytes(block.Data)
                        .EndRow();
                }

                read += batch.Outcomes.Count;
                sinceCommit += batch.Outcomes.Count;
                onProgress?.Invoke(read);
                if (sinceCommit >= RowsPerCommit)
                {
                    chunk.Commit();
                    chunk = null;
                    sinceCommit = 0;
                }
            }

            chunk?.Commit();
        }
        finally
        {
            chunk?.Dispose();
        }

        Analyze("events", "raw_row_blocks", "rejects");
        return (read, appended, rejected);
    }

    /// <summary>
    /// In one transaction: sets repeated rows aside, revises the stored events the file gives other values, withdraws
    /// what a whole release no longer has, and records the import, which stays pending until published.
    /// </summary>
    private ImportReport Record(int importId, ImportSource source, DateTimeOffset started, long read, long appended, long rejected, IReadOnlyList<string> fileWarnings)
    {
        using var transaction = BeginTransaction();
        var newer = NewerReleases(source);
        var (duplicates, revised, older) = Reconcile(importId, source.Dataset, [.. newer.Select(n => n.ImportId)]);
        if (older > 0)
        {
            fileWarnings = [.. fileWarnings, $"{older:N0} row(s) of release {source.Release} give other values for events the store has from the newer release " +
                $"{string.Join(", ", newer.Select(n => n.Release).Distinct())}: the newer values were kept, and these rows set aside with the duplicates."];
        }

        // An older release does not withdraw what a newer one has and it lacks.
        var withdrawn = (source.Release is null || newer.Count > 0 ? 0 : WithdrawMissing(importId, source.Dataset)) + WithdrawDeleted(importId, source.Dataset, source.Deleted);
        var imported = appended - duplicates - revised;
        var finished = _clock.GetUtcNow();
        using (var record = Command(
            """
            INSERT INTO imports (id, path, file_name, sha256, size_bytes, format, dataset, columns, started_at, finished_at,
                                 rows_read, rows_imported, rows_duplicate, rows_rejected, warnings, dyad_version, release, rows_revised, rows_withdrawn)
            VALUES ($id, $path, $file_name, $sha256, $size, $format, $dataset, $columns, $started, $finished,
                    $read, $imported, $duplicates, $rejected, $warnings, $version, $release, $revised, $withdrawn)
            """,
            ("id", importId), ("path", System.IO.Path.GetFullPath(source.Path)), ("file_name", System.IO.Path.GetFileName(source.Path)),
            ("sha256", source.Sha256()), ("size", source.SizeBytes), ("format", source.Format), ("dataset", source.Dataset),
            ("columns", source.Columns.ToList()), ("started", started.UtcDateTime), ("finished", finished.UtcDateTime),
            ("read", read), ("imported", imported), ("duplicates", duplicates), ("rejected", rejected),
            ("warnings", fileWarnings.ToList()), ("version", DyadVersion.Full), ("release", source.Release), ("revised", revised), ("withdrawn", withdrawn)))
        {
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return new ImportReport(importId, source.Path, source.Format, source.Dataset, read, imported, duplicates, rejected, fileWarnings, finished)
        {
            Revised = revised,
            Withdrawn = withdrawn,
            Release = source.Release,
        };
    }

    /// <summary>
    /// Removes every row of the imports that were never published: this process's failed ones, or a killed process's.
    /// </summary>
    private protected void RemoveUnfinishedImports()
    {
        if (Scalar("SELECT count(*) FROM pending_imports") > 0)
        {
            RemoveImports("SELECT id FROM pending_imports");
        }
    }

    /// <summary>
    /// Removes, in one transaction, the imports whose ids <paramref name="ids"/> selects: their rows, their record, and
    /// anything derived from their events (there is none when derivation and publication share a transaction, as they do);
    /// the events they revised or withdrew get their rows back.
    /// </summary>
    private void RemoveImports(string ids, params (string Name, object? Value)[] parameters)
    {
        using var transaction = BeginTransaction();
        var events = $"SELECT id FROM events WHERE import_id IN ({ids})";
        string[] statements =
        [
            .. UndoSupersededSql(ids),
            $"DELETE FROM event_places WHERE event_id IN ({events})",
            $"DELETE FROM event_incidents WHERE event_id IN ({events})",
            $"DELETE FROM incident_links WHERE event_a IN ({events}) OR event_b IN ({events})",
            .. ImportTables.Select(table => $"DELETE FROM {table} WHERE import_id IN ({ids})"),
            $"DELETE FROM imports WHERE id IN ({ids})",
            $"DELETE FROM pending_imports WHERE id IN ({ids})",
        ];
        foreach (var sql in statements)
        {
            using var command = Command(sql, parameters);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>One chunk's transaction and the bulk writers that write in it; they are completed before the commit.</summary>
    private sealed class ChunkWriter : IDisposable
    {
        private readonly System.Data.Common.DbTransaction _transaction;

        public ChunkWriter(SqlEventStore store)
        {
            _transaction = store.BeginTransaction();
            Events = store.Bulk("events");
            Rejects = store.Bulk("rejects");
            RawRows = store.Bulk("raw_row_blocks");
        }

        public BulkWriter Events { get; }
        public BulkWriter Rejects { get; }
        public BulkWriter RawRows { get; }

        public void Commit()
        {
            Events.Complete();
            Rejects.Complete();
            RawRows.Complete();
            _transaction.Commit();
            Dispose();
        }

        public void Dispose()
        {
            Events.Dispose();
            Rejects.Dispose();
            RawRows.Dispose();
            _transaction.Dispose();
        }
    }

    private static void AppendEvent(BulkWriter row, long id, int importId, DyadEvent e)
    {
        var place = e.Place;
        var actors = e.Actors;
        var category = e.Category;
        var deaths = e.Deaths;
        var claim = e.Claim;
        row.Row()
            .Long(id)
            .Text(e.Dataset)
            .Text(e.DatasetId)
            .Int(importId)
            .Long(e.Provenance.Row)
            .Date(e.Date.Start)
            .Date(e.Date.End)
            .Text(EventColumns.Precision(e.Date.Precision))
            .Text(place.Country)
            .Text(place.Admin1)
            .Text(place.Admin2)
            .Text(place.Name)
            .Double(place.Latitude)
            .Double(place.Longitude)
            .Short((short?)place.GeoPrecision)
            .Text(EventColumns.Roles(actors.Roles))
            .Text(actors.Actor1)
            .OptionalTexts(actors.Actor1Associates)
            .Text(actors.Actor2)
            .OptionalTexts(actors.Actor2Associates)
            .Text(category.Type)
            .Text(category.Subtype)
            .OptionalTexts(category.AttackTypes)
            .OptionalTexts(category.WeaponTypes)
            .OptionalTexts(category.TargetTypes)
            .OptionalTexts(category.TargetSubtypes)
            .Bool(category.Suicide)
            .Int(deaths.Low)
            .Int(deaths.Best)
            .Int(deaths.High)
            .Int(deaths.Actor1)
            .Int(deaths.Actor2)
            .Int(deaths.Civilians)
            .Int(deaths.Unknown)
            .Int(deaths.Wounded)
            .Bool(claim.Claimed)
            .Text(claim.Mode)
            .Bool(claim.Competing)
            .Bool(claim.AttributionUncertain)
            .Text(e.Notes)
            .Text(e.Citations)
            .OptionalTexts(category.WeaponSubtypes)
            .OptionalTexts(category.TargetNationalities)
            .Bool(category.PartOfMultiple)
            .Bool(category.PropertyDamage)
            .Bool(category.Hostages)
            .Int(category.Perpetrators)
            .EndRow();
    }
}
