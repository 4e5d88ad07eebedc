using Dyad.Attribution.Attacks;
using Dyad.Attribution.Calibration;

namespace Dyad.Attribution.Explaining;

/// <summary>Who most likely carried out an attack, how sure that is, why, and which earlier attacks it resembles.</summary>
/// <param name="Evidence">How much of the attack is known (place 2, attack, weapon and target types 1 each); 0 means nothing to go on.</param>
public sealed record AttackAttribution(
    Attack Attack,
    IReadOnlyList<GroupProbability> Probabilities,
    Verdict Verdict,
    int Evidence,
    IReadOnlyList<Driver> Drivers,
    IReadOnlyList<SimilarAttack> Similar)
{
    public GroupProbability Top => Probabilities[0];
}

/// <param name="Group">The class: an actor id, <c>name:</c> and a source's name, or "other".</param>
public sealed record GroupProbability(string Group, string Name, double Probability);

/// <summary>
/// One thing about the attack that moved the probabilities: <see cref="Change"/> is how much lower the group's
/// probability would be without it (the feature set to unknown, all else kept).
/// </summary>
public sealed record Driver(string Feature, string Value, string Group, double Change);

/// <summary>An earlier attack with a known perpetrator that resembles this one, and in what.</summary>
public sealed record SimilarAttack(long EventId, string Dataset, string DatasetId, DateOnly Date, string Perpetrator, string? Place, double? DistanceKm, IReadOnlyList<string> Shared);
