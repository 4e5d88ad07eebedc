namespace Dyad.Attribution.Evaluation;

/// <summary>How well probabilities for a set of attacks match who carried them out.</summary>
/// <param name="CoverageAtAccuracy">For 90%, 95% and 99% accuracy: the largest share of attacks that can be attributed, taking the most confident first, at that accuracy.</param>
public sealed record ClassificationMetrics(
    int Count,
    double Accuracy,
    double MacroF1,
    double LogLoss,
    double Brier,
    double ExpectedCalibrationError,
    IReadOnlyList<ClassMetrics> Classes,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyList<CoveragePoint> CoverageAtAccuracy)
{
    public static readonly double[] CoverageTargets = [0.90, 0.95, 0.99];
    private const int Bins = 10;
    private const double Floor = 1e-12;

    /// <summary>Scores predictions against the truth (indexes into <paramref name="classes"/>).</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth, IReadOnlyList<string> classes)
    {
        var n = probabilities.Count;
        if (n == 0)
        {
            return new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, [], [], []);
        }

        var predicted = probabilities.Select(ArgMax).ToArray();
        var correct = Enumerable.Range(0, n).Count(i => predicted[i] == truth[i]);
        double logLoss = 0, brier = 0;
        for (var i = 0; i < n; i++)
        {
            logLoss -= Math.Log(Math.Max(probabilities[i][truth[i]], Floor));
            for (var k = 0; k < classes.Count; k++)
            {
                var target = k == truth[i] ? 1.0 : 0.0;
                brier += (probabilities[i][k] - target) * (probabilities[i][k] - target);
            }
        }

        // Macro-F1 over the classes that occur in the truth or the predictions, as scikit-learn's f1_score does.
        var perClass = new List<ClassMetrics>();
        for (var k = 0; k < classes.Count; k++)
        {
            var support = truth.Count(t => t == k);
            var predictedCount = predicted.Count(p => p == k);
            if (support == 0 && predictedCount == 0)
            {
                continue;
            }

            var truePositives = Enumerable.Range(0, n).Count(i => truth[i] == k && predicted[i] == k);
            var precision = predictedCount == 0 ? 0 : (double)truePositives / predictedCount;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(classes[k], support, predictedCount, precision, recall, f1));
        }

        var confidence = probabilities.Select(p => (double)p.Max()).ToArray();
        var reliability = new List<ReliabilityBin>();
        double ece = 0;
        for (var b = 0; b < Bins; b++)
        {
            double low = (double)b / Bins, high = (double)(b + 1) / Bins;
            var members = Enumerable.Range(0, n).Where(i => confidence[i] > low && confidence[i] <= high).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var meanConfidence = members.Average(i => confidence[i]);
            var accuracy = members.Average(i => predicted[i] == truth[i] ? 1.0 : 0.0);
            ece += (double)members.Count / n * Math.Abs(accuracy - meanConfidence);
            reliability.Add(new ReliabilityBin(low, high, members.Count, meanConfidence, accuracy));
        }

        return new ClassificationMetrics(n, (double)correct / n, perClass.Average(c => c.F1), logLoss / n, brier / n, ece, perClass, reliability,
            [.. CoverageTargets.Select(target => Coverage(confidence, predicted, truth, target))]);
    }

    public static int ArgMax(float[] probabilities)
    {
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }

        return best;
    }

    private static CoveragePoint Coverage(double[] confidence, int[] predicted, IReadOnlyList<int> truth, double target)
    {
        var order = Enumerable.Range(0, confidence.Length).OrderByDescending(i => confidence[i]).ToArray();
        int correct = 0, best = 0;
        double threshold = 1.0, accuracyAtBest = double.NaN;
        for (var r = 0; r < order.Length; r++)
        {
            correct += predicted[order[r]] == truth[order[r]] ? 1 : 0;
            var atBoundary = r == order.Length - 1 || confidence[order[r + 1]] < confidence[order[r]];
            if (atBoundary && (double)correct / (r + 1) >= target)
            {
                best = r + 1;
                threshold = confidence[order[r]];
                accuracyAtBest = (double)correct / best;
            }
        }

        return new CoveragePoint(target, (double)best / confidence.Length, threshold, accuracyAtBest);
    }
}

public sealed record ClassMetrics(string Group, int Support, int Predicted, double Precision, double Recall, double F1);

/// <summary>Attacks whose top probability fell in (Low, High]: how confident the model was, and how often it was right.</summary>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanConfidence, double Accuracy);

/// <summary>At <see cref="Accuracy"/> or better, <see cref="Coverage"/> of the attacks can be attributed (top probability ≥ <see cref="Threshold"/>).</summary>
public sealed record CoveragePoint(double Accuracy, double Coverage, double Threshold, double AchievedAccuracy);
