using Dyad.Actors;
using Dyad.Attribution.Attacks;
using Dyad.Places;
using Dyad.Store;

namespace Dyad.App.Events;

/// <summary>The store's filter for a request, and what the names in it were taken to mean.</summary>
/// <param name="Notes">One line per name resolved ("actor IS-K: Islamic State Khorasan Province (iskp)"), for the user to check.</param>
public sealed record ResolvedEventRequest(EventFilter Filter, IReadOnlyList<string> Notes)
{
    /// <summary>What the store cannot ask of an event and is asked of each it returns (whether its perpetrator is unknown); null: nothing.</summary>
    public Func<StoredEvent, bool>? Keep { get; init; }

    /// <summary>The events the request asks for, up to its limit.</summary>
    public IEnumerable<StoredEvent> Events(IEventStore store) =>
        Keep is null ? store.Events(Filter)
        : Filter.Limit is { } limit ? store.Events(Filter with { Limit = null }).Where(Keep).Take(limit)
        : store.Events(Filter).Where(Keep);

    /// <summary>How many events the request matches, its limit aside.</summary>
    public long Count(IEventStore store) =>
        Keep is null ? store.CountEvents(Filter) : store.Events(Filter with { Limit = null, IncludeText = false }).LongCount(Keep);
}

/// <summary>
/// Turns what a user asks for into the store's filter: the actor to its registry ids (members included), the province
/// and district to gazetteer units, the period to days, the release to an import. A name that means nothing, or several
/// things, is refused with what it could be.
/// </summary>
/// <param name="actors">The actor registry, read only if the request names an actor.</param>
/// <param name="gazetteer">The gazetteer, read only if the request names a province or district.</param>
public sealed class EventQuery(Func<ActorRegistry> actors, Func<Gazetteer> gazetteer)
{
    public EventQuery(Registries registries)
        : this(() => registries.Actors, () => registries.Gazetteer)
    {
    }

    /// <param name="name">How the caller names a part of the request in its messages (the CLI's --actor, the API's actor).</param>
    /// <exception cref="DyadException">BadUsage: a bad period, or a place that is none or several. NotFound: an unknown release.</exception>
    public ResolvedEventRequest Resolve(IEventStore store, EventRequest request, Func<string, string>? name = null)
    {
        name ??= part => part;
        if (request.Problem(name) is { } problem)
        {
            throw DyadException.BadUsage(problem);
        }

        var notes = new List<string>();
        IReadOnlyList<string>? actorIds = null;
        if (request.Actor is { } actorName)
        {
            var registry = actors();
            if (registry.Lookup(actorName) is { } actor)
            {
                actorIds = registry.WithMembers(actor.Id);
                notes.Add($"{name("actor")} {actorName}: {actor.Name} ({string.Join(", ", actorIds)}), in any dataset.");
            }
            else
            {
                notes.Add($"{name("actor")} {actorName}: not one actor in the registry; matching it as text in actors' names.");
            }
        }

        IReadOnlyList<string>? againstIds = null;
        if (request.Against is { } againstName)
        {
            var registry = actors();
            var against = registry.Lookup(againstName) ?? throw DyadException.BadUsage(
                $"{name("against")} {againstName}: not an actor the registry knows ('dyad actors resolve \"{againstName}\"' shows what it resolves to).");
            if (actorIds is null)
            {
                throw DyadException.BadUsage($"{name("against")} needs an {name("actor")} the registry knows: '{request.Actor}' is not one.");
            }

            againstIds = registry.WithMembers(against.Id);
            notes.Add($"{name("against")} {againstName}: {against.Name} ({string.Join(", ", againstIds)}), on the other side.");
        }

        var provinces = request.Province is { } province
            ? province.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).SelectMany(p => Units(p, 1, request.Country, notes, name("province"))).Distinct().ToList()
            : null;
        var districts = request.District is { } district
            ? district.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).SelectMany(d => Units(d, 2, request.Country, notes, name("district"))).Distinct().ToList()
            : null;
        var filter = new EventFilter(request.Country, actorIds is null ? request.Actor : null, Periods.From(request.From), Periods.To(request.To), request.Dataset,
            request.Type, request.Limit, ActorIds: actorIds, Admin1Ids: provinces, Admin2Ids: districts, IncludeAmbiguous: request.IncludeAmbiguous, AgainstActorIds: againstIds);
        if (request.AsOf is { } asOf)
        {
            filter = filter with
            {
                AsOfImport = store.FindImport(asOf)
                    ?? throw new DyadException(DyadErrorKind.NotFound, $"{name("as-of")} {asOf}: no import of that release, file or id in the store ('dyad stats' lists the files)."),
            };
        }

        Func<StoredEvent, bool>? keep = null;
        if (request.Unclaimed)
        {
            var labels = new PerpetratorLabels(actors(), gazetteer());
            keep = stored => labels.ToAttack(stored).Status == PerpetratorStatus.Unknown;
            notes.Add($"{name("unclaimed")}: attacks whose perpetrator the source does not know (not the source's claim flag).");
        }

        return new ResolvedEventRequest(filter, notes) { Keep = keep };
    }

    /// <summary>
    /// How many more events the filter's actor would match with the events whose source leaves it open between it and
    /// another; 0 when the filter names no registered actor or already includes them.
    /// </summary>
    public static long AmbiguousLeftOut(IEventStore store, EventFilter filter) =>
        filter.ActorIds is null || filter.IncludeAmbiguous ? 0 : store.CountEvents(filter with { IncludeAmbiguous = true, Limit = null }) - store.CountEvents(filter with { Limit = null });

    /// <summary>The gazetteer units a province or district name means; refuses a name that means none or several.</summary>
    private IReadOnlyList<string> Units(string name, int level, string? country, List<string> notes, string option)
    {
        var places = gazetteer();
        var kind = level == 1 ? "province" : "district";
        if (places.Find(name) is { } byId && byId.Level == level)
        {
            return [byId.Id];
        }

        var match = places.Resolve(name, country, level);
        var units = match.Candidates.Where(c => c.Unit is not null).Select(c => c.Unit!).ToList();
        if (units.Count == 0)
        {
            throw DyadException.BadUsage($"'{name}' is no {kind} in the gazetteer ('dyad places resolve {name}' shows what it may be).");
        }

        if (units.Count > 1)
        {
            throw DyadException.BadUsage($"'{name}' could be {string.Join(", ", units.Select(u => $"{u.Name} ({u.Id})"))}: name one of these ids.");
        }

        notes.Add($"{option} {name}: {units[0].Name} ({units[0].Id}), matched {match.Method.ToString().ToLowerInvariant()}.");
        return [units[0].Id];
    }
}
