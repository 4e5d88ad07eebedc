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

        // Golden-section search on log T over [1/20, 20]: the log-loss is unimodal in T for a fixed set of scores.
        double low = Math.Log(0.05), high = Math.Log(20);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var step = 0; step < 60; step++)
        {
            var a = high - (ratio * (high - low));
            var b = low + (ratio * (high - low));
            if (LogLoss(probabilities, truth, Math.Exp(a)) < LogLoss(probabilities, truth, Math.Exp(b)))
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

    private static double LogLoss(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth, double temperature)
    {
        double total = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            total -= Math.Log(Math.Max(Apply(probabilities[i], temperature)[truth[i]], Floor));
        }

        return total / probabilities.Count;
    }
}
