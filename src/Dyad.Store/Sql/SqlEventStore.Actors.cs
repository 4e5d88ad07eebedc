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

        Analyze("actor_resolutions");
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
    /// Puts the events one of whose actors resolves to one of <paramref name="filter"/>'s actor ids — and, unless it
    /// includes ambiguous ones, not to a name the source left open between several actors — in the temporary table
    /// actor_matches, which the events query then reads. Found first and counted, rather than as a subquery, so that
    /// the planner knows how many there are: PostgreSQL, guessing one, joined thousands of them row by row (73 s
    /// instead of seconds for 2,000,000 events).
    /// </summary>
    private void MatchActors(EventFilter filter)
    {
        if (filter.ActorIds is { } ids)
        {
            Match("actor_matches", ids, filter.IncludeAmbiguous);
        }

        if (filter.AgainstActorIds is { } against)
        {
            Match("against_matches", against, filter.IncludeAmbiguous);
        }
    }

    /// <summary>How long a temporary table of matches is used again for the same actors, if no import came in meanwhile.</summary>
    private static readonly TimeSpan MatchesKept = TimeSpan.FromMinutes(1);

    /// <summary>What each temporary table of matches holds: the actors, whether ambiguous names count, the last import then, and when it was made.</summary>
    private readonly Dictionary<string, (string Key, DateTimeOffset Made)> _matches = [];

    /// <summary>
    /// The events (and on which side: 1 the first actor and its associates, 2 the second) that name one of the actors,
    /// into a temporary table of this connection. Matching reads every event, so a table made for the same actors is
    /// used again for a minute unless an import has come in since (a server's pages of one filter, a count beside a page).
    /// </summary>
    private void Match(string table, IReadOnlyList<string> ids, bool includeAmbiguous)
    {
        var key = $"{string.Join(',', ids)}|{includeAmbiguous}|{LastImportId()}";
        var now = _clock.GetUtcNow();
        if (_unit is null && _matches.TryGetValue(table, out var made) && made.Key == key && now - made.Made < MatchesKept)
        {
            return;
        }

        _matches.Remove(table);
        Execute($"DROP TABLE IF EXISTS {table}");
        using (var command = Command(
            $"""
            CREATE TEMP TABLE {table} AS
            WITH wanted AS (SELECT dataset, country, name, valid_from, valid_to FROM actor_resolutions
                            WHERE actor_ids && $actor_ids AND ($include_ambiguous OR method <> 'ambiguous')),
                 -- One pass over the events for the names alone (hashed lookups), with their countries; only the few
                 -- that use a name are unfolded and matched on dataset, country and date (half the time of unfolding
                 -- every event's names on PostgreSQL).
                 candidates AS (
                     SELECT e.id, e.dataset, coalesce(e.country, p.country, '') AS country, e.date_start,
                            e.actor1, e.actor2, e.actor1_associates, e.actor2_associates,
                            -- GTD names several groups (suspected, or competing to claim it): the attack is open between them.
                            e.dataset = '{Dyad.Events.Datasets.Gtd}' AND coalesce(array_length(e.actor1_associates, 1), 0) > 0 AS suspects
                     FROM events e LEFT JOIN event_places p ON p.event_id = e.id
                     WHERE e.actor1 IN (SELECT name FROM wanted) OR e.actor2 IN (SELECT name FROM wanted)
                        OR e.actor1_associates && (SELECT array_agg(name) FROM wanted)
                        OR e.actor2_associates && (SELECT array_agg(name) FROM wanted)),
                 named AS (
                     SELECT id, 1 AS side, dataset, country, actor1 AS name, date_start, suspects FROM candidates WHERE actor1 IS NOT NULL
                     UNION ALL SELECT id, 2, dataset, country, actor2, date_start, false FROM candidates WHERE actor2 IS NOT NULL
                     UNION ALL SELECT id, 1, dataset, country, unnest(actor1_associates), date_start, suspects FROM candidates
                     UNION ALL SELECT id, 2, dataset, country, unnest(actor2_associates), date_start, false FROM candidates),
                 -- Open only if one of the groups named is not among the actors asked for (the Taliban and the Haqqani Network are one).
                 open_between AS (
                     SELECT DISTINCT u.id FROM named u LEFT JOIN wanted o
                       ON o.dataset = u.dataset AND o.country = u.country AND o.name = u.name AND u.date_start BETWEEN o.valid_from AND o.valid_to
                     WHERE u.suspects AND o.name IS NULL)
            SELECT DISTINCT n.id, n.side FROM named n JOIN wanted w
              ON w.dataset = n.dataset AND w.country = n.country AND w.name = n.name AND n.date_start BETWEEN w.valid_from AND w.valid_to
            LEFT JOIN open_between x ON x.id = n.id AND n.side = 1
            WHERE $include_ambiguous OR x.id IS NULL
            """, ("actor_ids", ids.ToList()), ("include_ambiguous", includeAmbiguous)))
        {
            command.ExecuteNonQuery();
        }

        Analyze(table);
        if (_unit is null)
        {
            // Made outside a unit of work, the table cannot be undone by a rollback, so it can be trusted again.
            _matches[table] = (key, now);
        }
    }
}
