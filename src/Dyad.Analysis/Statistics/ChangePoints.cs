namespace Dyad.Analysis.Statistics;

/// <summary>
/// Turning points in a series of counts by binary segmentation: split where a change of Poisson rate gains the most
/// log-likelihood, keep the split if the gain beats a BIC penalty (log n per added rate), and recurse on both halves.
/// </summary>
public static class ChangePoints
{
    public static IReadOnlyList<int> Find(IReadOnlyList<double> counts, int minimumSegment = 3)
    {
        var found = new List<int>();
        var penalty = Math.Log(Math.Max(counts.Count, 2));
        Split(counts, 0, counts.Count, minimumSegment, penalty, found);
        found.Sort();
        return found;
    }

    private static void Split(IReadOnlyList<double> counts, int start, int end, int minimum, double penalty, List<int> found)
    {
        if (end - start < 2 * minimum)
        {
            return;
        }

        var whole = LogLikelihood(counts, start, end);
        var best = -1;
        var bestGain = 0.0;
        for (var cut = start + minimum; cut <= end - minimum; cut++)
        {
            var gain = LogLikelihood(counts, start, cut) + LogLikelihood(counts, cut, end) - whole;
            if (gain > bestGain)
            {
                bestGain = gain;
                best = cut;
            }
        }

        if (best < 0 || bestGain <= penalty)
        {
            return;
        }

        found.Add(best);
        Split(counts, start, best, minimum, penalty, found);
        Split(counts, best, end, minimum, penalty, found);
    }

    /// <summary>The Poisson log-likelihood of a segment at its own mean rate (without the constant log y! terms).</summary>
    private static double LogLikelihood(IReadOnlyList<double> counts, int start, int end)
    {
        double sum = 0;
        for (var i = start; i < end; i++)
        {
            sum += counts[i];
        }

        var rate = sum / (end - start);
        return rate <= 0 ? 0 : (sum * Math.Log(rate)) - sum;
    }
}
