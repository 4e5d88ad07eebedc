using System.Diagnostics;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Calibration;
using Dyad.Attribution.Features;
using Dyad.Attribution.Training;

namespace Dyad.Attribution.Evaluation;

/// <summary>
/// Trains on attacks before a day and tests on the attacks with a known perpetrator on and after it, whose perpetrators
/// it hides: the features of a test attack see only perpetrators known before the split. Scores the model and two
/// baselines (the majority group; the majority group of the attack's province), for all test attacks and separately
/// for claimed and unclaimed ones.
/// </summary>
public sealed class Backtest(AttributionSetting setting, TimeProvider clock)
{
    public BacktestReport Run(IReadOnlyList<Attack> attacks, DateOnly split, TrainingOptions options)
    {
        var watch = Stopwatch.StartNew();
        var model = new AttributionTrainer(setting, clock).Train(attacks, options with { Until = split });
        var trainSeconds = watch.Elapsed.TotalSeconds;
        var classes = model.Metadata.Classes;
        var inScope = AttributionTrainer.InScope(attacks, options).ToList();
        var training = inScope.Where(a => a.Status == PerpetratorStatus.Known && a.Date < split).ToList();
        var test = inScope.Where(a => a.Status == PerpetratorStatus.Known && a.Date >= split).OrderBy(a => a.Date).ThenBy(a => a.EventId).ToList();
        if (test.Count == 0)
        {
            throw DyadException.BadInput($"no attacks with a known perpetrator on or after {split:yyyy-MM-dd} in the data selected: nothing to test on.");
        }

        watch.Restart();
        var activity = new ActivityIndex(inScope, group => AttributionTrainer.ClassIndex(classes, group), horizon: split);
        var builder = new FeatureBuilder(model.Catalog, activity, setting.Neighbours, horizon: split);
        var rows = test.Select(a => builder.Build(a)).ToList();
        var probabilities = model.Probabilities(rows);
        var scoreSeconds = watch.Elapsed.TotalSeconds;
        var truth = test.Select(a => AttributionTrainer.ClassIndex(classes, a.Perpetrator!)).ToArray();

        var prior = Frequencies(training.Select(a => AttributionTrainer.ClassIndex(classes, a.Perpetrator!)), classes.Count, null);
        var byProvince = training.Where(a => a.Province is not null).GroupBy(a => a.Province!)
            .ToDictionary(g => g.Key, g => Frequencies(g.Select(a => AttributionTrainer.ClassIndex(classes, a.Perpetrator!)), classes.Count, prior));
        var majority = test.Select(_ => prior).ToArray();
        var provinceMajority = test.Select(a => a.Province is { } p && byProvince.TryGetValue(p, out var f) ? f : prior).ToArray();
        var verdicts = test.Select((a, i) => model.Metadata.Thresholds.For(probabilities[i].Max(), FeatureBuilder.Evidence(a.Event))).ToArray();

        var subsets = new (string Name, Func<Attack, bool> Member)[]
        {
            ("all", _ => true),
            ("claimed", a => a.Claimed == true),
            ("unclaimed", a => a.Claimed == false),
            ("claim not recorded", a => a.Claimed is null),
        };
        var results = new List<BacktestSubset>();
        foreach (var (name, member) in subsets)
        {
            var members = Enumerable.Range(0, test.Count).Where(i => member(test[i])).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var subsetTruth = members.Select(i => truth[i]).ToArray();
            results.Add(new BacktestSubset(
                name,
                ClassificationMetrics.Compute([.. members.Select(i => probabilities[i])], subsetTruth, classes),
                ClassificationMetrics.Compute([.. members.Select(i => majority[i])], subsetTruth, classes),
                ClassificationMetrics.Compute([.. members.Select(i => provinceMajority[i])], subsetTruth, classes),
                VerdictOutcome.Of(members.Select(i => (verdicts[i], ClassificationMetrics.ArgMax(probabilities[i]) == truth[i])))));
        }

        // Attacks their own source calls unknown but a linked report in another dataset names: how often does the model
        // name the same group? Not a test with a known answer — the other source may be wrong — but the question an
        // analyst asks of both.
        var named = inScope.Where(a => a.Status == PerpetratorStatus.Unknown && a.Date >= split && a.NamedElsewhere is { Kind: OutsideEvidenceKind.LinkedReport })
            .OrderBy(a => a.Date).ThenBy(a => a.EventId).ToList();
        var namedProbabilities = named.Count == 0 ? [] : model.Probabilities([.. named.Select(a => builder.Build(a))]);
        var agreed = named.Where((a, i) => ClassificationMetrics.ArgMax(namedProbabilities[i]) == AttributionTrainer.ClassIndex(classes, a.NamedElsewhere!.Group)).Count();

        return new BacktestReport(split, model.Metadata, training.Count, test.Count, [.. classes.Select(setting.Display)], results, trainSeconds, scoreSeconds,
            test.Count / Math.Max(scoreSeconds, 1e-9), new OutsideAgreement(named.Count, agreed));
    }

    /// <summary>Class frequencies, with one pseudo-attack spread by <paramref name="prior"/> (or evenly) so that no group is impossible.</summary>
    private static float[] Frequencies(IEnumerable<int> classes, int count, float[]? prior)
    {
        var counts = new double[count];
        foreach (var c in classes)
        {
            counts[c]++;
        }

        var total = counts.Sum() + 1;
        return [.. counts.Select((n, k) => (float)((n + (prior?[k] ?? 1.0 / count)) / total))];
    }
}

/// <summary>What a backtest found.</summary>
public sealed record BacktestReport(
    DateOnly Split,
    ModelMetadata Model,
    int TrainingAttacks,
    int TestAttacks,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<BacktestSubset> Subsets,
    double TrainSeconds,
    double ScoreSeconds,
    double AttacksScoredPerSecond,
    OutsideAgreement? NamedElsewhere = null);

/// <summary>Test-period attacks their own source calls unknown and another dataset's linked report names, and how many of them the model named alike.</summary>
public sealed record OutsideAgreement(int Attacks, int Agreed)
{
    public double Share => Attacks == 0 ? double.NaN : (double)Agreed / Attacks;
}

/// <summary>The model's and the baselines' figures on one subset of the test attacks, and what the verdicts did.</summary>
public sealed record BacktestSubset(string Name, ClassificationMetrics Model, ClassificationMetrics Majority, ClassificationMetrics ProvinceMajority, VerdictOutcome Verdicts);

/// <summary>How many test attacks got each verdict, and how often the top group was right among them.</summary>
public sealed record VerdictOutcome(int Attacks, int Attributed, double AttributedAccuracy, int Leaning, double LeaningAccuracy, int CannotTell)
{
    public double AttributedShare => Attacks == 0 ? 0 : (double)Attributed / Attacks;

    public static VerdictOutcome Of(IEnumerable<(Verdict Verdict, bool Correct)> outcomes)
    {
        var list = outcomes.ToList();
        var attributed = list.Where(o => o.Verdict == Verdict.Attributed).ToList();
        var leaning = list.Where(o => o.Verdict == Verdict.Leaning).ToList();
        return new VerdictOutcome(list.Count, attributed.Count, Share(attributed), leaning.Count, Share(leaning), list.Count(o => o.Verdict == Verdict.CannotTell));

        static double Share(List<(Verdict, bool Correct)> subset) => subset.Count == 0 ? double.NaN : subset.Average(o => o.Correct ? 1.0 : 0.0);
    }
}
