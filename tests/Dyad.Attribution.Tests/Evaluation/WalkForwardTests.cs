using Dyad.Attribution.Evaluation;
using Dyad.Attribution.Training;

namespace Dyad.Attribution.Tests.Evaluation;

public sealed class WalkForwardTests
{
    private static readonly TimeProvider Clock = SyntheticAttacks.Clock;
    private static readonly TrainingOptions Options = new() { GroupActivity = true, Text = false };

    [Fact]
    public void Should_never_let_a_model_or_a_feature_see_a_perpetrator_from_its_own_step_or_later()
    {
        var world = SyntheticAttacks.World();
        var from = new DateOnly(2020, 7, 1);
        // Every attack from the first step on is now said to be the work of "south": a model or a feature that saw a
        // label of its own step would score the first step differently.
        var planted = world.Select(a => a.Date >= from ? a with { Perpetrator = "south" } : a).ToList();
        var plan = new BacktestPlan(from, BacktestStep.Month);

        var honest = new Backtest(SyntheticAttacks.Setting, Clock).Run(world, plan, Options, cancellationToken: TestContext.Current.CancellationToken);
        var tampered = new Backtest(SyntheticAttacks.Setting, Clock).Run(planted, plan, Options, cancellationToken: TestContext.Current.CancellationToken);

        Step(tampered, from).ShouldNotBeEmpty();
        Step(tampered, from).ShouldBe(Step(honest, from));
        // The second step's model knows the first step's (planted) perpetrators: there, they do differ.
        Step(tampered, from.AddMonths(1)).ShouldNotBe(Step(honest, from.AddMonths(1)));

        static List<string> Step(BacktestReport report, DateOnly start) =>
            [.. report.Scored.Where(s => s.Date >= start && s.Date < start.AddMonths(1)).Select(s => string.Join(' ', s.Probabilities))];
    }

    [Fact]
    public void Should_train_again_at_each_step_and_pool_the_steps()
    {
        var world = SyntheticAttacks.World();
        var from = new DateOnly(2020, 7, 1);

        var monthly = new Backtest(SyntheticAttacks.Setting, Clock).Run(world, new BacktestPlan(from, BacktestStep.Month), Options, cancellationToken: TestContext.Current.CancellationToken);
        var once = new Backtest(SyntheticAttacks.Setting, Clock).Run(world, new BacktestPlan(from, BacktestStep.Month, Retrain: null), Options, cancellationToken: TestContext.Current.CancellationToken);
        var quarterly = new Backtest(SyntheticAttacks.Setting, Clock).Run(world, new BacktestPlan(from, BacktestStep.Month, Retrain: BacktestStep.Quarter), Options, cancellationToken: TestContext.Current.CancellationToken);

        monthly.Steps.Count.ShouldBe(6);
        monthly.Steps.Select(s => s.TrainedUntil).ShouldBe(monthly.Steps.Select(s => s.From));
        once.Steps.ShouldAllBe(s => s.TrainedUntil == from);
        quarterly.Steps.Select(s => s.TrainedUntil).Distinct().ShouldBe([from, from.AddMonths(3)]);
        monthly.TestAttacks.ShouldBe(monthly.Steps.Sum(s => s.TestAttacks));
        monthly.TestAttacks.ShouldBe(world.Count(a => a.Date >= from));
        monthly.Subsets[0].Model.Accuracy.ShouldBeGreaterThan(monthly.Subsets[0].Majority.Accuracy);
    }

