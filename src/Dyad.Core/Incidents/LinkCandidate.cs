using Dyad.Events;

namespace Dyad.Incidents;

/// <summary>What the linker reads of one event: when, where, who, how, and how many died.</summary>
/// <param name="Actor1Ids">The registry's ids for the first actor (perpetrator or side A); empty when unresolved.</param>
/// <param name="Deaths">The source's best figure for all deaths; null when it does not say.</param>
/// <param name="PartOfMultiple">GTD's flag for one of several coordinated attacks: each is an event of its own.</param>
/// <param name="WordsHash">A hash of the report's words (its notes): two rows of one dataset with the same words are one report repeated.</param>
public sealed record LinkSide(
    long EventId,
    string Dataset,
    string DatasetId,
    DateOnly Start,
    DateOnly End,
    DatePrecision Precision,
    double? Latitude,
    double? Longitude,
    string? Admin1Id,
    string? Admin2Id,
    ActorRoles Roles,
    string? Actor1,
    string? Actor2,
    IReadOnlyList<string> Actor1Ids,
    IReadOnlyList<string> Actor2Ids,
    AttackManner Manner,
    int? Deaths,
    bool? PartOfMultiple = null,
    string? WordsHash = null)
{
    public bool HasPoint => Latitude is not null && Longitude is not null;
}

/// <summary>Two events close enough in time and space to be worth scoring as reports of one incident.</summary>
public sealed record LinkCandidate(LinkSide A, LinkSide B);
