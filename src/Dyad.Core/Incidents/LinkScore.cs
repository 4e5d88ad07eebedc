namespace Dyad.Incidents;

/// <summary>How a pair of events was judged, and why.</summary>
/// <param name="Score">From 0 to 1: the evidence points over the most a pair can earn.</param>
/// <param name="Rule">Which rule judged it (see <see cref="LinkRules"/>).</param>
/// <param name="Reasons">The evidence, for and against, in an analyst's words.</param>
/// <param name="Points">The evidence's points, for and against (see <see cref="LinkScorer"/>), before they are made a score.</param>
public sealed record LinkScore(double Score, string Rule, IReadOnlyList<string> Reasons, bool Accepted, double Points = 0);

/// <summary>The rules that make links.</summary>
public static class LinkRules
{
    /// <summary>Events from two datasets, scored on time, place, manner, deaths and actors.</summary>
    public const string CrossDataset = "cross-dataset";

    /// <summary>Two rows of one dataset that agree on everything: the source's own duplicate.</summary>
    public const string WithinDataset = "within-dataset";

    /// <summary>An analyst said the two events are one incident.</summary>
    public const string Analyst = "analyst";
}
