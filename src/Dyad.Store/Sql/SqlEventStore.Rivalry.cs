using System.Data.Common;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>
    /// One pass over the events: each is resolved to actor ids (actor_resolutions), placed (event_places), classed as
    /// A-vs-B, A's own, B's own or either side, and put in its incident (event_incidents). Then it is summed twice per
    /// role, period, province, district and first target type: per dataset, and per incident. DuckDB does the work, so
    /// that the rivalry of millions of events comes back as a few thousand cells.
    /// </summary>
    public RivalryCells Rivalry(RivalryQuery query)
    {
        var unit = query.By switch
        {
            PeriodUnit.Quarter => "quarter",
            PeriodUnit.Year => "year",
            _ => "month",
        };
        // The sides' names are found first in actor_resolutions (small), and only events naming one of them are
        // joined and placed: for one rivalry that is a fraction of the store, and the joins stay small. A name that
        // resolves to both sides is one the source left open between them.
        const string classify = $"""
            DROP TABLE IF EXISTS rivalry_events;
            CREATE TEMP TABLE rivalry_events AS
            WITH names AS (
                SELECT dataset, country, name, valid_from, valid_to,
                       actor_ids && $a AS is_a, actor_ids && $b AS is_b
                FROM actor_resolutions
                WHERE actor_ids && $a OR actor_ids && $b
            ), candidates AS (
                SELECT e.* FROM events e
                WHERE e.date_precision <> 'year'
                  AND (e.actor1 IN (SELECT name FROM names) OR e.actor2 IN (SELECT name FROM names))
                  AND (CAST($from AS DATE) IS NULL OR e.date_start >= $from) AND (CAST($to AS DATE) IS NULL OR e.date_start <= $to)
            ), ev AS (
                SELECT e.id, e.dataset, e.date_start,
                       coalesce(p.admin1_id, e.admin1) AS province, coalesce(p.admin2_id, e.admin2) AS district,
                       e.target_types[1] AS target, e.actor_roles,
                       coalesce(e.deaths_low, {BestDeathsSql}, 0) AS low, coalesce({BestDeathsSql}, 0) AS best,
                       coalesce(e.deaths_high, {BestDeathsSql}, 0) AS high, e.deaths_actor1, e.deaths_actor2, e.claimed,
                       coalesce(r1.is_a AND NOT r1.is_b, false) AS a1, coalesce(r2.is_a AND NOT r2.is_b, false) AS a2,
                       coalesce(r1.is_b AND NOT r1.is_a, false) AS b1, coalesce(r2.is_b AND NOT r2.is_a, false) AS b2,
                       coalesce(r1.is_a AND r1.is_b, false) OR coalesce(r2.is_a AND r2.is_b, false) AS open_between
                FROM candidates e
                LEFT JOIN event_places p ON p.event_id = e.id
                LEFT JOIN names r1 ON r1.dataset = e.dataset AND r1.country = coalesce(e.country, p.country, '') AND r1.name = e.actor1
                                  AND e.date_start BETWEEN r1.valid_from AND r1.valid_to
                LEFT JOIN names r2 ON r2.dataset = e.dataset AND r2.country = coalesce(e.country, p.country, '') AND r2.name = e.actor2
                                  AND e.date_start BETWEEN r2.valid_from AND r2.valid_to
                WHERE coalesce(array_length($countries, 1), 0) = 0 OR coalesce(e.country, p.country) = ANY($countries)
            ), classed AS (
                SELECT *,
                       CASE WHEN (a1 AND b2) OR (b1 AND a2) THEN 'dyadic'
                            WHEN open_between THEN 'either'
                            WHEN a1 OR (a2 AND actor_roles = 'sides') THEN 'a'
                            WHEN b1 OR (b2 AND actor_roles = 'sides') THEN 'b' END AS role,
                       CASE WHEN a1 THEN deaths_actor1 WHEN a2 THEN deaths_actor2 END AS deaths_a,
                       CASE WHEN b1 THEN deaths_actor1 WHEN b2 THEN deaths_actor2 END AS deaths_b
                FROM ev
            ), unnamed AS (
                SELECT DISTINCT i.incident_id FROM event_incidents i JOIN events e ON e.id = i.event_id
                LEFT JOIN event_places p ON p.event_id = e.id
                LEFT JOIN actor_resolutions r ON r.dataset = e.dataset AND r.country = coalesce(e.country, p.country, '') AND r.name = e.actor1
                                             AND e.date_start BETWEEN r.valid_from AND r.valid_to
                WHERE e.actor_roles = 'perpetrator-target' AND (e.actor1 IS NULL OR (coalesce(array_length(r.actor_ids, 1), 0) > 0 AND $unspecified @> r.actor_ids))
            )
            SELECT c.*, coalesce(i.incident_id, c.id) AS incident, i.incident_id IS NOT NULL AS linked,
                   coalesce(i.incident_id IN (SELECT incident_id FROM unnamed), false) AS unnamed_elsewhere
            FROM classed c LEFT JOIN event_incidents i ON i.event_id = c.id
            WHERE c.role IS NOT NULL
            """;
        using (var command = Command(classify, ("a", query.SideA.ToList()), ("b", query.SideB.ToList()), ("from", query.From), ("to", query.To),
            ("countries", (query.Countries ?? []).ToList()), ("unspecified", (query.Unspecified ?? []).ToList())))
        {
            command.ExecuteNonQuery();
        }

        Analyze("rivalry_events");

        var events = Cells(
            $"""
            SELECT role, dataset, CAST(date_trunc('{unit}', date_start) AS DATE) AS period, province, district, target, count(*),
                   sum(low)::BIGINT, sum(best)::BIGINT, sum(high)::BIGINT, sum(deaths_a)::BIGINT, sum(deaths_b)::BIGINT,
                   count(*) FILTER (WHERE claimed), count(claimed), count(*) FILTER (WHERE unnamed_elsewhere)
            FROM rivalry_events GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY period, role, dataset, province, district, target
            """);
        // One row per incident: fought between A and B if any report says so; one side's if its reports name only
        // that side; either side if they name both as its author or leave it open. Its place is its most precise
        // report's, its date the first report's; deaths are UCDP's where UCDP reports it, else the reports' median.
        var incidents = Cells(
            $"""
            WITH incidents AS (
                -- Most events are an incident of their own: they are taken as they are, and only linked events grouped.
                SELECT role, dataset AS datasets, CAST(date_trunc('{unit}', date_start) AS DATE) AS period, province, district, target,
                       low::BIGINT AS low, best::BIGINT AS best, high::BIGINT AS high, deaths_a::BIGINT AS deaths_a, deaths_b::BIGINT AS deaths_b,
                       claimed, unnamed_elsewhere
                FROM rivalry_events WHERE NOT linked
                UNION ALL
                SELECT CASE WHEN bool_or(role = 'dyadic') THEN 'dyadic'
                            WHEN bool_or(role = 'a') AND bool_or(role = 'b') THEN 'either'
                            WHEN bool_or(role = 'a') THEN 'a' WHEN bool_or(role = 'b') THEN 'b' ELSE 'either' END,
                       string_agg(DISTINCT dataset, '+' ORDER BY dataset),
                       CAST(date_trunc('{unit}', min(date_start)) AS DATE),
                       (array_agg(province ORDER BY district IS NULL, province IS NULL))[1],
                       (array_agg(district ORDER BY district IS NULL))[1],
                       (array_agg(target ORDER BY target IS NULL))[1],
                       {UcdpOrMedian("low")}, {UcdpOrMedian("best")}, {UcdpOrMedian("high")},
                       {UcdpOrMedian("deaths_a")}, {UcdpOrMedian("deaths_b")},
                       bool_or(claimed), bool_or(unnamed_elsewhere)
                FROM rivalry_events WHERE linked GROUP BY incident
            )
            SELECT role, datasets, period, province, district, target, count(*), sum(low)::BIGINT, sum(best)::BIGINT, sum(high)::BIGINT,
                   sum(deaths_a)::BIGINT, sum(deaths_b)::BIGINT, count(*) FILTER (WHERE claimed), count(claimed), count(*) FILTER (WHERE unnamed_elsewhere)
            FROM incidents GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY period, role, datasets, province, district, target
            """);
        Execute("DROP TABLE rivalry_events");
        return new RivalryCells(incidents, events);
    }

    /// <summary>A linked incident's figure: UCDP's where UCDP reports it, else the median of its reports' (rounded, as a whole number).</summary>
    private static string UcdpOrMedian(string column) =>
        $"CAST(coalesce((array_agg({column}) FILTER (WHERE dataset = 'ucdp-ged' AND {column} IS NOT NULL))[1], " +
        $"round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY {column}) AS NUMERIC))) AS BIGINT)";

    private List<RivalryCell> Cells(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var cells = new List<RivalryCell>();
        while (reader.Read())
        {
            cells.Add(new RivalryCell(
                reader.GetString(0) switch { "dyadic" => RivalryRole.Dyadic, "a" => RivalryRole.SideA, "b" => RivalryRole.SideB, _ => RivalryRole.Either },
                reader.GetString(1), reader.GetFieldValue<DateOnly>(2), NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5),
                reader.GetInt64(6), Long(reader, 7) ?? 0, Long(reader, 8) ?? 0, Long(reader, 9) ?? 0, Long(reader, 10), Long(reader, 11),
                reader.GetInt64(12), reader.GetInt64(13), reader.GetInt64(14)));
        }

        return cells;
    }

    private static long? Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
}
