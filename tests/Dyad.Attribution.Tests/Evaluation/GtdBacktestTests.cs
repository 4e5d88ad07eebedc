using Dyad.Attribution.Attacks;
using Dyad.Attribution.Evaluation;
using Dyad.Attribution.Training;
using Dyad.Ingest;
using Dyad.Store.DuckDb;
using Dyad.Testing;

namespace Dyad.Attribution.Tests.Evaluation;

/// <summary>The backtest of issue 4 on the real GTD file (../shared/data), with bounds rather than exact figures.</summary>
public sealed class GtdBacktestTests
{
    [Fact]
    public void Gtd_2021_split_in_May_beats_the_baselines_and_is_calibrated()
    {
        var path = SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.csv");
        using var folder = new TempFolder();
        using var store = DuckDbEventStore.Open(folder.File("gtd.duckdb"));
        using (var file = EventFile.Open(path))
        {
            store.Import(new Store.ImportSource(path, "gtd-csv", file.Dataset, file.Columns, new FileInfo(path).Length, () => "test"),
                file.ReadRows(TestContext.Current.CancellationToken), () => file.Warnings, cancellationToken: TestContext.Current.CancellationToken);
        }

        store.AssignPlaces(Registries.Gazetteer);
        store.ResolveActors(Registries.Actors);
        var labels = new PerpetratorLabels(Registries.Actors, Registries.Gazetteer);
        var attacks = store.Events(new Store.EventFilter()).Select(labels.ToAttack).ToList();
        var setting = new AttributionSetting(labels.Display, Registries.Gazetteer.Neighbours, group => Registries.Actors.Family(group) is var f && f != group ? f : null);

        var report = new Backtest(setting, TimeProvider.System).Run(attacks, new BacktestPlan(new DateOnly(2021, 5, 1)), new TrainingOptions(), cancellationToken: TestContext.Current.CancellationToken);

        var all = report.Subsets.Single(s => s.Name == "all");
        report.TestAttacks.ShouldBeInRange(1200, 1300);
        all.Model.MacroF1.ShouldBeGreaterThan(0.58);
        all.Model.Brier.ShouldBeLessThan(0.22);
        all.Model.ExpectedCalibrationError.ShouldBeLessThanOrEqualTo(0.05);
        all.Model.Accuracy.ShouldBeGreaterThan(all.ProvinceMajority.Accuracy);
        all.Model.Brier.ShouldBeLessThan(all.Majority.Brier);
        // The target is 70%; seeds 1-3 give 68.9-71.8%, so the test's bound leaves room for another machine's floating point.
        all.Verdicts.AttributedShare.ShouldBeGreaterThanOrEqualTo(0.65);
        all.Verdicts.AttributedAccuracy.ShouldBeGreaterThanOrEqualTo(0.95);
        report.Subsets.ShouldContain(s => s.Name.StartsWith("claimed", StringComparison.Ordinal));
        report.Subsets.ShouldContain(s => s.Name.StartsWith("not claimed", StringComparison.Ordinal));
    }
}
