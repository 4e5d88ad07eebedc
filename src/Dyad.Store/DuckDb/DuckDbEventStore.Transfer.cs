using System.Text.Json;
using Dyad.Claims;
using Dyad.Sources;

namespace Dyad.Store.DuckDb;

/// <summary>
/// A whole store as a folder an analyst can move: the sources' events and files as Parquet (events, imports, the
/// verbatim rows, rejects, duplicates, the events' earlier versions), the analyst's records as JSON (sources, claims, link decisions, the record of
/// changes), and a manifest. Derived data (places, actors, incidents) is not written: the receiving store derives it
/// again from its own registries.
/// </summary>
public sealed partial class DuckDbEventStore
{
    /// <summary>What an export folder holds, to recognise one.</summary>
    public const string ExportManifest = "dyad-export.json";

    private static readonly string[] ExportedTables = ["imports", "events", "raw_row_blocks", "rejects", "duplicate_rows", "event_history"];

    /// <summary>Writes the store into <paramref name="folder"/> (which must be empty or new).</summary>
    /// <param name="includeProtected">Write protected and restricted sources whole; otherwise only their code, kind and grade.</param>
    /// <exception cref="DyadException">BadUsage: the folder holds files already.</exception>
    public StoreTransferReport ExportTo(string folder, bool includeProtected)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw DyadException.BadUsage($"{folder} is not empty: export into a new folder, so that nothing there is overwritten.");
        }

        Directory.CreateDirectory(folder);
        foreach (var table in ExportedTables)
        {
            Execute(_connection, $"COPY (SELECT * FROM {table}) TO '{Sql(InFolder(folder, table + ".parquet"))}' (FORMAT parquet)");
        }

        var sources = Sources();
        var withheld = includeProtected ? 0 : sources.Count(s => !s.IsOpen);
        var exported = sources.Select(s => includeProtected || s.IsOpen ? s : new Source { Id = s.Id, Code = s.Code, Type = s.Type, Protection = s.Protection, Reliability = s.Reliability, Credibility = s.Credibility }).ToList();
        var claims = Claims();
        var decisions = DecisionRecords();
        WriteJson(folder, "sources.json", exported);
        WriteJson(folder, "claims.json", claims);
        WriteJson(folder, "link-decisions.json", decisions);
        WriteJson(folder, "record-changes.json", Changes().Where(c => includeProtected || c.RecordType != "source" || sources.First(s => s.Code == c.RecordId).IsOpen).ToList());
        var events = Scalar("SELECT count(*) FROM events");
        var imports = Scalar("SELECT count(*) FROM imports");
        var rejects = Scalar("SELECT count(*) FROM rejects");
        WriteJson(folder, ExportManifest, new
        {
            Format = "dyad-export",
            Version = 1,
            Schema = Migrations.SchemaMigrator.LatestVersion,
            Events = events,
            Imports = imports,
            Rejects = rejects,
            Sources = sources.Count,
            Claims = claims.Count,
            ProtectedWithheld = withheld,
            ExportedAt = Clock.GetUtcNow()
        });
        return new StoreTransferReport(folder, events, 0, imports, rejects, sources.Count, 0, claims.Count, 0, decisions.Count, withheld);
    }

    /// <summary>
    /// Reads an export folder into this store, in one transaction: its files, events and rejects under new ids (an event
    /// this store has already — the same dataset and id — is skipped), its sources and claims (a record this store has
    /// already is kept as it is, never overwritten), its link decisions and its record of changes. Its files stay
    /// pending, like a file's import, until they are derived and published.
    /// </summary>
    /// <exception cref="DyadException">BadInput: not an export folder, or one from a newer Dyad.</exception>
    public StoreTransferReport ImportFrom(string folder, string by)
    {
        var manifestPath = InFolder(folder, ExportManifest);
        if (!File.Exists(manifestPath))
        {
            throw DyadException.BadInput($"{folder}: no {ExportManifest} there; 'dyad export --out FOLDER' makes such a folder.", folder);
        }

        using (var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath)))
        {
            if (manifest.RootElement.GetProperty("schema").GetInt32() > Migrations.SchemaMigrator.LatestVersion)
            {
                throw DyadException.BadInput($"{folder}: exported by a newer Dyad (schema {manifest.RootElement.GetProperty("schema").GetInt32()}); update Dyad to read it.", folder);
            }
        }

        var sources = ReadJson<List<Source>>(folder, "sources.json");
        var claims = ReadJson<List<Claim>>(folder, "claims.json");
        var decisions = ReadJson<List<DecisionRecord>>(folder, "link-decisions.json");
        var changes = ReadJson<List<RecordChange>>(folder, "record-changes.json");

        using var transaction = Write();
        var importOffset = Scalar("SELECT greatest((SELECT coalesce(max(id), 0) FROM imports), (SELECT coalesce(max(id), 0) FROM pending_imports))");
        var eventOffset = Scalar("SELECT coalesce(max(id), 0) FROM events");
        var file = (string table) => Sql(InFolder(folder, table + ".parquet"));
        // A file this store has imported already (the same SHA-256) is skipped whole: its rows are here.
        Execute(_connection,
            $"""
            CREATE OR REPLACE TEMP TABLE incoming_imports AS
                SELECT * FROM read_parquet('{file("imports")}') WHERE sha256 NOT IN (SELECT sha256 FROM imports);
            CREATE OR REPLACE TEMP TABLE incoming AS
                SELECT * FROM read_parquet('{file("events")}') WHERE import_id IN (SELECT id FROM incoming_imports);
            """);
        var skipped = Scalar($"SELECT count(*) FROM read_parquet('{file("events")}')") - Scalar("SELECT count(*) FROM incoming")
            + Scalar("SELECT count(*) FROM incoming i SEMI JOIN events e ON e.dataset = i.dataset AND e.dataset_id = i.dataset_id");
        Execute(_connection,
            $"""
            INSERT INTO imports BY NAME SELECT * REPLACE (id + {importOffset} AS id) FROM incoming_imports;
            INSERT INTO pending_imports SELECT id + {importOffset}, now() FROM incoming_imports;
            INSERT INTO events SELECT * REPLACE (id + {eventOffset} AS id, import_id + {importOffset} AS import_id)
                FROM incoming i ANTI JOIN events e ON e.dataset = i.dataset AND e.dataset_id = i.dataset_id;
            INSERT INTO raw_row_blocks SELECT * REPLACE (import_id + {importOffset} AS import_id) FROM read_parquet('{file("raw_row_blocks")}')
                WHERE import_id IN (SELECT id FROM incoming_imports);
            INSERT INTO rejects SELECT * REPLACE (import_id + {importOffset} AS import_id) FROM read_parquet('{file("rejects")}')
                WHERE import_id IN (SELECT id FROM incoming_imports);
            INSERT INTO duplicate_rows SELECT * REPLACE (import_id + {importOffset} AS import_id, existing_event_id + {eventOffset} AS existing_event_id)
                FROM read_parquet('{file("duplicate_rows")}') WHERE import_id IN (SELECT id FROM incoming_imports);
            """);
        // The events' earlier versions come with them when both the version's file and the one that superseded it come
        // in, and the event is the one this export brought (an export made before versions existed has none).
        if (File.Exists(InFolder(folder, "event_history.parquet")))
        {
            Execute(_connection,
                $"""
                INSERT INTO event_history BY NAME
                SELECT * REPLACE (id + {eventOffset} AS id, import_id + {importOffset} AS import_id, superseded_by + {importOffset} AS superseded_by)
                FROM read_parquet('{file("event_history")}') h
                WHERE h.import_id IN (SELECT id FROM incoming_imports) AND h.superseded_by IN (SELECT id FROM incoming_imports)
                  AND (h.id + {eventOffset} IN (SELECT id FROM events)
                       OR (h.change = 'withdrawn' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.dataset = h.dataset AND e.dataset_id = h.dataset_id)));
                """);
        }

        Execute(_connection, "DROP TABLE incoming; DROP TABLE incoming_imports;");
        var events = Scalar("SELECT count(*) FROM events WHERE id > $offset", ("offset", eventOffset));
        var imports = Scalar("SELECT count(*) FROM imports WHERE id > $offset", ("offset", importOffset));
        var rejects = Scalar("SELECT count(*) FROM rejects WHERE import_id > $offset", ("offset", importOffset));
        transaction.Commit();

        // The records go through the same doors as an analyst's own, each in its transaction with its change recorded.
        int sourcesKept = 0, claimsKept = 0;
        var sourceIds = new Dictionary<int, int>();
        foreach (var source in sources)
        {
            if (FindSource(source.Code) is { } existing)
            {
                sourcesKept++;
                sourceIds[source.Id] = existing.Id;
                continue;
            }

            sourceIds[source.Id] = AddSource(source, by).Id;
        }

        var known = Claims();
        foreach (var claim in claims)
        {
            var sourceId = sourceIds.GetValueOrDefault(claim.SourceId, claim.SourceId);
            if (known.Any(c => c.SourceId == sourceId && c.Text == claim.Text))
            {
                claimsKept++;
                continue;
            }

            AddClaim(claim with { SourceId = sourceId }, by);
        }

        foreach (var d in decisions)
        {
            using var insert = Command(
                """
                INSERT INTO link_decisions (dataset_a, dataset_id_a, dataset_b, dataset_id_b, same, note, decided_by, decided_at)
                SELECT $da, $ia, $db, $ib, $same, $note, $by, $at
                WHERE NOT EXISTS (SELECT 1 FROM link_decisions WHERE dataset_a = $da AND dataset_id_a = $ia AND dataset_b = $db AND dataset_id_b = $ib
                                  AND same = $same AND decided_at = $at)
                """, ("da", d.DatasetA), ("ia", d.DatasetIdA), ("db", d.DatasetB), ("ib", d.DatasetIdB), ("same", d.Same), ("note", d.Note), ("by", d.DecidedBy),
                ("at", d.DecidedAt));
            insert.ExecuteNonQuery();
        }

        // The exported history of the records, once: a change already here (the same time and record) is not added again.
        var history = Changes().Select(c => (c.At, c.RecordType, c.RecordId)).ToHashSet();
        foreach (var change in changes.Where(c => !history.Contains((c.At, c.RecordType, c.RecordId))))
        {
            RecordChange(change.At, change.By, change.RecordType, change.RecordId, change.Action, change.Before, change.After);
        }

        return new StoreTransferReport(folder, events, skipped, imports, rejects, sources.Count - sourcesKept, sourcesKept, claims.Count - claimsKept, claimsKept,
            decisions.Count, 0);
    }

    /// <summary>A link decision as exported: by the datasets' own ids, as it is kept.</summary>
    private sealed record DecisionRecord(string DatasetA, string DatasetIdA, string DatasetB, string DatasetIdB, bool Same, string? Note, string DecidedBy, DateTimeOffset DecidedAt);

    private List<DecisionRecord> DecisionRecords()
    {
        using var command = Command("SELECT dataset_a, dataset_id_a, dataset_b, dataset_id_b, same, note, decided_by, decided_at FROM link_decisions ORDER BY id");
        using var reader = command.ExecuteReader();
        var decisions = new List<DecisionRecord>();
        while (reader.Read())
        {
            decisions.Add(new DecisionRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
                NullableString(reader, 5), reader.GetString(6), new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero)));
        }

        return decisions;
    }

    private static string InFolder(string folder, string file) => System.IO.Path.Combine(System.IO.Path.GetFullPath(folder), file);

    /// <summary>A path inside a SQL string literal.</summary>
    private static string Sql(string path) => path.Replace("'", "''", StringComparison.Ordinal);

    private static void WriteJson<T>(string folder, string file, T value) =>
        File.WriteAllText(InFolder(folder, file), JsonSerializer.Serialize(value, new JsonSerializerOptions(RecordJson) { WriteIndented = true }));

    private static T ReadJson<T>(string folder, string file) where T : new()
    {
        var path = InFolder(folder, file);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), RecordJson) ?? new T() : new T();
        }
        catch (JsonException e)
        {
            throw DyadException.BadInput($"{path}: not valid: {e.Message}", path, inner: e);
        }
    }
}
