using System.Data.Common;
using Dyad.Events;

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
        // joined and placed: for one rivalry that is a fraction of the store, and the joins stay small.
        // An actor slot's name may resolve to A, to B, to both (the source leaves it open between them: "Taliban and/or
        // Islamic State"), or to one of them and a third (open between them): an open name is never one side's, in any
        // pairing. GTD names up to three groups (suspected ones, or groups competing to claim it): the attack is open
        // between them likewise. Which part a side played is read from the dataset's own categories (the method note of the
        // brief says the rule per dataset): what it did, the fighting it was in (with the state or with others), and
        // what was done to it.
        var classify = $"""
            DROP TABLE IF EXISTS rivalry_events;
            CREATE TEMP TABLE rivalry_events AS
            WITH names AS (
                SELECT dataset, country, name, valid_from, valid_to,
                       actor_ids && $a AS is_a, actor_ids && $b AS is_b,
                       method = 'ambiguous' AND NOT ($a @> actor_ids) AND NOT ($b @> actor_ids) AS open
                FROM actor_resolutions
                WHERE actor_ids && $a OR actor_ids && $b
            ), states AS (
                SELECT dataset, country, name, valid_from, valid_to FROM actor_resolutions
                WHERE actor_ids && $states OR array_to_string(actor_ids, ' ') LIKE '%government-of-%'
            ), candidates AS (
                SELECT e.* FROM events e
                WHERE (e.actor1 IN (SELECT name FROM names) OR e.actor2 IN (SELECT name FROM names)
                       OR (e.dataset = '{Datasets.Gtd}' AND e.actor1_associates && (SELECT array_agg(name) FROM names)))
                  AND (CAST($from AS DATE) IS NULL OR e.date_start >= $from) AND (CAST($to AS DATE) IS NULL OR e.date_start <= $to)
            ), associates AS (
                -- GTD's second and third groups: whether they name A, B, or another group.
                SELECT u.id, bool_or(coalesce(n.is_a AND NOT n.is_b, false)) AS has_a, bool_or(coalesce(n.is_b AND NOT n.is_a, false)) AS has_b,
                       bool_or(n.name IS NULL OR NOT n.is_a) AS other_than_a, bool_or(n.name IS NULL OR NOT n.is_b) AS other_than_b
                FROM (SELECT id, dataset, coalesce(country, '') AS country, date_start, unnest(actor1_associates) AS name
                      FROM candidates WHERE dataset = '{Datasets.Gtd}') u
                LEFT JOIN names n ON n.dataset = u.dataset AND n.country = u.country AND n.name = u.name AND u.date_start BETWEEN n.valid_from AND n.valid_to
                GROUP BY u.id
            ), ev AS (
                SELECT e.id, e.dataset, e.date_start, e.date_precision = 'year' AS year_only, e.actor2,
                       coalesce(p.admin1_id, e.admin1) AS province, coalesce(p.admin2_id, e.admin2) AS district,
                       e.target_types[1] AS target, e.actor_roles, e.event_type,
                       coalesce(e.deaths_low, {BestDeathsSql}, 0) AS low, coalesce({BestDeathsSql}, 0) AS best,
                       coalesce(e.deaths_high, {BestDeathsSql}, 0) AS high, e.deaths_actor1, e.deaths_actor2, e.claimed,
                       coalesce(r1.is_a AND NOT r1.is_b AND NOT r1.open, false) AS a1, coalesce(r2.is_a AND NOT r2.is_b AND NOT r2.open, false) AS a2,
                       coalesce(r1.is_b AND NOT r1.is_a AND NOT r1.open, false) AS b1, coalesce(r2.is_b AND NOT r2.is_a AND NOT r2.open, false) AS b2,
                       coalesce(r1.is_a AND r1.is_b, false) AS between1, coalesce(r1.is_a AND r1.is_b, false) OR coalesce(r2.is_a AND r2.is_b, false) AS open_between,
                       coalesce(r1.open AND r1.is_a, false) AS open_a1, coalesce(r2.open AND r2.is_a, false) AS open_a2,
                       coalesce(r1.open AND r1.is_b, false) AS open_b1, coalesce(r2.open AND r2.is_b, false) AS open_b2,
                       s1.name IS NOT NULL AS state1, s2.name IS NOT NULL AS state2,
                       x.id IS NOT NULL AS suspects, x.has_a, x.has_b, x.other_than_a, x.other_than_b
                FROM candidates e
                LEFT JOIN event_places p ON p.event_id = e.id
                LEFT JOIN names r1 ON r1.dataset = e.dataset AND r1.country = coalesce(e.country, p.country, '') AND r1.name = e.actor1
                                  AND e.date_start BETWEEN r1.valid_from AND r1.valid_to
                LEFT JOIN names r2 ON r2.dataset = e.dataset AND r2.country = coalesce(e.country, p.country, '') AND r2.name = e.actor2
                                  AND e.date_start BETWEEN r2.valid_from AND r2.valid_to
                LEFT JOIN states s1 ON s1.dataset = e.dataset AND s1.country = coalesce(e.country, p.country, '') AND s1.name = e.actor1
                                  AND e.date_start BETWEEN s1.valid_from AND s1.valid_to
                LEFT JOIN states s2 ON s2.dataset = e.dataset AND s2.country = coalesce(e.country, p.country, '') AND s2.name = e.actor2
                                  AND e.date_start BETWEEN s2.valid_from AND s2.valid_to
                LEFT JOIN associates x ON x.id = e.id
                WHERE coalesce(array_length($countries, 1), 0) = 0 OR coalesce(e.country, p.country) = ANY($countries)
            ), perpetrators AS (
                -- GTD's second and third groups are the ones it names besides the first, suspected or competing to
                -- claim it: whichever of them did it is open, and the first is the author for sure only without them.
                SELECT *,
                       NOT suspects OR (a1 AND NOT coalesce(other_than_a, false)) OR (b1 AND NOT coalesce(other_than_b, false)) AS sure1,
                       suspects AND ((a1 AND coalesce(has_b, false)) OR (b1 AND coalesce(has_a, false))) AS suspects_between,
                       suspects AND ((a1 AND coalesce(other_than_a, false)) OR (NOT a1 AND coalesce(has_a, false))) AS suspect_a,
                       suspects AND ((b1 AND coalesce(other_than_b, false)) OR (NOT b1 AND coalesce(has_b, false))) AS suspect_b
                FROM ev
            ), classed AS (
                SELECT *,
                       CASE WHEN ((a1 AND b2) OR (b1 AND a2)) AND sure1 THEN 'dyadic'
                            WHEN open_between OR suspects_between THEN 'either'
                            WHEN open_a1 OR open_a2 OR suspect_a THEN 'possibly-a'
                            WHEN open_b1 OR open_b2 OR suspect_b THEN 'possibly-b'
                            WHEN a1 OR a2 THEN 'a'
                            WHEN b1 OR b2 THEN 'b' END AS role,
                       -- The slot the side (or the open name) is in: the perpetrator's or side A's is 1.
                       CASE WHEN a1 OR b1 OR between1 OR open_a1 OR open_b1 OR suspects THEN 1 ELSE 2 END AS slot,
                       CASE WHEN a1 THEN deaths_actor1 WHEN a2 THEN deaths_actor2 END AS deaths_a,
                       CASE WHEN b1 THEN deaths_actor1 WHEN b2 THEN deaths_actor2 END AS deaths_b
                FROM perpetrators
            ), activities AS (
                SELECT *,
                       CASE WHEN role = 'dyadic' THEN 'clash'
                            WHEN actor_roles = 'perpetrator-target' OR event_type IN ({AttackTypesSql})
                                THEN CASE WHEN slot = 1 THEN 'did' ELSE 'done-to' END
                            -- UCDP extracts without type_of_violence: its one-sided events name "Civilians" as side B.
                            WHEN dataset = '{Datasets.UcdpGed}' AND event_type IS NULL AND actor2 = 'Civilians'
                                THEN CASE WHEN slot = 1 THEN 'did' ELSE 'done-to' END
                            WHEN event_type IN ({FightTypesSql}) OR event_type LIKE 'Battle%' OR (dataset = '{Datasets.UcdpGed}' AND event_type IS NULL)
                                THEN CASE WHEN (slot = 1 AND state2) OR (slot = 2 AND state1) THEN 'fought-state' ELSE 'fought-other' END
                            ELSE 'other' END AS activity
                FROM classed
            ), unnamed AS (
                SELECT DISTINCT i.incident_id FROM event_incidents i JOIN events e ON e.id = i.event_id
                LEFT JOIN event_places p ON p.event_id = e.id
                LEFT JOIN actor_resolutions r ON r.dataset = e.dataset AND r.country = coalesce(e.country, p.country, '') AND r.name = e.actor1
                                             AND e.date_start BETWEEN r.valid_from AND r.valid_to
                WHERE e.actor_roles = 'perpetrator-target' AND (e.actor1 IS NULL OR (coalesce(array_length(r.actor_ids, 1), 0) > 0 AND $unspecified @> r.actor_ids))
            )
            SELECT c.id, c.dataset, c.date_start, c.year_only, c.province, c.district, c.target, c.low, c.best, c.high, c.deaths_a, c.deaths_b,
                   c.claimed, c.role, c.activity, coalesce(i.incident_id, c.id) AS incident, i.incident_id IS NOT NULL AS linked,
                   coalesce(i.incident_id IN (SELECT incident_id FROM unnamed), false) AS unnamed_elsewhere
            FROM activities c LEFT JOIN event_incidents i ON i.event_id = c.id
            WHERE c.role IS NOT NULL
            """;
        using (var command = Command(classify, ("a", query.SideA.ToList()), ("b", query.SideB.ToList()), ("from", query.From), ("to", query.To),
            ("countries", (query.Countries ?? []).ToList()), ("unspecified", (query.Unspecified ?? []).ToList()),
            ("states", (query.States ?? []).ToList())))
        {
            command.ExecuteNonQuery();
        }

        Analyze("rivalry_events");

        var events = Cells(
            $"""
            SELECT role, dataset, CAST(date_trunc('{unit}', date_start) AS DATE) AS period, province, district, target, count(*),
                   sum(low)::BIGINT, sum(best)::BIGINT, sum(high)::BIGINT, sum(deaths_a)::BIGINT, sum(deaths_b)::BIGINT,
                   count(*) FILTER (WHERE claimed), count(claimed), count(*) FILTER (WHERE unnamed_elsewhere), activity, year_only
            FROM rivalry_events WHERE dataset NOT IN ({YearlyTablesSql})
            GROUP BY 1, 2, 3, 4, 5, 6, 16, 17 ORDER BY period, role, dataset, province, district, target, activity, year_only
            """);
        // One row per incident: fought between A and B if any report says so; one side's if its reports name only
        // that side; either side if they name both as its author or leave it open; possibly one side's if they leave it
        // open between that side and a third. Its part (what the side did, fought or had done to it) is its surest
        // report's. Its place is its most precise report's, its date the first report's; deaths are UCDP's where UCDP
        // reports it, else the reports' median. Year-only events are never linked, so they stay incidents of their own.
        var incidents = Cells(
            $"""
            WITH incidents AS (
                -- Most events are an incident of their own: they are taken as they are, and only linked events grouped.
                SELECT role, dataset AS datasets, CAST(date_trunc('{unit}', date_start) AS DATE) AS period, province, district, target,
                       low::BIGINT AS low, best::BIGINT AS best, high::BIGINT AS high, deaths_a::BIGINT AS deaths_a, deaths_b::BIGINT AS deaths_b,
                       claimed, unnamed_elsewhere, activity, year_only
                FROM rivalry_events WHERE NOT linked AND dataset NOT IN ({YearlyTablesSql})
                UNION ALL
                SELECT CASE WHEN bool_or(role = 'dyadic') THEN 'dyadic'
                            WHEN bool_or(role = 'a') AND bool_or(role IN ('b', 'possibly-b')) THEN 'either'
                            WHEN bool_or(role = 'b') AND bool_or(role IN ('a', 'possibly-a')) THEN 'either'
                            WHEN bool_or(role = 'a') THEN 'a' WHEN bool_or(role = 'b') THEN 'b'
                            WHEN bool_or(role = 'possibly-a') AND bool_or(role = 'possibly-b') THEN 'either'
                            WHEN bool_or(role = 'possibly-a') THEN 'possibly-a' WHEN bool_or(role = 'possibly-b') THEN 'possibly-b'
                            ELSE 'either' END,
                       string_agg(DISTINCT dataset, '+' ORDER BY dataset),
                       CAST(date_trunc('{unit}', min(date_start)) AS DATE),
                       (array_agg(province ORDER BY district IS NULL, province IS NULL))[1],
                       (array_agg(district ORDER BY district IS NULL))[1],
                       (array_agg(target ORDER BY target IS NULL))[1],
                       {UcdpOrMedian("report_low")}, {UcdpOrMedian("report_best")}, {UcdpOrMedian("report_high")},
                       {UcdpOrMedian("deaths_a")}, {UcdpOrMedian("deaths_b")},
                       bool_or(claimed), bool_or(unnamed_elsewhere),
                       (array_agg(activity ORDER BY CASE WHEN role IN ('dyadic', 'a', 'b') THEN 0 ELSE 1 END,
                                  CASE activity WHEN 'clash' THEN 0 WHEN 'did' THEN 1 WHEN 'fought-state' THEN 2 WHEN 'fought-other' THEN 3 WHEN 'done-to' THEN 4 ELSE 5 END))[1],
                       false
                FROM (SELECT *, {SplitReport("low")}, {SplitReport("best")}, {SplitReport("high")}
                      FROM (SELECT r.*, {SplitSql} AS split FROM rivalry_events r JOIN events e ON e.id = r.id WHERE r.linked) AS linked) AS reports
                GROUP BY incident
            )
            SELECT role, datasets, period, province, district, target, count(*), sum(low)::BIGINT, sum(best)::BIGINT, sum(high)::BIGINT,
                   sum(deaths_a)::BIGINT, sum(deaths_b)::BIGINT, count(*) FILTER (WHERE claimed), count(claimed), count(*) FILTER (WHERE unnamed_elsewhere),
                   activity, year_only
            FROM incidents GROUP BY 1, 2, 3, 4, 5, 6, 16, 17 ORDER BY period, role, datasets, province, district, target, activity, year_only
            """);
        // UCDP's yearly tables count the same deaths as its events, for every event it has: they are not counted again,
        // but set beside the events, so that an extract or a sample is seen for what it holds.
        var tables = new List<YearlyTotal>();
        using (var command = Command(
            $"""
            SELECT dataset, CAST(extract(year FROM date_start) AS INTEGER), role, activity, count(*), sum(best)::BIGINT
            FROM rivalry_events WHERE dataset IN ({YearlyTablesSql}) AND role IN ('dyadic', 'a', 'b')
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(new YearlyTotal(reader.GetString(0), reader.GetInt32(1), Role(reader.GetString(2)), Activities[reader.GetString(3)], reader.GetInt64(4), Long(reader, 5) ?? 0));
            }
        }

        Execute("DROP TABLE rivalry_events");
        return new RivalryCells(incidents, events) { YearlyTables = tables };
    }

    /// <summary>
    /// An event's deaths as one report of its incident: ACLED splits one toll across the events of an attack ("20
    /// fatalities split across 6 events"), so the split parts linked into one incident are one report, their sum; the
    /// first part carries it, the others nothing. Read over the linked events only, a small part of a rivalry's.
    /// </summary>
    /// <summary>
    /// Whether an ACLED event's notes say its toll is split across events. Read from the notes of linked events only:
    /// reading every event's notes, long texts, made the rivalry of 2,000,000 events several times slower.
    /// </summary>
    private const string SplitSql =
        $"CASE WHEN r.dataset = '{Datasets.Acled}' THEN lower(e.notes) LIKE '%fatalit%' AND lower(e.notes) LIKE '%split%' ELSE false END";

    private static string SplitReport(string column) =>
        $"CASE WHEN NOT split THEN {column} " +
        $"WHEN row_number() OVER (PARTITION BY incident, split ORDER BY id) = 1 THEN sum({column}) OVER (PARTITION BY incident, split) END AS report_{column}";

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
                Role(reader.GetString(0)),
                reader.GetString(1), reader.GetFieldValue<DateOnly>(2), NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5),
                reader.GetInt64(6), Long(reader, 7) ?? 0, Long(reader, 8) ?? 0, Long(reader, 9) ?? 0, Long(reader, 10), Long(reader, 11),
                reader.GetInt64(12), reader.GetInt64(13), reader.GetInt64(14), Activities[reader.GetString(15)], reader.GetBoolean(16)));
        }

        return cells;
    }

    private static RivalryRole Role(string role) => role switch
    {
        "dyadic" => RivalryRole.Dyadic,
        "a" => RivalryRole.SideA,
        "b" => RivalryRole.SideB,
        "possibly-a" => RivalryRole.PossiblyA,
        "possibly-b" => RivalryRole.PossiblyB,
        _ => RivalryRole.Either,
    };

    /// <summary>UCDP's conflict-year tables: one record per dyad and year, whose deaths its events count too.</summary>
    private const string YearlyTablesSql = $"'{Datasets.UcdpNonState}', '{Datasets.UcdpOneSided}', '{Datasets.UcdpBattleDeaths}'";

    private static readonly Dictionary<string, SideActivity> Activities = new(StringComparer.Ordinal)
    {
        ["clash"] = SideActivity.Clash,
        ["did"] = SideActivity.Did,
        ["fought-state"] = SideActivity.FoughtState,
        ["fought-other"] = SideActivity.FoughtOther,
        ["done-to"] = SideActivity.DoneTo,
        ["other"] = SideActivity.Other,
    };

    /// <summary>ACLED's event types (current and before 2019) in which actor 1 attacks and actor 2 is attacked: an attack, not a fight.</summary>
    private const string AttackTypesSql = "'Explosions/Remote violence', 'Remote violence', 'Violence against civilians'";

    /// <summary>UCDP's fighting between two organised sides (ACLED's battles are found by their prefix: "Battles", "Battle-No change of territory").</summary>
    private const string FightTypesSql = "'State-based conflict', 'Non-state conflict'";

    private static long? Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
}
