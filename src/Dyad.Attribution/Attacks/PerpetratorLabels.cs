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
/// perpetrator and is left out, as are UCDP's yearly tables.
/// </summary>
public sealed class PerpetratorLabels(ActorRegistry registry, Gazetteer gazetteer)
{
    private const string UnknownPrefix = "name:";

    /// <summary>Turns a stored event into an attack with its perpetrator (or its lack of one).</summary>
    public Attack ToAttack(StoredEvent stored)
    {
        var (perpetrator, status) = Perpetrator(stored);
        var country = stored.Event.Place.Country ?? (stored.Units?.Admin1Id is { } province ? gazetteer.Find(province)?.Country : null);
        return new Attack(stored.Id, stored.Event, country, ProvinceKey(stored.Event, stored.Units), DistrictKey(stored.Event, stored.Units), perpetrator, status);
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
                var aIsState = IsState(stored.Actor1Ids);
                var bIsState = IsState(stored.Actor2Ids);
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
            return registry.Find(ids[0])?.Kind is "unspecified" or "civilians" ? (null, PerpetratorStatus.Unknown) : (ids[0], PerpetratorStatus.Known);
        }

        // Two or more ids: an "A and/or B" name that the registry keeps ambiguous, or a coalition — not one group.
        if (ids.Count > 1)
        {
            return (null, PerpetratorStatus.Unknown);
        }

        var normalized = NameText.Normalize(name);
        return normalized.StartsWith("unknown", StringComparison.Ordinal) || normalized.StartsWith("unidentified", StringComparison.Ordinal)
            ? (null, PerpetratorStatus.Unknown)
            : (UnknownPrefix + name, PerpetratorStatus.Known);
    }

    private bool IsState(IReadOnlyList<string> ids) => ids.Count > 0 && ids.All(id => registry.Find(id)?.Kind == "state");

    private static string? ProvinceKey(DyadEvent e, PlaceAssignment? units) =>
        units?.Admin1Id ?? (e.Place.Admin1 is { } admin1 ? $"{NameText.Slug(e.Place.Country ?? "")}/{NameText.Slug(admin1)}" : null);

    private static string? DistrictKey(DyadEvent e, PlaceAssignment? units) =>
        units?.Admin2Id ?? (e.Place.Admin2 is { } admin2 && ProvinceKey(e, units) is { } province ? $"{province}/{NameText.Slug(admin2)}" : null);
}
