namespace Dyad.Attribution.Calibration;

/// <summary>
/// The top-probability thresholds for "attributed" and "leaning", chosen on validation data: the lowest threshold at
/// which the attacks at or above it were attributed with the target accuracy — by the lower end of the accuracy's
/// one-sided 95% confidence interval (Wilson), not its point estimate, because a validation slice of a few hundred
/// attacks that happened to be easy would otherwise set a threshold the next months cannot keep.
/// </summary>
public sealed record VerdictThresholds(double Attributed, double Leaning)
{
    /// <summary>With fewer validation attacks than this, the thresholds are the target accuracies themselves (trusting the calibration).</summary>
    public const int MinimumValidation = 30;

    /// <summary>Evidence below this (see the feature builder) caps the verdict at "leaning"; zero evidence is "cannot tell".</summary>
    public const int PlaceEvidence = 2;

    public static VerdictThresholds Choose(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth, double attributedAccuracy, double leaningAccuracy) =>
        new(Threshold(probabilities, truth, attributedAccuracy), Threshold(probabilities, truth, leaningAccuracy));

    public Verdict For(double topProbability, int evidence) =>
        evidence == 0 ? Verdict.CannotTell
        : topProbability >= Attributed && evidence >= PlaceEvidence ? Verdict.Attributed
        : topProbability >= Leaning ? Verdict.Leaning
        : Verdict.CannotTell;

    private static double Threshold(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth, double accuracy)
    {
        if (probabilities.Count < MinimumValidation)
        {
            return accuracy;
        }

        var ranked = Enumerable.Range(0, probabilities.Count)
            .Select(i => (Confidence: (double)probabilities[i].Max(), Correct: Array.IndexOf(probabilities[i], probabilities[i].Max()) == truth[i]))
            .OrderByDescending(r => r.Confidence)
            .ToList();
        var threshold = 1.0;
        var correct = 0;
        for (var n = 0; n < ranked.Count; n++)
        {
            correct += ranked[n].Correct ? 1 : 0;
            // Cut only between distinct confidences: attacks with equal probabilities get the same verdict.
            var atBoundary = n == ranked.Count - 1 || ranked[n + 1].Confidence < ranked[n].Confidence;
            if (atBoundary && WilsonLowerBound(correct, n + 1) >= accuracy)
            {
                threshold = ranked[n].Confidence;
            }
        }

        return threshold;
    }

    /// <summary>The lower end of the one-sided 95% Wilson score interval for a proportion.</summary>
    internal static double WilsonLowerBound(int successes, int trials)
    {
        const double Z = 1.6449;
        var p = (double)successes / trials;
        var z2 = Z * Z / trials;
        return (p + (z2 / 2) - (Z * Math.Sqrt((p * (1 - p) / trials) + (z2 / trials / 4)))) / (1 + z2);
    }
}
