using Dyad.Attribution.Evaluation;

namespace Dyad.Attribution.Calibration;

/// <summary>
/// The top-probability thresholds for "attributed" and "leaning", chosen on validation data: the lowest threshold at
/// which the attacks at or above it were attributed with the target accuracy — by the lower end of the accuracy's
/// one-sided 95% confidence interval (Wilson), not its point estimate, because a validation slice of a few hundred
/// attacks that happened to be easy would otherwise set a threshold the next months cannot keep. <see cref="Family"/> is
/// the same for a family of groups, chosen on the validation attacks the group threshold leaves unattributed: "attributed
/// to Baloch separatists (97%); most likely BRA (61%)" where no one group reaches its threshold.
/// </summary>
public sealed record VerdictThresholds(double Attributed, double Leaning, double Family = 1.0)
{
    /// <summary>With fewer validation attacks than this, the thresholds are the target accuracies themselves (trusting the calibration).</summary>
    public const int MinimumValidation = 30;

    /// <summary>Evidence below this (see the feature builder) caps the verdict at "leaning"; zero evidence is "cannot tell".</summary>
    public const int PlaceEvidence = 2;

    public static VerdictThresholds Choose(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth, double attributedAccuracy, double leaningAccuracy, FamilyLevel? families = null)
    {
        var groups = probabilities.Select((p, i) => (Confidence: (double)p.Max(), Correct: ClassificationMetrics.ArgMax(p) == truth[i])).ToList();
        var attributed = Threshold(groups, attributedAccuracy);
        var family = 1.0;
        if (families is { Any: true })
        {
            var left = Enumerable.Range(0, probabilities.Count)
                .Select(i => (Units: families.Aggregate(probabilities[i]), Truth: families.UnitOf(truth[i]), Group: groups[i].Confidence))
                .Where(v => v.Group < attributed && families.IsFamily[ClassificationMetrics.ArgMax(v.Units)])
                .Select(v => (Confidence: (double)v.Units.Max(), Correct: ClassificationMetrics.ArgMax(v.Units) == v.Truth))
                .ToList();
            family = Threshold(left, attributedAccuracy);
        }

        return new(attributed, Threshold(groups, leaningAccuracy), family);
    }

    public Verdict For(double topProbability, int evidence) =>
        evidence == 0 ? Verdict.CannotTell
        : topProbability >= Attributed && evidence >= PlaceEvidence ? Verdict.Attributed
        : topProbability >= Leaning ? Verdict.Leaning
        : Verdict.CannotTell;

    /// <summary>The verdict and the level it is given at: a group, or, when no group reaches its threshold, a family.</summary>
    public (Verdict Verdict, AttributionLevel Level) For(float[] probabilities, FamilyLevel families, int evidence)
    {
        var verdict = For(probabilities.Max(), evidence);
        if (verdict == Verdict.Attributed || evidence < PlaceEvidence || !families.Any)
        {
            return (verdict, AttributionLevel.Group);
        }

        var (top, probability) = families.Top(probabilities);
        return families.IsFamily[top] && probability >= Family ? (Verdict.Attributed, AttributionLevel.Family) : (verdict, AttributionLevel.Group);
    }

    private static double Threshold(List<(double Confidence, bool Correct)> outcomes, double accuracy)
    {
        if (outcomes.Count < MinimumValidation)
        {
            return accuracy;
        }

        var ranked = outcomes.OrderByDescending(r => r.Confidence).ToList();
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
