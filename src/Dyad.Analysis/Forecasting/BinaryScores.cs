namespace Dyad.Analysis.Forecasting;

/// <summary>
/// How good probabilities of "at least one event" were: Brier score, log-loss, the area under the ROC curve (null when
/// every case had the same outcome) and the expected calibration error over ten equal-width bins, as scikit-learn and
/// the peer script compute them.
/// </summary>
public sealed record BinaryScores(int Count, double BaseRate, double Brier, double LogLoss, double? Auc, double ExpectedCalibrationError)
{
    private const double Clip = 1e-6;

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
        return new BinaryScores(n, (double)positives / n, brier / n, logLoss / n, AreaUnderCurve(probabilities, outcomes, positives), Ece(probabilities, outcomes));
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
