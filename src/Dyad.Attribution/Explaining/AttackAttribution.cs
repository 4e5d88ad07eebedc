using Dyad.Attribution.Attacks;
using Dyad.Attribution.Calibration;

namespace Dyad.Attribution.Explaining;

/// <summary>Who most likely carried out an attack, how sure that is, why, and which earlier attacks it resembles.</summary>
/// <param name="Evidence">How much of the attack is known (place 2, attack, weapon and target types 1 each); 0 means nothing to go on.</param>
/// <param name="Level">What the verdict names: the top group, or (attributed only) the top family, within which <see cref="Top"/> is the lean.</param>
/// <param name="Family">The most likely family of groups, when the most likely unit one level up is a family of two or more groups.</param>
public sealed record AttackAttribution(
    Attack Attack,
    IReadOnlyList<GroupProbability> Probabilities,
    Verdict Verdict,
    int Evidence,
    IReadOnlyList<Driver> Drivers,
    IReadOnlyList<SimilarAttack> Similar,
    AttributionLevel Level = AttributionLevel.Group,
    GroupProbability? Family = null)
{
    public GroupProbability Top => Probabilities[0];

    /// <summary>The verdict in one line, as an analyst would say it.</summary>
    public string Summary => (Verdict, Level) switch
    {
        (Verdict.Attributed, AttributionLevel.Family) => $"Attributed to {Family!.Name} ({Percent(Family.Probability)}); most likely {Top.Name} ({Percent(Top.Probability)}).",
        (Verdict.Attributed, _) => $"Attributed to {Top.Name} ({Percent(Top.Probability)}).",
        (Verdict.Leaning, _) => $"Leaning toward {Top.Name} ({Percent(Top.Probability)}): not sure enough to attribute at the model's threshold.",
        _ when Evidence == 0 => "Cannot tell: nothing of the attack's place or manner is known.",
        _ => $"Cannot tell: nothing can be attributed at the model's threshold; the most likely group, {Top.Name}, has only {Percent(Top.Probability)}.",
    };

    private static string Percent(double p) => p.ToString("0%", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="Group">The class: an actor id, <c>name:</c> and a source's name, or "other".</param>
public sealed record GroupProbability(string Group, string Name, double Probability);

/// <summary>
/// One thing about the attack that moved the probabilities: <see cref="Change"/> is how much lower the group's
/// probability would be without it (the feature set to unknown, all else kept); negative when it pushed against the group.
/// </summary>
public sealed record Driver(string Feature, string Value, string Group, double Change);

/// <summary>An earlier attack with a known perpetrator that resembles this one, and in what.</summary>
/// <param name="Reference">Where a user finds it in its source (see <see cref="Attack.SourceReference"/>).</param>
public sealed record SimilarAttack(long EventId, string Dataset, string DatasetId, DateOnly Date, string Perpetrator, string? Place, double? DistanceKm, IReadOnlyList<string> Shared,
    string Reference);
