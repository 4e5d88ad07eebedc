using System.Globalization;
using Dyad.Actors;
using Dyad.Incidents;
using Dyad.Store;

namespace Dyad.App.Incidents;

/// <summary>
/// How the linker judges two events: each piece of evidence for and against, the points against the threshold, and
/// whether the two are one incident now (by the scores, or by an analyst's decision).
/// </summary>
/// <param name="Points">The evidence's points; null where the pair is too far apart, or an event too vague, to be scored.</param>
/// <param name="Threshold">The points a pair needs to be linked (two rows of one dataset need every point and more).</param>
/// <param name="Reasons">The evidence, for and against; or why the pair cannot be scored.</param>
/// <param name="SameIncident">Whether the store holds them in one incident now.</param>
public sealed record LinkComparison(long EventA, long EventB, double? Points, double Threshold, bool Accepted, IReadOnlyList<string> Reasons, bool SameIncident);

/// <summary>Compares two events as the linker does (<c>dyad incidents compare</c>): the answer to "why are these (not) linked?".</summary>
public static class LinkComparisons
{
    /// <param name="a">An event by the store's id or DATASET:ID.</param>
    /// <exception cref="DyadException">NotFound: an event that is not in the store.</exception>
    public static LinkComparison Compare(IEventStore store, ActorRegistry actors, string a, string b)
    {
        var (idA, idB) = (Find(store, a), Find(store, b));
        if (idA == idB)
        {
            throw DyadException.BadUsage($"'{a}' and '{b}' are the same event: name two.");
        }

        var same = store.Incidents(new IncidentFilter(EventId: idA)).FirstOrDefault()?.Events.Any(e => e.Id == idB) == true;
        if (store.LinkPair(idA, idB) is not { } pair)
        {
            return new LinkComparison(idA, idB, null, LinkScorer.CrossDatasetThreshold, false,
                ["one of them cannot be linked at all: it is dated only to the year or over more than a month, or has neither a point nor a district"], same);
        }

        var within = pair.A.Dataset == pair.B.Dataset;
        var threshold = within ? LinkScorer.WithinDatasetThreshold : LinkScorer.CrossDatasetThreshold;
        if (new LinkScorer(actors).Score(pair) is not { } score)
        {
            var gap = LinkScorer.DayGap(pair.A, pair.B);
            return new LinkComparison(idA, idB, null, threshold, false,
                [gap > 1 ? string.Create(CultureInfo.InvariantCulture, $"{gap} days apart: reports of one incident are a day apart at most")
                    : $"more than {LinkScorer.MaxKilometres:0} km apart (or no point to compare) and not in one district"], same);
        }

        return new LinkComparison(idA, idB, Math.Round(score.Points, 2), threshold, score.Accepted, score.Reasons, same);
    }

    private static long Find(IEventStore store, string reference) => store.FindEvent(reference)
        ?? throw new DyadException(DyadErrorKind.NotFound, $"No event '{reference}' in the store: name it by the id 'dyad events' shows, or as DATASET:ID.");
}
