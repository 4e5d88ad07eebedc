using System.Data.Common;
using System.Text.Json;
using Dyad.Incidents;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>
    /// What the linker reads of every event that can be linked: events with a day or month date (not UCDP's yearly
    /// tables) and a point or a district.
    /// </summary>
    private const string LinkEventsSql =
        $"""
        DROP TABLE IF EXISTS link_events;
        CREATE TEMP TABLE link_events AS {LinkableEventsSql}
        """;

    /// <summary>The linker's columns of every linkable event (see <see cref="LinkEventsSql"/>).</summary>
    private const string LinkableEventsSql =
        $"""
        SELECT e.id, e.dataset, e.dataset_id, e.date_start, e.date_end, e.date_precision, e.latitude, e.longitude,
               p.admin1_id, p.admin2_id, e.actor_roles, e.actor1, e.actor2,
               r1.actor_ids AS actor1_ids, r2.actor_ids AS actor2_ids,
               e.event_type, e.event_subtype, e.attack_types[1] AS attack_type, e.weapon_types[1] AS weapon_type,
               {BestDeathsSql} AS deaths,
               e.part_of_multiple, md5(e.notes) AS notes_hash,
               ((floor(e.latitude) + 90) * 400 + floor(e.longitude) + 180)::INTEGER AS cell
        FROM events e
        {PlaceAndActorJoins}
        WHERE e.date_precision <> 'year' AND e.date_end - e.date_start <= 31
          AND ((e.latitude IS NOT NULL AND e.longitude IS NOT NULL) OR p.admin2_id IS NOT NULL)
        """;

    /// <summary>
    /// What the linker reads of two events, to score them as it would (<c>dyad incidents compare</c>); null where an
    /// event cannot be linked at all: dated only to the year or over more than a month, or with neither a point nor a district.
    /// </summary>
    public LinkCandidate? LinkPair(long eventA, long eventB)
    {
        using var command = Command($"SELECT {LinkSideColumns("x")} FROM ({LinkableEventsSql}) x WHERE x.id IN ($a, $b)", ("a", eventA), ("b", eventB));
        using var reader = command.ExecuteReader();
        var sides = new List<LinkSide>();
        while (reader.Read())
        {
            sides.Add(ReadLinkSide(reader, 0));
        }

        return sides.Find(x => x.EventId == eventA) is { } a && sides.Find(x => x.EventId == eventB) is { } b ? new LinkCandidate(a, b) : null;
    }

    /// <summary>
    /// Pairs of events of two datasets ($first, $second) within a day of each other and in the same or a neighbouring
    /// 1° cell (cells numbered row by row, 400 to a row of latitude) or the same district: every pair the scorer could link, found with equality joins. One side of each
    /// pair is spread over the days around it and the nine cells around it, so that no pair within 50 km and a day is
    /// missed. One dataset pair at a time, so that a dataset's own rows are never paired with each other here (a
    /// file that repeats rows would make that quadratic); its own duplicates are found by <see cref="OwnDuplicatesSql"/>.
    /// </summary>
    private static readonly string CandidatePairsSql =
        $"""
        WITH a_keys AS (
            SELECT id, CAST(g.day AS DATE) AS day, cell, admin2_id
            FROM link_events, generate_series(CAST(date_start AS TIMESTAMP), CAST(date_end AS TIMESTAMP), INTERVAL '1 day') AS g(day)
            WHERE dataset = $first
        ), b_days AS (
            SELECT id, CAST(g.day AS DATE) AS day, cell, admin2_id
            FROM link_events, generate_series(CAST(date_start - 1 AS TIMESTAMP), CAST(date_end + 1 AS TIMESTAMP), INTERVAL '1 day') AS g(day)
            WHERE dataset = $second
        ), b_keys AS (
            SELECT id, day, cell + dy * 400 + dx AS cell
            FROM b_days, (VALUES (-1), (0), (1)) AS dys(dy), (VALUES (-1), (0), (1)) AS dxs(dx)
            WHERE cell IS NOT NULL
        ), pairs AS (
            SELECT DISTINCT a, b FROM (
                SELECT a.id AS a, b.id AS b FROM a_keys a JOIN b_keys b ON a.day = b.day AND a.cell = b.cell
                UNION ALL
                SELECT a.id, b.id FROM a_keys a JOIN b_days b ON a.day = b.day AND a.admin2_id = b.admin2_id) AS joined
        )
        SELECT {LinkSideColumns("x")}, {LinkSideColumns("y")} FROM pairs
        JOIN link_events x ON x.id = pairs.a JOIN link_events y ON y.id = pairs.b
        """;

    /// <summary>
    /// A dataset's rows that agree on everything the scorer compares — the day, the point (to about a kilometre), the
    /// actors by name, the manner and the deaths — each paired with the first of its group: the only rows of one
    /// dataset the scorer can join, found by grouping instead of pairing. Rows without deaths agree on too little to
    /// be one report (two protests in a city on a day), unless their report's words are the same too: a row repeated
    /// in a file. GTD's rows are never joined (see LinkScorer).
    /// </summary>
    private static readonly string OwnDuplicatesSql =
        $"""
        WITH keyed AS (
            SELECT id, min(id) OVER (PARTITION BY dataset, date_start, date_end, round(latitude * 100), round(longitude * 100),
                                                  admin2_id, actor1, actor2, event_type, event_subtype, attack_type, deaths,
                                                  CASE WHEN deaths > 0 THEN NULL ELSE notes_hash END) AS first
            FROM link_events
            WHERE dataset <> 'gtd' AND (deaths > 0 OR notes_hash IS NOT NULL) AND coalesce(part_of_multiple, false) = false
        )
        SELECT {LinkSideColumns("x")}, {LinkSideColumns("y")} FROM keyed
        JOIN link_events x ON x.id = keyed.first JOIN link_events y ON y.id = keyed.id
        WHERE keyed.id <> keyed.first
        """;

    /// <summary>The columns of one side of a candidate pair, in the order <see cref="ReadLinkSide"/> reads them.</summary>
    private static string LinkSideColumns(string alias) => string.Join(", ",
        new[]
        {
            "id", "dataset", "dataset_id", "date_start", "date_end", "date_precision", "latitude", "longitude", "admin1_id", "admin2_id",
            "actor_roles", "actor1", "actor2", "actor1_ids", "actor2_ids", "event_type", "event_subtype", "attack_type", "weapon_type", "deaths", "part_of_multiple",
            "notes_hash",
        }.Select(c => $"{alias}.{c}"));

    /// <summary>Has <paramref name="command"/>'s rows streamed rather than read whole, where the engine does not already.</summary>
    private protected virtual void Stream(DbCommand command)
    {
    }

    /// <summary>The engine's settings while linking, undone when disposed; null for none.</summary>
    private protected virtual IDisposable? LinkingSettings() => null;

    public LinkingReport LinkIncidents(IncidentLinker linker, CancellationToken cancellationToken = default)
    {
        using var settings = LinkingSettings();
        using var transaction = Write();
        var datasets = new List<string>();
        using (var command = Command("SELECT DISTINCT dataset FROM events WHERE date_precision <> 'year' ORDER BY dataset"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                datasets.Add(reader.GetString(0));
            }
        }

        // A store of GTD alone has nothing to pair (GTD's own ids are never joined): only the analysts' decisions apply.
        var candidates = Enumerable.Empty<LinkCandidate>();
        if (datasets.Any(d => d != Dyad.Events.Datasets.Gtd))
        {
            Execute(LinkEventsSql);
            Analyze("link_events");
            var pairs = datasets.SelectMany((first, i) => datasets.Skip(i + 1).Select(second => (first, second)));
            candidates = pairs.SelectMany(p => Candidates(CandidatePairsSql, ("first", p.first), ("second", p.second))).Concat(Candidates(OwnDuplicatesSql));
        }

        var result = linker.Link(candidates, Decisions(), cancellationToken);

        Execute("DELETE FROM incident_links; DELETE FROM event_incidents; DROP TABLE IF EXISTS link_events;");
        using (var links = Bulk("incident_links"))
        {
            foreach (var link in result.Links)
            {
                links.Row().Long(link.EventA).Long(link.EventB).Double(link.Score).Text(link.Rule).Texts(link.Reasons.ToList()).EndRow();
            }

            links.Complete();
        }

        using (var incidents = Bulk("event_incidents"))
        {
            foreach (var (eventId, incidentId) in result.IncidentOf)
            {
                incidents.Row().Long(eventId).Long(incidentId).EndRow();
            }

            incidents.Complete();
        }

        transaction.Commit();
        return new LinkingReport(result.CandidatesScored, result.Links.Count, result.IncidentOf.Values.Distinct().LongCount(), Scalar(MultiDatasetIncidentsSql),
            result.IncidentOf.Count);
    }

    private const string MultiDatasetIncidentsSql =
        """
        SELECT count(*) FROM (SELECT i.incident_id FROM event_incidents i JOIN events e ON e.id = i.event_id
                              GROUP BY i.incident_id HAVING count(DISTINCT e.dataset) > 1) AS multi
        """;

    public IReadOnlyList<StoredIncident> Incidents(IncidentFilter filter)
    {
        var ids = new List<long>();
        using (var command = Command(
            $"""
            SELECT i.incident_id FROM event_incidents i JOIN events e ON e.id = i.event_id LEFT JOIN event_places p ON p.event_id = e.id
            WHERE CAST($event AS BIGINT) IS NULL OR i.incident_id = (SELECT incident_id FROM event_incidents WHERE event_id = $event)
            GROUP BY i.incident_id
            HAVING (CAST($from AS DATE) IS NULL OR max(e.date_end) >= $from) AND (CAST($to AS DATE) IS NULL OR min(e.date_start) <= $to)
               AND (CAST($country AS VARCHAR) IS NULL OR bool_or(lower(coalesce(e.country, p.country)) = lower($country)))
            ORDER BY min(e.date_start), i.incident_id{(filter.Limit is { } limit ? $" LIMIT {limit}" : "")}
            """, ("from", filter.From), ("to", filter.To), ("country", filter.Country), ("event", filter.EventId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var incidentOf = new Dictionary<long, long>();
        using (var command = Command("SELECT event_id, incident_id FROM event_incidents WHERE incident_id IN (SELECT unnest($ids))", ("ids", ids)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                incidentOf[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        var members = new Dictionary<long, List<StoredEvent>>();
        foreach (var stored in Events(new EventFilter(EventIds: [.. incidentOf.Keys])))
        {
            var incident = incidentOf[stored.Id];
            if (!members.TryGetValue(incident, out var list))
            {
                members[incident] = list = [];
            }

            list.Add(stored);
        }

        var links = new Dictionary<long, List<IncidentLink>>();
        using (var command = Command(
            """
            SELECT i.incident_id, l.event_a, l.event_b, l.score, l.rule, l.reasons
            FROM incident_links l JOIN event_incidents i ON i.event_id = l.event_a
            WHERE i.incident_id IN (SELECT unnest($ids)) ORDER BY l.event_a, l.event_b
            """, ("ids", ids)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var incident = reader.GetInt64(0);
                if (!links.TryGetValue(incident, out var list))
                {
                    links[incident] = list = [];
                }

                list.Add(new IncidentLink(reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetString(4), Strings(reader, 5)));
            }
        }

        return [.. ids.Select(id => new StoredIncident(id, members.GetValueOrDefault(id) ?? [], links.GetValueOrDefault(id) ?? []))];
    }

    public long? FindEvent(string reference) => FindEventIn("events", reference);

    /// <summary>An event withdrawn by a release, named as <see cref="FindEvent"/> names events; null if none.</summary>
    public long? FindWithdrawnEvent(string reference) => FindEventIn("event_history", reference);

    private long? FindEventIn(string table, string reference)
    {
        if (long.TryParse(reference, out var id))
        {
            return Scalar($"SELECT count(*) FROM {table} WHERE id = $id", ("id", id)) > 0 ? id : null;
        }

        if (reference.Split(':', 2) is not [var dataset, var datasetId])
        {
            return null;
        }

        using var command = Command($"SELECT min(id) FROM {table} WHERE lower(dataset) = lower($dataset) AND dataset_id = $dataset_id", ("dataset", dataset), ("dataset_id", datasetId));
        return command.ExecuteScalar() is long found ? found : null;
    }

    public void DecideLink(long eventA, long eventB, bool same, string decidedBy, string? note)
    {
        using var transaction = Write();
        var now = _clock.GetUtcNow();
        int id;
        string after;
        using (var insert = Command(
            """
            INSERT INTO link_decisions (dataset_a, dataset_id_a, dataset_b, dataset_id_b, same, note, decided_by, decided_at)
            SELECT a.dataset, a.dataset_id, b.dataset, b.dataset_id, $same, $note, $by, $at
            FROM events a, events b WHERE a.id = $a AND b.id = $b
            RETURNING id, dataset_a, dataset_id_a, dataset_b, dataset_id_b
            """, ("same", same), ("note", note), ("by", decidedBy), ("at", now), ("a", eventA), ("b", eventB)))
        using (var reader = insert.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new DyadException(DyadErrorKind.NotFound, $"No event {eventA} or {eventB} in the store.");
            }

            id = reader.GetInt32(0);
            after = JsonSerializer.Serialize(new
            {
                A = $"{reader.GetString(1)}:{reader.GetString(2)}",
                B = $"{reader.GetString(3)}:{reader.GetString(4)}",
                Same = same,
                Note = note,
            });
        }

        // After the reader is closed: a connection runs one statement at a time (PostgreSQL's does).
        RecordChange(now, decidedBy, "link-decision", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "create", null, after);

        transaction.Commit();
    }

    /// <summary>The analysts' decisions on the events now in the store, the latest decision on a pair winning.</summary>
    private List<LinkDecision> Decisions()
    {
        using var command = Command(
            """
            SELECT a, b, same, decided_by, decided_at FROM (
                SELECT a.id AS a, b.id AS b, d.same, d.decided_by, d.decided_at,
                       row_number() OVER (PARTITION BY least(a.id, b.id), greatest(a.id, b.id) ORDER BY d.id DESC) AS latest
                FROM link_decisions d
                JOIN events a ON a.dataset = d.dataset_a AND a.dataset_id = d.dataset_id_a
                JOIN events b ON b.dataset = d.dataset_b AND b.dataset_id = d.dataset_id_b) AS decided
            WHERE latest = 1
            """);
        using var reader = command.ExecuteReader();
        var decisions = new List<LinkDecision>();
        while (reader.Read())
        {
            decisions.Add(new LinkDecision(reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2), reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero)));
        }

        return decisions;
    }

    private protected void RecordChange(DateTimeOffset at, string by, string recordType, string recordId, string action, string? before, string? after)
    {
        using var command = Command(
            "INSERT INTO record_changes VALUES ($at, $by, $type, $id, $action, $before, $after)",
            ("at", at), ("by", by), ("type", recordType), ("id", recordId), ("action", action), ("before", before), ("after", after));
        command.ExecuteNonQuery();
    }

    private IEnumerable<LinkCandidate> Candidates(string sql, params (string, object?)[] parameters)
    {
        // Each row is the two events' link_events columns side by side (LinkSideColumns).
        const int Width = 22;
        using var command = Command(sql, parameters);
        // Millions of pairs: streamed as the linker scores them, never held whole.
        Stream(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new LinkCandidate(ReadLinkSide(reader, 0), ReadLinkSide(reader, Width));
        }
    }

    private static LinkSide ReadLinkSide(DbDataReader r, int o) => new(
        r.GetInt64(o), r.GetString(o + 1), r.GetString(o + 2), r.GetFieldValue<DateOnly>(o + 3), r.GetFieldValue<DateOnly>(o + 4),
        EventColumns.Precision(r.GetString(o + 5)), Nullable<double>(r, o + 6), Nullable<double>(r, o + 7),
        NullableString(r, o + 8), NullableString(r, o + 9), EventColumns.Roles(r.GetString(o + 10)), NullableString(r, o + 11), NullableString(r, o + 12),
        Strings(r, o + 13), Strings(r, o + 14),
        AttackManners.Of(NullableString(r, o + 15), NullableString(r, o + 16), NullableString(r, o + 17), NullableString(r, o + 18)),
        Nullable<int>(r, o + 19), Nullable<bool>(r, o + 20), NullableString(r, o + 21));
}
