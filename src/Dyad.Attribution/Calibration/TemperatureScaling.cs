namespace Dyad.Attribution.Calibration;

/// <summary>
/// Temperature scaling (Guo et al., 2017): one number T that softens (T &gt; 1) or sharpens (T &lt; 1) every
/// probability vector as p_k^(1/T), renormalised — the same as dividing the model's raw scores by T. It keeps the
/// ranking of the classes and is fitted on time-ordered validation data by minimising the log-loss.
/// </summary>
public static class TemperatureScaling
{
    private const float Floor = 1e-9f;

    public static double Fit(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth)
    {
        if (probabilities.Count == 0)
        {
            return 1.0;
        }

        // Golden-section search on log T over [1/20, 20]: the log-loss is unimodal in T for a fixed set of scores. Forty
        // steps narrow the range to a millionth of itself; the logarithms are taken once.
        var logs = probabilities.Select(p => p.Select(v => Math.Log(Math.Max(v, Floor))).ToArray()).ToList();
        double low = Math.Log(0.05), high = Math.Log(20);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var step = 0; step < 40; step++)
        {
            var a = high - (ratio * (high - low));
            var b = low + (ratio * (high - low));
            if (LogLoss(logs, truth, Math.Exp(a)) < LogLoss(logs, truth, Math.Exp(b)))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        return Math.Exp((low + high) / 2);
    }

    public static float[] Apply(float[] probabilities, double temperature)
    {
        var scaled = new float[probabilities.Length];
        double sum = 0;
        for (var k = 0; k < scaled.Length; k++)
        {
            var value = Math.Exp(Math.Log(Math.Max(probabilities[k], Floor)) / temperature);
            scaled[k] = (float)value;
            sum += value;
        }

        for (var k = 0; k < scaled.Length; k++)
        {
            scaled[k] = (float)(scaled[k] / sum);
        }

        return scaled;
    }

    /// <summary>The mean log-loss of the scaled probabilities: −(log p_t / T − log Σ_k p_k^(1/T)), from the logarithms.</summary>
    private static double LogLoss(List<double[]> logs, IReadOnlyList<int> truth, double temperature)
    {
        double total = 0;
        for (var i = 0; i < logs.Count; i++)
        {
            var row = logs[i];
            var max = double.MinValue;
            foreach (var l in row)
            {
                max = Math.Max(max, l / temperature);
            }

            double sum = 0;
            foreach (var l in row)
            {
                sum += Math.Exp((l / temperature) - max);
            }

            total -= (row[truth[i]] / temperature) - max - Math.Log(sum);
        }

        return total / logs.Count;
    }
}