    [Fact]
    public void Should_test_only_the_attacks_before_the_day_a_walk_forward_ends()
    {
        var world = SyntheticAttacks.World();
        var from = new DateOnly(2020, 7, 1);
        var to = new DateOnly(2020, 9, 15);

        var report = new Backtest(SyntheticAttacks.Setting, Clock).Run(world, new BacktestPlan(from, BacktestStep.Month, To: to), Options, cancellationToken: TestContext.Current.CancellationToken);

        report.Steps.Select(s => s.From).ShouldBe([from, from.AddMonths(1), from.AddMonths(2)]);
        report.Steps[^1].To.ShouldBeLessThan(to);
        report.TestAttacks.ShouldBe(world.Count(a => a.Date >= from && a.Date < to));
        report.Scored.ShouldAllBe(s => s.Date < to);
        var after = new BacktestPlan(new DateOnly(2030, 1, 1), BacktestStep.Month, To: new DateOnly(2030, 2, 1));
        Should.Throw<DyadException>(() => new Backtest(SyntheticAttacks.Setting, Clock).Run(world, after, Options, cancellationToken: TestContext.Current.CancellationToken))
            .Message.ShouldContain("from 2030-01-01 up to 2030-02-01 (not included)");
    }

    [Fact]
    public void Should_stop_at_the_family_when_two_sibling_groups_share_one_province()
    {
        // "bla" and "bra" strike the same province the same way; "north" keeps to its own. No feature tells the two
        // siblings apart, but both are Baloch separatists.
        var random = new Random(11);
        var start = new DateOnly(2019, 1, 1);
        var world = Enumerable.Range(0, 900).Select(i =>
        {
            var group = random.NextDouble() < 0.2 ? "north" : random.NextDouble() < 0.5 ? "bla" : "bra";
            return SyntheticAttacks.Of(i + 1, start.AddDays(i * 730 / 900), group == "north" ? "n1" : "b1", group == "north" ? "Firearms" : "Explosives", group);
        }).ToList();
        var setting = SyntheticAttacks.Setting with { Family = g => g is "bla" or "bra" ? "baloch-separatists" : null };
        var model = new AttributionTrainer(setting, Clock).Train(world, new TrainingOptions { Text = false }, TestContext.Current.CancellationToken);

        var attribution = new Explaining.Attributor(model, world, setting)
            .Attribute([SyntheticAttacks.Of(10_000, new DateOnly(2021, 1, 5), "b1", "Explosives", group: null)]).Single();

        model.Metadata.Families.ShouldBe(["baloch-separatists", "baloch-separatists", null, null]);
        attribution.Verdict.ShouldBe(Dyad.Attribution.Calibration.Verdict.Attributed, $"{attribution.Summary} {model.Metadata.Thresholds}");
        attribution.Level.ShouldBe(Dyad.Attribution.Calibration.AttributionLevel.Family, $"{attribution.Summary} {model.Metadata.Thresholds}");
        attribution.Family!.Group.ShouldBe("baloch-separatists");
        attribution.Family.Probability.ShouldBeGreaterThan(0.95);
        attribution.Top.Group.ShouldBeOneOf("bla", "bra");
        attribution.Summary.ShouldStartWith("Attributed to baloch-separatists (");
        attribution.Summary.ShouldContain("; most likely b");

        var report = new Backtest(setting, Clock).Run(world, new BacktestPlan(new DateOnly(2020, 7, 1), BacktestStep.Quarter), new TrainingOptions { Text = false }, cancellationToken: TestContext.Current.CancellationToken);
        var all = report.Subsets[0];
        all.Verdicts.FamilyAttributed.ShouldBeGreaterThan(0);
        all.Verdicts.FamilyAttributedAccuracy.ShouldBeGreaterThanOrEqualTo(0.95);
        all.Family!.Accuracy.ShouldBeGreaterThan(all.Model.Accuracy);
    }

