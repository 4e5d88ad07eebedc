using System.Diagnostics;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Calibration;
using Dyad.Attribution.Features;
using Dyad.Attribution.Training;

namespace Dyad.Attribution.Evaluation;

/// <summary>
/// Tests attribution as it is used: attacks are attributed step by step (a month or a quarter), each step by a model
/// trained on the attacks before it, whose features — per-group activity included — know the perpetrators of attacks
/// before the step and nothing after; the model is trained again every step, every quarter, or once. A single split is
/// one step from the split to the end. The groups are those of the first model (the rest "other"), at every step, so
/// that the steps pool. Scores the model and two baselines (the majority group; the province's majority group, both
/// from each step's training attacks) on every test attack and on the subsets a user can ask for, at the level of
/// groups and of families of groups, and what the verdicts did at each level.
/// </summary>
public sealed class Backtest(AttributionSetting setting, TimeProvider clock)
{
    /// <param name="progress">Hears of the plan before the first step (no estimate yet) and of each step done, with the time left.</param>
    /// <exception cref="DyadException">BadInput: no attacks with a known perpetrator from the first step on, or too few before it to train on.</exception>
    /// <exception cref="OperationCanceledException">
    /// Cancelled before a step was done. Cancelled later, the report of the steps done is returned, <see cref="BacktestReport.Stopped"/>:
    /// within a second, even in the middle of a training.
    /// </exception>
    public BacktestReport Run(IReadOnlyList<Attack> attacks, BacktestPlan plan, TrainingOptions options, IProgress<BacktestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var inScope = AttributionTrainer.InScope(attacks, options).ToList();
        var labelled = inScope.Where(a => a.Status == PerpetratorStatus.Known && (plan.To is not { } to || a.Date < to))
            .OrderBy(a => a.Date).ThenBy(a => a.EventId).ToList();
        if (!labelled.Any(a => a.Date >= plan.From))
        {
            throw DyadException.BadInput(plan.To is { } end
                ? $"no attacks with a known perpetrator from {plan.From:yyyy-MM-dd} up to {end:yyyy-MM-dd} (not included) in the data selected: nothing to test on."
                : $"no attacks with a known perpetrator on or after {plan.From:yyyy-MM-dd} in the data selected: nothing to test on.");
        }

        var calendar = plan.Step is { } length ? new StepCalendar(length, plan.From) : null;
        var training = options with { KnownFromStepStart = calendar };
        var schedule = new WalkForwardSchedule(plan, calendar, labelled, options);
        var trainer = new AttributionTrainer(setting, clock);
        var pooled = new List<Scored>();
        var results = new List<StepResult>();
        progress?.Report(schedule.Progress(0, TimeSpan.Zero));
        var elapsed = Stopwatch.StartNew();
        AttributionModel? model = null;
        (DateOnly From, Task<AttributionModel> Fit)? ahead = null;
        ModelChoice? choice = null;
        DateOnly trainedAt = default;
        double scoreSeconds = 0;
        int trainingAttacks = 0, named = 0, agreed = 0, searches = 0, stepsDone = 0;
        var stopped = false;
        TimeSpan? estimate = null;
        foreach (var step in schedule.Steps)
        {
            if (cancellationToken.IsCancellationRequested && results.Count > 0)
            {
                stopped = true;
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var (from, to) = (step.From, step.To);
            if (step.TestAttacks == 0)
            {
                stepsDone++;
                continue;
            }

            var test = labelled.Where(a => a.Date >= from && a.Date < to).ToList();
            double stepTrainSeconds = 0;
            if (step.Train)
            {
                var watch = Stopwatch.StartNew();
                var reuse = step.Search ? null : choice;
                IReadOnlyList<string> groups = model is null ? options.Groups : [.. model.Metadata.Classes.Where(c => c != AttributionTrainer.Other)];
                Task<AttributionModel> Fit(DateOnly until) => Task.Run(() => trainer.Train(attacks, training with { Until = until, Groups = groups }, reuse, cancellationToken), CancellationToken.None);
                var current = ahead is { From: var aheadFrom } && aheadFrom == from ? ahead.Value.Fit : Fit(from);
                // Between searches a training needs only the last search's choice, not the model before it: the next
                // one is fitted beside this one (each on one thread; see TrainingOptions.FitsAtOnce).
                ahead = reuse is not null && options.FitsAtOnce(step.TrainingAttacks) > 1 && NextTraining(schedule.Steps, step) is { Search: false } next
                    ? (next.From, Fit(next.From))
                    : null;
                try
                {
                    model = SideBySide.Finished(current, cancellationToken);
                }
                catch (OperationCanceledException) when (results.Count > 0)
                {
                    stopped = true;
                    break;
                }

                var searched = model.Metadata.ChoiceFrom is null;
                if (searched)
                {
                    choice = ModelChoice.Of(model.Metadata);
                    searches++;
                }

                trainedAt = from;
                trainingAttacks = trainingAttacks == 0 ? model.Metadata.TrainingAttacks : trainingAttacks;
                stepTrainSeconds = watch.Elapsed.TotalSeconds;
                schedule.Trained(model.Metadata.TrainingAttacks, searched, stepTrainSeconds);
            }

            var (scored, seconds) = Score(model!, inScope, labelled, test, from);
            scoreSeconds += seconds;
            var (stepNamed, stepAgreed) = Agreement(model!, inScope, from, to);
            named += stepNamed;
            agreed += stepAgreed;
            pooled.AddRange(scored);
            var metrics = ClassificationMetrics.Compute([.. scored.Select(s => s.Probabilities)], [.. scored.Select(s => s.Truth)], model!.Metadata.Classes);
            var outcome = VerdictOutcome.Of(scored.Select(s => s.Outcome));
            results.Add(new StepResult(from, to.AddDays(-1) < labelled[^1].Date ? to.AddDays(-1) : labelled[^1].Date, trainedAt, model.Metadata.TrainingAttacks, test.Count,
                metrics.Accuracy, metrics.MacroF1, metrics.Brier, outcome.AttributedAnyShare, outcome.AttributedAnyAccuracy, stepTrainSeconds)
            {
                Searched = step.Train && model.Metadata.ChoiceFrom is null,
            });
            schedule.Scored(seconds);
            var now = schedule.Progress(++stepsDone, elapsed.Elapsed);
            estimate ??= now.Elapsed + now.Remaining;
            progress?.Report(now);
        }

        var last = model!;
        var classes = last.Metadata.Classes;
        var families = last.Metadata.FamilyLevel;
        var subsets = new List<(string Name, Func<Attack, bool> Member)>
        {
            ("all", _ => true),
            ("claimed (the source's claim flag)", a => a.Claimed == true),
            ("not claimed (the source's claim flag; perpetrator known to the source)", a => a.Claimed == false),
            ("claim not recorded", a => a.Claimed is null && a.NamedElsewhere is not { Kind: OutsideEvidenceKind.Claim }),
            ("claimed in an analyst's record", a => a.NamedElsewhere is { Kind: OutsideEvidenceKind.Claim }),
        };
        var datasets = pooled.Select(s => s.Attack.Event.Dataset).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (datasets.Count > 1)
        {
            subsets.AddRange(datasets.Select(d => ($"dataset {d}", (Func<Attack, bool>)(a => a.Event.Dataset == d))));
        }

        var report = new List<BacktestSubset>();
        foreach (var (name, member) in subsets)
        {
            var members = pooled.Where(s => member(s.Attack)).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var truth = members.Select(s => s.Truth).ToArray();
            report.Add(new BacktestSubset(
                name,
                ClassificationMetrics.Compute([.. members.Select(s => s.Probabilities)], truth, classes),
                ClassificationMetrics.Compute([.. members.Select(s => s.Majority)], truth, classes),
                ClassificationMetrics.Compute([.. members.Select(s => s.ProvinceMajority)], truth, classes),
                VerdictOutcome.Of(members.Select(s => s.Outcome)),
                families.Any ? ClassificationMetrics.Compute([.. members.Select(s => families.Aggregate(s.Probabilities))], [.. truth.Select(families.UnitOf)],
                    [.. families.Units]) : null));
        }

        return new BacktestReport(plan.From, plan.Step, plan.Step is null ? null : plan.Retrain?.ToString() ?? "once", last.Metadata, trainingAttacks, pooled.Count,
            [.. classes.Select(setting.Display)], families.Any ? [.. families.Units.Select(last.Metadata.NameOf)] : [], report, results,
            results.Sum(r => r.TrainSeconds), scoreSeconds, pooled.Count / Math.Max(scoreSeconds, 1e-9), new OutsideAgreement(named, agreed))
        {
            Scored = [.. pooled.Select(s => new ScoredAttack(s.Attack.EventId, s.Attack.Date, s.Probabilities))],
            Searches = searches,
            Search = plan.Search,
            PlannedSteps = schedule.Steps.Count,
            Stopped = stopped,
            EstimatedSeconds = estimate?.TotalSeconds,
        };
    }

    /// <summary>
    /// Scores one step's test attacks with their perpetrators hidden: features see perpetrators known before
    /// <paramref name="from"/> only. <c>Seconds</c>: the time of scoring itself (context, features, model, calibration).
    /// </summary>
    private (List<Scored> Scored, double Seconds) Score(AttributionModel model, List<Attack> inScope, List<Attack> labelled, List<Attack> test, DateOnly from)
    {
        var watch = Stopwatch.StartNew();
        var classes = model.Metadata.Classes;
        var families = model.Metadata.FamilyLevel;
        var activity = new ActivityIndex(inScope, group => AttributionTrainer.ClassIndex(classes, group), horizon: from);
        var builder = new FeatureBuilder(model.Catalog, activity, setting.Neighbours, horizon: from);
        var probabilities = model.Probabilities([.. test.Select(a => builder.Build(a))]);
        var seconds = watch.Elapsed.TotalSeconds;

        var before = labelled.Where(a => a.Date < from).ToList();
        var prior = Frequencies(before.Select(a => AttributionTrainer.ClassIndex(classes, a.Perpetrator!)), classes.Count, null);
        var byProvince = before.Where(a => a.Province is not null).GroupBy(a => a.Province!)
            .ToDictionary(g => g.Key, g => Frequencies(g.Select(a => AttributionTrainer.ClassIndex(classes, a.Perpetrator!)), classes.Count, prior));
        var scored = new List<Scored>(test.Count);
        for (var i = 0; i < test.Count; i++)
        {
            var a = test[i];
            var truth = AttributionTrainer.ClassIndex(classes, a.Perpetrator!);
            var (verdict, level) = model.Metadata.Thresholds.For(probabilities[i], families, FeatureBuilder.Evidence(a.Event));
            var top = ClassificationMetrics.ArgMax(probabilities[i]);
            var named = level == AttributionLevel.Family ? families.Top(probabilities[i]).Unit : families.UnitOf(top);
            scored.Add(new Scored(a, probabilities[i], truth, prior,
                a.Province is { } p && byProvince.TryGetValue(p, out var f) ? f : prior,
                new VerdictCase(verdict, level, top == truth, named == families.UnitOf(truth))));
        }

        return (scored, seconds);
    }

    /// <summary>
    /// The step's attacks their own source calls unknown but a linked report in another dataset names, and how many of
    /// them the step's model names alike. Not a test with a known answer — the other source may be wrong — but the
    /// question an analyst asks of both.
    /// </summary>
    private (int Named, int Agreed) Agreement(AttributionModel model, List<Attack> inScope, DateOnly from, DateOnly to)
    {
        var named = inScope.Where(a => a.Status == PerpetratorStatus.Unknown && a.Date >= from && a.Date < to && a.NamedElsewhere is { Kind: OutsideEvidenceKind.LinkedReport }).ToList();
        if (named.Count == 0)
        {
            return (0, 0);
        }

        var classes = model.Metadata.Classes;
        var activity = new ActivityIndex(inScope, group => AttributionTrainer.ClassIndex(classes, group), horizon: from);
        var builder = new FeatureBuilder(model.Catalog, activity, setting.Neighbours, horizon: from);
        var probabilities = model.Probabilities([.. named.Select(a => builder.Build(a))]);
        return (named.Count, named.Where((a, i) => ClassificationMetrics.ArgMax(probabilities[i]) == AttributionTrainer.ClassIndex(classes, a.NamedElsewhere!.Group)).Count());
    }

    /// <summary>The training after <paramref name="step"/>'s in the plan, if any.</summary>
    private static PlannedStep? NextTraining(List<PlannedStep> steps, PlannedStep step) =>
        steps.Skip(steps.IndexOf(step) + 1).FirstOrDefault(s => s.Train);

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

    private sealed record Scored(Attack Attack, float[] Probabilities, int Truth, float[] Majority, float[] ProvinceMajority, VerdictCase Outcome);
}
