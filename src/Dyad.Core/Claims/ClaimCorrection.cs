using System.Globalization;
using Dyad.Actors;
using Dyad.Places;

namespace Dyad.Claims;

/// <summary>
/// An analyst's correction of one field of a claim, written <c>field=value</c> (<c>killed=4</c>,
/// <c>claimant=ISKP</c>, <c>place=Chapa Dara</c>, <c>event_date=2019-11-14</c>); an empty value clears the field.
/// Groups go through the registry and places through the gazetteer, as the parser's do.
/// </summary>
public sealed class ClaimCorrection(ActorRegistry registry, Gazetteer gazetteer)
{
    public static IReadOnlyList<string> Fields { get; } =
    [
        "claimant", "target", "accused", "target_community", "stance", "killed", "wounded", "killed_or_wounded", "weapon", "weapon_count", "place", "event_date", "statement_date",
        "channel", "translation", "language",
    ];

    /// <exception cref="DyadException">BadUsage: not field=value, an unknown field, or a value that field cannot take.</exception>
    public Claim Apply(Claim claim, string assignment)
    {
        var cut = assignment.IndexOf('=', StringComparison.Ordinal);
        if (cut <= 0)
        {
            throw DyadException.BadUsage($"--set {assignment}: write field=value, e.g. killed=4 (fields: {string.Join(", ", Fields)}).");
        }

        var field = assignment[..cut].Trim().ToLowerInvariant().Replace('-', '_');
        var value = assignment[(cut + 1)..].Trim();
        var empty = value.Length == 0;
        return field switch
        {
            "claimant" => empty ? claim with { ClaimantId = null, ClaimantName = null } : claim with { ClaimantId = Actor(value), ClaimantName = value },
            "target" => empty ? claim with { TargetId = null, TargetName = null } : claim with { TargetId = Actor(value), TargetName = value },
            "accused" => empty ? claim with { AccusedId = null, AccusedName = null } : claim with { AccusedId = Actor(value), AccusedName = value },
            "target_community" => claim with { TargetCommunity = empty ? null : value },
            "stance" => claim with { Stance = Enum.TryParse<ClaimStance>(value, ignoreCase: true, out var stance) ? stance : throw Bad(field, value, "claim, denial or blame") },
            "killed" => claim with { Killed = Number(field, value) },
            "wounded" => claim with { Wounded = Number(field, value) },
            "killed_or_wounded" => claim with { KilledOrWounded = Number(field, value) },
            "weapon" => claim with { Weapon = empty ? null : value },
            "weapon_count" => claim with { WeaponCount = Number(field, value) },
            "place" => empty ? claim with { Place = null, Admin1Id = null, Admin2Id = null } : Place(claim, value),
            "event_date" => claim with { EventDate = Day(field, value) },
            "statement_date" => claim with { StatementDate = Day(field, value) },
            "channel" => claim with { Channel = empty ? null : value },
            "translation" => claim with { Translation = empty ? null : value },
            "language" => claim with { Language = empty ? null : value },
            _ => throw DyadException.BadUsage($"--set {assignment}: '{field}' is not a claim's field (fields: {string.Join(", ", Fields)})."),
        };
    }

    private string Actor(string name) =>
        registry.Lookup(name)?.Id ?? throw DyadException.BadUsage($"'{name}' is not one actor in the registry ('dyad actors resolve \"{name}\"').");

    private Claim Place(Claim claim, string name)
    {
        var match = gazetteer.Resolve(name);
        if (match.Method == PlaceMatchMethod.None || match.Candidates.Count == 0)
        {
            throw DyadException.BadUsage($"'{name}' is no place the gazetteer knows ('dyad places resolve \"{name}\"').");
        }

        var candidate = match.Candidates[0];
        var (admin1, admin2) = candidate.Unit is { } unit
            ? (unit.Level == 1 ? unit.Id : unit.ParentId, unit.Level == 2 ? unit.Id : null)
            : (candidate.Place?.Admin1Id, candidate.Place?.Admin2Id);
        return claim with { Place = name, Admin1Id = admin1, Admin2Id = admin2 };
    }

    private static int? Number(string field, string value) =>
        value.Length == 0 ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw Bad(field, value, "a whole number, or nothing to clear it");

    private static DateOnly? Day(string field, string value) =>
        value.Length == 0 ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw Bad(field, value, "a day written yyyy-MM-dd");

    private static DyadException Bad(string field, string value, string expected) =>
        DyadException.BadUsage($"--set {field}={value}: {field} takes {expected}.");
}
