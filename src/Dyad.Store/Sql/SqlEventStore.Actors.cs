using Dyad.Actors;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore
{
    private static readonly DateOnly OpenStart = new(1, 1, 1);
    private static readonly DateOnly OpenEnd = new(9999, 12, 31);

    /// <summary>Every use of an actor name by an event (associates included), with the event's effective country.</summary>
    private const string EventActorUses =
        """
        SELECT id, dataset, country, actor1 AS name, date_start FROM event_actor_keys WHERE actor1 IS NOT NULL
        UNION ALL SELECT id, dataset, country, actor2, date_start FROM event_actor_keys WHERE actor2 IS NOT NULL
        UNION ALL SELECT id, dataset, country, unnest(actor1_associates), date_start FROM event_actor_keys
        UNION ALL SELECT id, dataset, country, unnest(actor2_associates), date_start FROM event_actor_keys
        """;

    /// <summary>Every (dataset, country, name) an event uses for an actor.</summary>
    private const string EventActorNames = $"SELECT DISTINCT dataset, country, name FROM ({EventActorUses}) AS uses";

    public ActorResolutionReport ResolveActors(ActorRegistry registry, bool all = false)
    {
        using var transaction = Write();
        if (all)
        {
            Execute("DELETE FROM actor_resolutions");
        }

        var keys = new List<(string Dataset, string Country, string Name)>();
        using (var missing = Command(
            $"""
            SELECT n.dataset, n.country, n.name FROM ({EventActorNames}) n
            WHERE NOT EXISTS (SELECT 1 FROM actor_resolutions r WHERE r.dataset = n.dataset AND r.country = n.country AND r.name = n.name)
            """))
        using (var reader = missing.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        using (var resolutions = Bulk("actor_resolutions"))
        {
            foreach (var (dataset, country, name) in keys)
            {
                foreach (var span in registry.ResolveOverTime(name, ResolutionContext.Family(dataset), country.Length == 0 ? null : country))
                {
                    resolutions.Row()
                        .Text(dataset).Text(country).Text(name)
                        .Date(span.From ?? OpenStart).Date(span.To ?? OpenEnd)
                        .Texts(span.Resolution.ActorIds.ToList()).Text(span.Resolution.Method.ToString().ToLowerInvariant())
                        .Text(span.Resolution.Note)
                        .EndRow();
                }
            }

            resolutions.Complete();
        }

        transaction.Commit();
        var unresolved = Scalar(
            $"""
            SELECT count(*) FROM (
                SELECT DISTINCT r.dataset, r.country, r.name FROM actor_resolutions r
                WHERE r.method = 'unresolved'
                  AND EXISTS (SELECT 1 FROM ({EventActorNames}) n WHERE r.dataset = n.dataset AND r.country = n.country AND r.name = n.name)) AS unresolved
            """);
        return new ActorResolutionReport(keys.Count, unresolved);
    }

    public IReadOnlyList<UnresolvedActorName> UnresolvedActors()
    {
        using var command = Command(
            $"""
            WITH uses AS ({EventActorUses})
            SELECT u.name, array_agg(DISTINCT u.dataset ORDER BY u.dataset), count(*) AS events
            FROM uses u JOIN actor_resolutions r
              ON r.dataset = u.dataset AND r.country = u.country AND r.name = u.name AND u.date_start BETWEEN r.valid_from AND r.valid_to
            WHERE r.method = 'unresolved'
            GROUP BY u.name ORDER BY events DESC, u.name
            """);
        using var reader = command.ExecuteReader();
        var names = new List<UnresolvedActorName>();
        while (reader.Read())
        {
            names.Add(new UnresolvedActorName(reader.GetString(0), Strings(reader, 1), reader.GetInt64(2)));
        }

        return names;
    }

    /// <summary>
    /// The SQL condition for "an actor of the event resolves to one of $actor_ids" — and, unless $include_ambiguous,
    /// not to a name the source left open between several actors.
    /// </summary>
    private const string ActorIdCondition =
        $"""
        e.id IN (
            WITH wanted AS (SELECT dataset, country, name, valid_from, valid_to FROM actor_resolutions
                            WHERE actor_ids && $actor_ids AND ($include_ambiguous OR method <> 'ambiguous')),
                 named AS ({EventActorUses})
            SELECT n.id FROM named n JOIN wanted w
              ON w.dataset = n.dataset AND w.country = n.country AND w.name = n.name AND n.date_start BETWEEN w.valid_from AND w.valid_to)
        """;
}
