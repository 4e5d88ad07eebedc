using System.Data.Common;
using System.Text;
using Dyad.Events;
using Dyad.Places;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore
{
    private const string EventSelect = EventColumnsBeforeText + ", e.notes, e.citations, " + EventColumnsAfterText;

    /// <summary><see cref="EventSelect"/> without the events' notes and citations (read as null), for queries that show neither.</summary>
    private const string EventSelectWithoutText = EventColumnsBeforeText + ", NULL, NULL, " + EventColumnsAfterText;

    private const string EventColumnsBeforeText =
        """
        SELECT e.id, e.dataset, e.dataset_id, e.source_row, e.date_start, e.date_end, e.date_precision,
               e.country, e.admin1, e.admin2, e.place, e.latitude, e.longitude, e.geo_precision,
               e.actor_roles, e.actor1, e.actor1_associates, e.actor2, e.actor2_associates,
               e.event_type, e.event_subtype, e.attack_types, e.weapon_types, e.target_types, e.target_subtypes, e.suicide,
               e.deaths_low, e.deaths_best, e.deaths_high, e.deaths_actor1, e.deaths_actor2, e.deaths_civilians, e.deaths_unknown, e.wounded,
               e.claimed, e.claim_mode, e.claim_competing, e.attribution_uncertain
        """;

    private const string EventColumnsAfterText =
        """
        i.path, r1.actor_ids, r2.actor_ids, p.admin1_id, p.admin2_id, p.method, p.confidence,
               e.weapon_subtypes, e.target_nationalities, e.part_of_multiple, e.property_damage, e.hostages, e.perpetrators
        """;

    /// <summary>
    /// An event's place (p) and the canonical actors of its two actor names (r1, r2), as resolved for its dataset, its
    /// country (the source's, else the gazetteer's) and its day: joined to <c>events e</c> wherever actors are read.
    /// </summary>
    private const string PlaceAndActorJoins =
        """
        LEFT JOIN event_places p ON p.event_id = e.id
        LEFT JOIN actor_resolutions r1 ON r1.dataset = e.dataset AND r1.country = coalesce(e.country, p.country, '') AND r1.name = e.actor1
                                      AND e.date_start BETWEEN r1.valid_from AND r1.valid_to
        LEFT JOIN actor_resolutions r2 ON r2.dataset = e.dataset AND r2.country = coalesce(e.country, p.country, '') AND r2.name = e.actor2
                                      AND e.date_start BETWEEN r2.valid_from AND r2.valid_to
        """;

    private const string EventFrom =
        $"""
        FROM events e JOIN imports i ON i.id = e.import_id
        {PlaceAndActorJoins}
        """;

    private const string RawSelect = ", e.import_id, b.first_row, b.data";

    /// <summary>Where <see cref="RawSelect"/>'s columns start: after the 53 of <see cref="EventSelect"/>.</summary>
    private const int RawColumn = 53;

    private const string RawFrom = "LEFT JOIN raw_row_blocks b ON b.import_id = e.import_id AND e.source_row BETWEEN b.first_row AND b.last_row";

    public IEnumerable<StoredEvent> Events(EventFilter filter)
    {
        var (where, parameters) = Where(filter);
        MatchActors(filter);
        var select = filter.IncludeText ? EventSelect : EventSelectWithoutText;
        // A page is chosen on the events' own narrow columns first, and only its rows are joined to their places, actors
        // and import: sorting every matching event with all its columns to keep a hundred took a second on 2,000,000.
        var from = filter.Limit is { } limit
            ? EventFrom.Replace("FROM events e", $"FROM (SELECT e.id FROM events e {where} ORDER BY e.date_start, e.id LIMIT {limit}) page JOIN events e ON e.id = page.id",
                StringComparison.Ordinal)
            : EventFrom;
        var sql = AsOf(filter) + (filter.IncludeRaw ? $"{select}{RawSelect} {from} {RawFrom}" : $"{select} {from}");
        sql += $"{(filter.Limit is null ? $" {where}" : "")} ORDER BY e.date_start, e.id";
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        // Events come in date order, so consecutive events often share a block: keep the last one decoded.
        (int Import, long FirstRow, Dictionary<long, string> Rows)? block = null;
        while (reader.Read())
        {
            var stored = ReadEvent(reader);
            if (filter.IncludeRaw && !reader.IsDBNull(RawColumn + 2))
            {
                var key = (reader.GetInt32(RawColumn), reader.GetInt64(RawColumn + 1));
                if (block is not { } current || (current.Import, current.FirstRow) != key)
                {
                    block = (key.Item1, key.Item2, RawRowBlocks.Decode(reader.GetStream(RawColumn + 2)));
                }

                var provenance = stored.Event.Provenance with { Raw = block.Value.Rows.GetValueOrDefault(stored.Event.Provenance.Row) };
                stored = stored with { Event = stored.Event with { Provenance = provenance } };
            }

            yield return stored;
        }
    }

    /// <summary>The id of the latest import (0 for none): what the matches of an actor are kept against.</summary>
    private long LastImportId() => Scalar("SELECT coalesce(max(id), 0) FROM imports");

    public long CountEvents(EventFilter filter)
    {
        var (where, parameters) = Where(filter);
        MatchActors(filter);
        return Scalar($"{AsOf(filter)}SELECT count(*) FROM events e {where}", parameters);
    }

    public IReadOnlyList<EventTally> TallyByPlace(EventFilter filter, int level) =>
        Tally(filter, level == 2 ? "p.admin2_id" : "p.admin1_id", "JOIN event_places p ON p.event_id = e.id");

    // An ISO date's first seven characters are its month in both engines.
    public IReadOnlyList<EventTally> TallyByMonth(EventFilter filter) => Tally(filter, "substr(CAST(e.date_start AS VARCHAR), 1, 7)", "");

    private List<EventTally> Tally(EventFilter filter, string key, string join)
    {
        var (where, parameters) = Where(filter);
        MatchActors(filter);
        using var command = Command(
            $"""
            {AsOf(filter)}SELECT key, count(*), CAST(coalesce(sum(deaths), 0) AS BIGINT) FROM (
                SELECT {key} AS key, e.deaths_best AS deaths FROM events e {join} {where}) t
            WHERE key IS NOT NULL GROUP BY key ORDER BY key
            """, parameters);
        using var reader = command.ExecuteReader();
        var tallies = new List<EventTally>();
        while (reader.Read())
        {
            tallies.Add(new EventTally(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return tallies;
    }

    public IReadOnlyList<StoredReject> Rejects(int? limit = null)
    {
        using var command = Command(
            $"""
            SELECT i.path, r.source_row, r.column_name, r.value, r.reason, r.raw
            FROM rejects r JOIN imports i ON i.id = r.import_id
            ORDER BY r.import_id, r.source_row{(limit is { } n ? $" LIMIT {n}" : "")}
            """);
        using var reader = command.ExecuteReader();
        var rejects = new List<StoredReject>();
        while (reader.Read())
        {
            rejects.Add(new StoredReject(reader.GetString(0), reader.GetInt64(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4), reader.GetString(5)));
        }

        return rejects;
    }

    public IReadOnlyList<ImportReport> Imports()
    {
        using var command = Command(
            """
            SELECT id, path, format, dataset, rows_read, rows_imported, rows_duplicate, rows_rejected, warnings, finished_at,
                   coalesce(rows_revised, 0), coalesce(rows_withdrawn, 0), release
            FROM imports ORDER BY id
            """);
        using var reader = command.ExecuteReader();
        var imports = new List<ImportReport>();
        while (reader.Read())
        {
            imports.Add(new ImportReport(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7),
                Strings(reader, 8), new DateTimeOffset(reader.GetDateTime(9), TimeSpan.Zero))
            {
                Revised = reader.GetInt64(10),
                Withdrawn = reader.GetInt64(11),
                Release = NullableString(reader, 12),
            });
        }

        return imports;
    }

    public IReadOnlyList<FileCoverage> Coverage()
    {
        using var command = Command(
            """
            SELECT i.dataset, i.file_name, c.first_day, c.last_day, x.filter, c.countries
            FROM imports i
            JOIN import_coverage c ON c.import_id = i.id
            LEFT JOIN import_extracts x ON x.import_id = i.id
            ORDER BY i.id
            """);
        using var reader = command.ExecuteReader();
        var coverage = new List<FileCoverage>();
        while (reader.Read())
        {
            coverage.Add(new FileCoverage(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3),
                NullableString(reader, 4), Strings(reader, 5)));
        }

        return coverage;
    }

    public void DescribeExtract(int importId, string filter)
    {
        using var command = Command("INSERT INTO import_extracts VALUES ($id, $filter)", ("id", importId), ("filter", filter));
        command.ExecuteNonQuery();
    }

    public StoreStatistics Statistics(int top = 15)
    {
        return new StoreStatistics(
            Scalar("SELECT count(*) FROM events"),
            Scalar("SELECT (SELECT count(*) FROM events) - (SELECT count(*) FROM event_incidents) + (SELECT count(DISTINCT incident_id) FROM event_incidents)"),
            Scalar(MultiDatasetIncidentsSql),
            Scalar("SELECT count(*) FROM rejects"),
            Scalar("SELECT count(*) FROM imports"),
            CountsBy("dataset", "events DESC, key", null),
            CountsBy("coalesce(country, '(none)')", "events DESC, key", top),
            CountsBy("CAST(CAST(extract(year FROM date_start) AS INTEGER) AS VARCHAR)", "key", null),
            CountsBy("coalesce(actor1, '(none)')", "events DESC, key", top));
    }

    private List<CountBy> CountsBy(string key, string order, int? top)
    {
        using var command = Command(
            $"SELECT {key} AS key, count(*) AS events, CAST(sum(deaths_best) AS BIGINT) AS deaths FROM events GROUP BY 1 ORDER BY {order}{(top is { } n ? $" LIMIT {n}" : "")}");
        using var reader = command.ExecuteReader();
        var counts = new List<CountBy>();
        while (reader.Read())
        {
            counts.Add(new CountBy(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }

        return counts;
    }

    private static (string Where, (string, object?)[] Parameters) Where(EventFilter filter)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.Country is { } country)
        {
            clauses.Add("(lower(e.country) = lower($country) OR (e.country IS NULL AND e.id IN (SELECT event_id FROM event_places WHERE lower(country) = lower($country))))");
            parameters.Add(("country", country));
        }

        if (filter.Actor is { } actor)
        {
            clauses.Add(
                """
                (e.actor1 ILIKE $actor ESCAPE '\' OR e.actor2 ILIKE $actor ESCAPE '\'
                 OR EXISTS (SELECT 1 FROM unnest(e.actor1_associates) AS a(name) WHERE a.name ILIKE $actor ESCAPE '\')
                 OR EXISTS (SELECT 1 FROM unnest(e.actor2_associates) AS a(name) WHERE a.name ILIKE $actor ESCAPE '\'))
                """);
            parameters.Add(("actor", $"%{EscapeLike(actor)}%"));
        }

        if (filter.ActorIds is not null)
        {
            clauses.Add(filter.AgainstActorIds is null
                ? "e.id IN (SELECT id FROM actor_matches)"
                : "e.id IN (SELECT a.id FROM actor_matches a JOIN against_matches b ON b.id = a.id AND b.side <> a.side)");
        }

        if (filter.EventIds is { } eventIds)
        {
            clauses.Add("e.id IN (SELECT unnest($event_ids))");
            parameters.Add(("event_ids", eventIds.ToList()));
        }

        if (filter.Admin1Ids is { } provinces)
        {
            clauses.Add("e.id IN (SELECT event_id FROM event_places WHERE admin1_id IN (SELECT unnest($admin1_ids)))");
            parameters.Add(("admin1_ids", provinces.ToList()));
        }

        if (filter.Admin2Ids is { } districts)
        {
            clauses.Add("e.id IN (SELECT event_id FROM event_places WHERE admin2_id IN (SELECT unnest($admin2_ids)))");
            parameters.Add(("admin2_ids", districts.ToList()));
        }

        if (filter.From is { } from)
        {
            clauses.Add("e.date_end >= $from");
            parameters.Add(("from", from));
        }

        if (filter.To is { } to)
        {
            clauses.Add("e.date_start <= $to");
            parameters.Add(("to", to));
        }

        if (filter.Dataset is { } dataset)
        {
            clauses.Add("lower(e.dataset) = lower($dataset)");
            parameters.Add(("dataset", dataset));
        }

        if (filter.Type is { } type)
        {
            clauses.Add("(e.event_type ILIKE $type ESCAPE '\\' OR e.event_subtype ILIKE $type ESCAPE '\\' OR EXISTS (SELECT 1 FROM unnest(e.attack_types) AS t(name) WHERE t.name ILIKE $type ESCAPE '\\'))");
            parameters.Add(("type", $"%{EscapeLike(type)}%"));
        }

        if (filter.After is { } after)
        {
            clauses.Add("(e.date_start > $after_date OR (e.date_start = $after_date AND e.id > $after_id))");
            parameters.Add(("after_date", after.Date));
            parameters.Add(("after_id", after.Id));
        }

        if (filter.AsOfImport is { } asOf)
        {
            parameters.Add(("as_of", asOf));
        }

        return (clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses), [.. parameters]);
    }

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static StoredEvent ReadEvent(DbDataReader r)
    {
        var e = new DyadEvent
        {
            Dataset = r.GetString(1),
            DatasetId = r.GetString(2),
            Date = new EventDate(r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5), EventColumns.Precision(r.GetString(6))),
            Place = new EventPlace
            {
                Country = NullableString(r, 7),
                Admin1 = NullableString(r, 8),
                Admin2 = NullableString(r, 9),
                Name = NullableString(r, 10),
                Latitude = Nullable<double>(r, 11),
                Longitude = Nullable<double>(r, 12),
                GeoPrecision = Nullable<short>(r, 13),
            },
            Actors = new EventActors
            {
                Roles = EventColumns.Roles(r.GetString(14)),
                Actor1 = NullableString(r, 15),
                Actor1Associates = List(r, 16),
                Actor2 = NullableString(r, 17),
                Actor2Associates = List(r, 18),
            },
            Category = new EventCategory
            {
                Type = NullableString(r, 19),
                Subtype = NullableString(r, 20),
                AttackTypes = List(r, 21),
                WeaponTypes = List(r, 22),
                TargetTypes = List(r, 23),
                TargetSubtypes = List(r, 24),
                Suicide = Nullable<bool>(r, 25),
                WeaponSubtypes = List(r, 47),
                TargetNationalities = List(r, 48),
                PartOfMultiple = Nullable<bool>(r, 49),
                PropertyDamage = Nullable<bool>(r, 50),
                Hostages = Nullable<bool>(r, 51),
                Perpetrators = Nullable<int>(r, 52),
            },
            Deaths = new DeathToll
            {
                Low = Nullable<int>(r, 26),
                Best = Nullable<int>(r, 27),
                High = Nullable<int>(r, 28),
                Actor1 = Nullable<int>(r, 29),
                Actor2 = Nullable<int>(r, 30),
                Civilians = Nullable<int>(r, 31),
                Unknown = Nullable<int>(r, 32),
                Wounded = Nullable<int>(r, 33),
            },
            Claim = new ClaimInfo
            {
                Claimed = Nullable<bool>(r, 34),
                Mode = NullableString(r, 35),
                Competing = Nullable<bool>(r, 36),
                AttributionUncertain = Nullable<bool>(r, 37),
            },
            Notes = NullableString(r, 38),
            Citations = NullableString(r, 39),
            Provenance = new RowProvenance(r.GetInt64(3), null),
        };
        var units = r.IsDBNull(45) ? null : new PlaceAssignment(NullableString(r, 43), NullableString(r, 44), r.GetString(45), r.GetDouble(46));
        return new StoredEvent(r.GetInt64(0), e, r.GetString(40), Strings(r, 41), Strings(r, 42), units);
    }

    private protected static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static T? Nullable<T>(DbDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);

    private static IReadOnlyList<string> List(DbDataReader r, int i) => Strings(r, i);

    /// <summary>A list column (DuckDB gives a List, PostgreSQL an array); NULL is the empty list.</summary>
    private static List<string> Strings(DbDataReader r, int i) => r.IsDBNull(i) ? [] : r.GetValue(i) switch
    {
        List<string> list => list,
        string[] array => [.. array],
        var other => throw new InvalidOperationException($"Column {r.GetName(i)} holds {other.GetType().Name}, not a list of text."),
    };
}
