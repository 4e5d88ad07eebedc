using Dyad.Actors;
using Dyad.Events;
using Dyad.Names;
using Dyad.Places;
using Dyad.Store;

namespace Dyad.Attribution.Attacks;

/// <summary>
/// Who carried out an event, by dataset: GTD's perpetrator group (<c>gname</c>); ACLED's first actor of violence against
/// civilians and of explosions/remote violence; UCDP's side A of one-sided violence and the non-state side of a
/// state-based conflict. A battle between two non-state groups (UCDP non-state conflict, ACLED battles) has no single
/// perpetrator and is left out, as are UCDP's yearly tables. Unknown and unidentified actors ("Unknown", ACLED's
/// "Unidentified Armed Group (Afghanistan)", "Unidentified gunmen") are questions, never groups; a state's forces and the
/// militias on its side are marked (<see cref="Attack.ByStateForces"/>), to be candidates only when asked for; parties,
/// organisations, civilians and communal groups are not armed groups and their events are not attacks to attribute.
/// </summary>
public sealed class PerpetratorLabels(ActorRegistry registry, Gazetteer gazetteer)
{
    private const string UnknownPrefix = "name:";

    /// <summary>Turns a stored event into an attack with its perpetrator (or its lack of one).</summary>
    public Attack ToAttack(StoredEvent stored)
    {
        var (perpetrator, status) = Perpetrator(stored);
        var country = stored.Event.Place.Country ?? (stored.Units?.Admin1Id is { } province ? gazetteer.Find(province)?.Country : null);
        return new Attack(stored.Id, stored.Event, country, ProvinceKey(stored.Event, stored.Units), DistrictKey(stored.Event, stored.Units), perpetrator, status)
        {
            ByStateForces = perpetrator is not null && KindOf(perpetrator, stored.Event.Actors.Actor1) is "state" or "militia",
            SourceFile = stored.SourceFile,
            PlaceCommunity = gazetteer.Communities.At(stored.Units?.Admin1Id, stored.Units?.Admin2Id, stored.Event.Place.Latitude, stored.Event.Place.Longitude),
        };
    }

    /// <summary>
    /// A name fit to show for a group label: the registry's name without its parenthesis ("Afghan Taliban", not
    /// "Afghan Taliban (Islamic Emirate of Afghanistan)"), or the source's own name.
    /// </summary>
    public string Display(string group)
    {
        if (group.StartsWith(UnknownPrefix, StringComparison.Ordinal))
        {
            return group[UnknownPrefix.Length..];
        }

        return registry.Find(group)?.ShortName ?? group;
    }

    private (string?, PerpetratorStatus) Perpetrator(StoredEvent stored)
    {
        var e = stored.Event;
        if (e.Date.Precision == DatePrecision.Year && e.Dataset is not Datasets.Gtd)
        {
            return (null, PerpetratorStatus.NotAnAttack);
        }

        switch (e.Dataset)
        {
            case Datasets.Gtd:
                return Group(e.Actors.Actor1, stored.Actor1Ids);
            case Datasets.Acled when e.Category.Type is "Violence against civilians" or "Explosions/Remote violence":
                return Group(e.Actors.Actor1, stored.Actor1Ids);
            case Datasets.UcdpGed or Datasets.UcdpOneSided or Datasets.Analyst when e.Actors.Roles == ActorRoles.PerpetratorTarget:
                return Group(e.Actors.Actor1, stored.Actor1Ids);
            case Datasets.UcdpGed when e.Category.Type == "State-based conflict":
                var aIsState = IsState(stored.Actor1Ids, e.Actors.Actor1);
                var bIsState = IsState(stored.Actor2Ids, e.Actors.Actor2);
                return aIsState == bIsState ? (null, PerpetratorStatus.NotAnAttack)
                    : aIsState ? Group(e.Actors.Actor2, stored.Actor2Ids) : Group(e.Actors.Actor1, stored.Actor1Ids);
            default:
                return (null, PerpetratorStatus.NotAnAttack);
        }
    }

    private (string?, PerpetratorStatus) Group(string? name, IReadOnlyList<string> ids)
    {
        if (name is null)
        {
            return (null, PerpetratorStatus.Unknown);
        }

        if (ids.Count == 1)
        {
            return KindOf(ids[0], name) switch
            {
                "unspecified" => (null, PerpetratorStatus.Unknown),
                "party" or "organisation" or "civilians" or "communal" => (null, PerpetratorStatus.NotAnAttack),
                _ => (ids[0], PerpetratorStatus.Known),
            };
        }

        // Two or more ids: an "A and/or B" name that the registry keeps ambiguous, or a coalition — not one group.
        if (ids.Count > 1)
        {
            return (null, PerpetratorStatus.Unknown);
        }

        return IsUnidentified(name) ? (null, PerpetratorStatus.Unknown) : (UnknownPrefix + name, PerpetratorStatus.Known);
    }

    /// <summary>"Unknown", "Unidentified gunmen", "Unidentified Armed Group (…)": the source does not know who it was.</summary>
    public static bool IsUnidentified(string name)
    {
        var normalized = NameText.Normalize(name);
        return normalized.StartsWith("unknown", StringComparison.Ordinal) || normalized.StartsWith("unidentified", StringComparison.Ordinal);
    }

    /// <summary>
    /// The registry's kind of an actor. An actor a pattern names ("unidentified-armed-group", "government-of-iran") is
    /// known to this process only once a name has resolved to it, so the source's name is resolved again when needed.
    /// </summary>
    private string? KindOf(string id, string? name)
    {
        if (registry.Find(id) is { } actor)
        {
            return actor.Kind;
        }

        if (name is not null)
        {
            registry.Resolve(name);
        }

        return registry.Find(id)?.Kind ?? (name is not null && IsUnidentified(name) ? "unspecified" : null);
    }

    private bool IsState(IReadOnlyList<string> ids, string? name) => ids.Count > 0 && ids.All(id => KindOf(id, name) == "state");

    private static string? ProvinceKey(DyadEvent e, PlaceAssignment? units) =>
        units?.Admin1Id ?? (e.Place.Admin1 is { } admin1 ? $"{NameText.Slug(e.Place.Country ?? "")}/{NameText.Slug(admin1)}" : null);

    private static string? DistrictKey(DyadEvent e, PlaceAssignment? units) =>
        units?.Admin2Id ?? (e.Place.Admin2 is { } admin2 && ProvinceKey(e, units) is { } province ? $"{province}/{NameText.Slug(admin2)}" : null);
}