    [Fact]
    public void Should_stop_a_walk_forward_when_it_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Should.Throw<OperationCanceledException>(() => new Backtest(SyntheticAttacks.Setting, Clock)
            .Run(SyntheticAttacks.World(), new BacktestPlan(new DateOnly(2020, 7, 1), BacktestStep.Month), Options, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Should_stop_after_the_step_it_is_in_and_give_the_steps_done_when_cancelled_midway()
    {
        using var stop = new CancellationTokenSource();
        var heard = new List<BacktestProgress>();
        var progress = new Listener(p =>
        {
            heard.Add(p);
            if (p.StepsDone == 2)
            {
                stop.Cancel();
            }
        });

        var report = new Backtest(SyntheticAttacks.Setting, Clock).Run(SyntheticAttacks.World(), new BacktestPlan(new DateOnly(2020, 7, 1), BacktestStep.Month), Options, progress, stop.Token);

        report.Stopped.ShouldBeTrue();
        report.Steps.Count.ShouldBe(2);
        report.PlannedSteps.ShouldBe(6);
        report.TestAttacks.ShouldBe(report.Steps.Sum(s => s.TestAttacks));
        heard[0].StepsDone.ShouldBe(0);
        heard[0].Remaining.ShouldBeNull("nothing is measured before the first step");
        heard[0].Attacks.ShouldBeGreaterThan(heard[^1].AttacksTested);
        heard[1].Remaining.ShouldNotBeNull();
    }

    [Fact]
    public void Should_search_at_the_first_training_and_then_at_the_stated_interval_reusing_the_choice_in_between()
    {
        var world = SyntheticAttacks.World();
        var from = new DateOnly(2020, 7, 1);
        var every = new Backtest(SyntheticAttacks.Setting, Clock).Run(world, new BacktestPlan(from, BacktestStep.Month) { Search = SearchSchedule.EveryTime }, Options,
            cancellationToken: TestContext.Current.CancellationToken);
        var interval = new Backtest(SyntheticAttacks.Setting, Clock).Run(world, new BacktestPlan(from, BacktestStep.Month) { Search = new SearchSchedule(3, 10) }, Options,
            cancellationToken: TestContext.Current.CancellationToken);

        every.Searches.ShouldBe(every.Steps.Count);
        every.Steps.ShouldAllBe(s => s.Searched);
        interval.Steps.Select(s => s.Searched).ShouldBe(interval.Steps.Select((_, i) => i % 3 == 0));
        interval.Searches.ShouldBe((interval.Steps.Count + 2) / 3);
        // The first step trains the same way under both schedules: the same model, the same figures.
        interval.Steps[0].ShouldBe(every.Steps[0] with { TrainSeconds = interval.Steps[0].TrainSeconds });
        (interval.Model.ChoiceFrom is null).ShouldBe(interval.Steps[^1].Searched);
    }

    [Fact]
    public void Should_give_the_same_predictions_with_a_reused_choice_as_with_a_search_when_the_data_do_not_change()
    {
        var world = SyntheticAttacks.World();
        var trainer = new AttributionTrainer(SyntheticAttacks.Setting, Clock);
        var options = Options with { Until = new DateOnly(2020, 10, 1) };
        var searched = trainer.Train(world, options, TestContext.Current.CancellationToken);

        var reused = trainer.Train(world, options, ModelChoice.Of(searched.Metadata), TestContext.Current.CancellationToken);

        reused.Metadata.ChoiceFrom.ShouldBe(searched.Metadata.TrainingAttacks);
        reused.Metadata.Booster.ShouldBe(searched.Metadata.Booster);
        var later = world.Where(a => a.Date >= options.Until).Take(50).Select(a => a.WithPerpetratorHidden()).ToList();
        var before = world.Where(a => a.Date < options.Until).ToList();
        var fromSearch = new Explaining.Attributor(searched, before, SyntheticAttacks.Setting).Attribute(later, explain: false);
        var fromReuse = new Explaining.Attributor(reused, before, SyntheticAttacks.Setting).Attribute(later, explain: false);
        fromReuse.SelectMany(a => a.Probabilities).ShouldBe(fromSearch.SelectMany(a => a.Probabilities));
    }

    /// <summary>Hears progress on the calling thread, in order (<see cref="Progress{T}"/> posts to the pool).</summary>
    private sealed class Listener(Action<BacktestProgress> heard) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value) => heard(value);
    }
}
