namespace Dyad.Analysis.Forecasting;

/// <summary>
/// How good probabilities of "at least one event" were: Brier score, log-loss, the area under the ROC curve (null when
/// every case had the same outcome) and the expected calibration error over ten equal-width bins, as scikit-learn and
/// the peer script compute them.
/// </summary>
public sealed record BinaryScores(int Count, double BaseRate, double Brier, double LogLoss, double? Auc, double ExpectedCalibrationError)
{
    private const double Clip = 1e-6;

    /// <summary>
    /// The reliability table: the cases in ten groups of equal size by their forecast (deciles, not equal-width bins,
    /// because a rare event's forecasts would all fall in the first bin), each group's mean forecast beside how often
    /// the event came. A calibrated forecast has the two close in every row.
    /// </summary>
    public IReadOnlyList<ReliabilityRow> Reliability { get; init; } = [];

    public static BinaryScores Of(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        var n = probabilities.Count;
        if (n == 0 || n != outcomes.Count)
        {
            throw new ArgumentException("one outcome per probability, and at least one", nameof(outcomes));
        }

        double brier = 0, logLoss = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], Clip, 1 - Clip);
            var y = outcomes[i] ? 1.0 : 0.0;
            brier += (p - y) * (p - y);
            logLoss -= (y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p));
        }

        var positives = outcomes.Count(o => o);
        return new BinaryScores(n, (double)positives / n, brier / n, logLoss / n, AreaUnderCurve(probabilities, outcomes, positives), Ece(probabilities, outcomes))
        {
            Reliability = Deciles(probabilities, outcomes),
        };
    }

    private static List<ReliabilityRow> Deciles(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        var rows = new List<ReliabilityRow>();
        for (var d = 0; d < 10; d++)
        {
            var (from, to) = (d * order.Length / 10, (d + 1) * order.Length / 10);
            if (to > from)
            {
                var cases = order[from..to];
                rows.Add(new ReliabilityRow(d + 1, cases.Length, cases.Average(i => probabilities[i]), cases.Average(i => outcomes[i] ? 1.0 : 0.0)));
            }
        }

        return rows;
    }

    /// <summary>The Mann–Whitney statistic: the chance a random positive is ranked above a random negative, ties counting half.</summary>
    private static double? AreaUnderCurve(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, int positives)
    {
        var negatives = outcomes.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        double rankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                rankSum += outcomes[order[k]] ? rank : 0;
            }

            start = end + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static double Ece(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, int bins = 10)
    {
        var count = new int[bins];
        var sumP = new double[bins];
        var sumY = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            // Bins (lo, hi], the first [0, hi]: a probability of exactly 0.1 falls in the first.
            var bin = Math.Clamp((int)Math.Ceiling(probabilities[i] * bins) - 1, 0, bins - 1);
            count[bin]++;
            sumP[bin] += probabilities[i];
            sumY[bin] += outcomes[i] ? 1 : 0;
        }

        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += (double)count[b] / probabilities.Count * Math.Abs((sumY[b] / count[b]) - (sumP[b] / count[b]));
            }
        }

        return ece;
    }
}

/// <summary>One decile of forecasts: how many cases, their mean forecast, and the share in which the event came.</summary>
public sealed record ReliabilityRow(int Decile, int Count, double MeanForecast, double Observed);
