using Dyad.Attribution.Calibration;
using Dyad.Attribution.Explaining;

namespace Dyad.App.Views;

/// <summary>
/// An attribution as JSON shows it: the attack, the verdict and the level it names (a group, or a family of groups with
/// the group it leans to), the verdict in words, the probabilities, the drivers and similar attacks.
/// </summary>
public sealed record AttributionView(
    long? EventId,
    string Dataset,
    string DatasetId,
    string Date,
    string? Country,
    string? Province,
    string? Place,
    string? SourcePerpetrator,
    Verdict Verdict,
    AttributionLevel Level,
    string Summary,
    string TopGroup,
    double TopProbability,
    string? Family,
    double? FamilyProbability,
    int Evidence,
    IReadOnlyList<GroupProbability> Probabilities,
    IReadOnlyList<Driver> Drivers,
    IReadOnlyList<SimilarAttack> Similar)
{
    public static AttributionView Of(AttackAttribution a)
    {
        var e = a.Attack.Event;
        return new AttributionView(a.Attack.EventId >= 0 ? a.Attack.EventId : null, e.Dataset, e.DatasetId, e.Date.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            e.Place.Country, e.Place.Admin1, e.Place.Name, e.Actors.Actor1, a.Verdict, a.Level, a.Summary, a.Top.Name, Math.Round(a.Top.Probability, 4),
            a.Family?.Name, a.Family is { } f ? Math.Round(f.Probability, 4) : null, a.Evidence,
            [.. a.Probabilities.Select(p => p with { Probability = Math.Round(p.Probability, 4) })], a.Drivers, a.Similar);
    }
}
