using Dyad.Analysis.Forecasting;

namespace Dyad.Analysis.Tests.Forecasting;

public sealed class ForecastTests
{
    private static readonly ForecastUnit Busy = new("af/nangarhar/achin", "Achin", "af/nangarhar");
    private static readonly ForecastUnit Sometimes = new("af/nangarhar/deh-bala", "Deh Bala", "af/nangarhar");
    private static readonly ForecastUnit Quiet = new("af/kunar/asadabad", "Asadabad", "af/kunar");
    private static readonly DateOnly Start = new(2015, 1, 1);

    /// <summary>
    /// Four years of invented months: Achin sees the kind in spells (a month with one makes the next likely), Deh Bala
    /// now and then, Asadabad only events of other kinds.
    /// </summary>
    private static List<UnitEvent> History(int months = 48, int seed = 7)
    {
        var random = new Random(seed);
        var events = new List<UnitEvent>();
        var active = false;
        for (var m = 0; m < months; m++)
        {
            var day = Start.AddMonths(m).AddDays(9);
            active = random.NextDouble() < (active ? 0.8 : 0.25);
            if (active)
            {
                events.Add(new UnitEvent(day, Busy, OfKind: true));
            }

            if (random.NextDouble() < 0.15)
            {
                events.Add(new UnitEvent(day.AddDays(3), Sometimes, OfKind: true));
            }

            events.Add(new UnitEvent(day.AddDays(5), Quiet, OfKind: false));
        }

        return events;
    }

    [Fact]
    public void Scores_are_the_ones_worked_by_hand()
    {
        // scikit-learn's example: AUC 0.75. Brier (0.01 + 0.16 + 0.4225 + 0.04) / 4. ECE: 0.1 alone in (0, 0.1] is off by
        // 0.1; 0.35 and 0.4 share (0.3, 0.4] with half of them events, off by 0.125; 0.8 alone is off by 0.2.
        var scores = BinaryScores.Of([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        scores.Auc!.Value.ShouldBe(0.75, 1e-12);
        scores.Brier.ShouldBe(0.158125, 1e-12);
        scores.ExpectedCalibrationError.ShouldBe((0.1 / 4) + (0.125 * 2 / 4) + (0.2 / 4), 1e-12);
        scores.LogLoss.ShouldBe(-(Math.Log(0.9) + Math.Log(0.6) + Math.Log(0.35) + Math.Log(0.8)) / 4, 1e-12);
        scores.BaseRate.ShouldBe(0.5);
        BinaryScores.Of([0.2, 0.2], [false, false]).Auc.ShouldBeNull();
    }

    [Fact]
    public void Ties_count_half_in_the_area_under_the_curve() =>
        BinaryScores.Of([0.5, 0.5, 0.5, 0.5], [true, false, true, false]).Auc!.Value.ShouldBe(0.5, 1e-12);

    [Fact]
    public void A_backtest_never_sees_the_month_it_forecasts()
    {
        var history = History();
        var test = Start.AddMonths(40);
        var forecaster = new Forecaster(new ForecastSettings());
        var before = forecaster.Backtest(ForecastSeries.Of(history), test, test, TestContext.Current.CancellationToken);

        // Events planted in the month tested and after it change what happened, never what was forecast.
        var planted = history.Concat([new UnitEvent(test.AddDays(2), Quiet, OfKind: true), new UnitEvent(test.AddDays(4), Sometimes, OfKind: true),
            new UnitEvent(test.AddMonths(3), Quiet, OfKind: true)]).ToList();
        var after = forecaster.Backtest(ForecastSeries.Of(planted), test, test, TestContext.Current.CancellationToken);

        after.Cases.Select(c => c.Model).ShouldBe(before.Cases.Select(c => c.Model));
        after.Cases.Select(c => c.Persistence).ShouldBe(before.Cases.Select(c => c.Persistence));
        after.Cases.Select(c => c.UnitRate).ShouldBe(before.Cases.Select(c => c.UnitRate));
        after.Cases.Single(c => c.Unit == Quiet.Key).Happened.ShouldBeTrue();
        before.Cases.Single(c => c.Unit == Quiet.Key).Happened.ShouldBeFalse();
    }

    [Fact]
    public void An_event_the_month_before_does_change_the_forecast()
    {
        var history = History();
        var test = Start.AddMonths(40);
        var forecaster = new Forecaster(new ForecastSettings());
        var before = forecaster.Backtest(ForecastSeries.Of(history), test, test, TestContext.Current.CancellationToken);
        var after = forecaster.Backtest(ForecastSeries.Of([.. history, new UnitEvent(test.AddDays(-3), Busy, OfKind: true),
            new UnitEvent(test.AddDays(-2), Sometimes, OfKind: true)]), test, test, TestContext.Current.CancellationToken);

        after.Cases.Select(c => c.Model).ShouldNotBe(before.Cases.Select(c => c.Model));
    }

    [Fact]
    public void A_backtest_scores_every_month_and_unit_beside_the_baselines()
    {
        var backtest = new Forecaster(new ForecastSettings()).Backtest(ForecastSeries.Of(History()), Start.AddMonths(36), cancellationToken: TestContext.Current.CancellationToken);

        backtest.From.ShouldBe(Start.AddMonths(36));
        backtest.To.ShouldBe(Start.AddMonths(47));
        backtest.UnitMonths.ShouldBe(3 * 12);
        backtest.Subsets[0].Name.ShouldBe("every unit");
        backtest.Subsets[0].Model.Count.ShouldBe(36);
        // Asadabad never saw the kind: the districts where it happened are the other two.
        backtest.Subsets[1].Model.Count.ShouldBe(24);
        backtest.Cases.Where(c => c.Unit == Quiet.Key).ShouldAllBe(c => c.Model < 0.1 && c.UnitRate == 0);
        // Persistence: in a month, Asadabad (none the month before) gets the chance after a quiet month, lower than
        // Achin's wherever Achin had an event the month before.
        foreach (var month in backtest.Cases.GroupBy(c => c.Month))
        {
            var quiet = month.Single(c => c.Unit == Quiet.Key).Persistence;
            month.ShouldAllBe(c => c.Persistence == quiet || c.Persistence > quiet);
        }
    }

    [Fact]
    public void A_forecast_covers_the_months_after_the_data_busiest_first()
    {
        var forecast = new Forecaster(new ForecastSettings()).Forecast(ForecastSeries.Of(History()), months: 3);

        forecast.DataTo.ShouldBe(Start.AddMonths(47));
        forecast.Expected.Select(m => m.Month).ShouldBe([Start.AddMonths(48), Start.AddMonths(49), Start.AddMonths(50)]);
        forecast.Units[0].Unit.ShouldBe(Busy);
        forecast.Units[^1].Unit.ShouldBe(Quiet);
        forecast.Units.ShouldAllBe(u => u.Months.Count == 3 && u.Months.All(m => m.Probability >= 0 && m.Probability <= 1));
        forecast.Expected[0].Probability.ShouldBe(forecast.Units.Sum(u => u.Months[0].Probability), 1e-9);
    }

    [Fact]
    public void The_same_history_gives_the_same_forecast() =>
        new Forecaster(new ForecastSettings()).Forecast(ForecastSeries.Of(History()), 1).Units.Select(u => u.Months[0].Probability)
            .ShouldBe(new Forecaster(new ForecastSettings()).Forecast(ForecastSeries.Of(History()), 1).Units.Select(u => u.Months[0].Probability));

    [Fact]
    public void Too_little_history_says_so()
    {
        var history = History(months: 20);

        Should.Throw<DyadException>(() => new Forecaster(new ForecastSettings()).Backtest(ForecastSeries.Of(history), Start.AddMonths(10)))
            .Message.ShouldContain("the first 24 months only teach");
        Should.Throw<DyadException>(() => new Forecaster(new ForecastSettings()).Forecast(ForecastSeries.Of([.. history.Where(e => !e.OfKind)]), 1))
            .Message.ShouldContain("no event of the kind");
    }

    [Fact]
    public void A_series_counts_the_kind_and_every_event_per_unit_province_and_country()
    {
        var series = ForecastSeries.Of([
            new UnitEvent(new DateOnly(2020, 1, 5), Busy, true), new UnitEvent(new DateOnly(2020, 1, 20), Busy, false),
            new UnitEvent(new DateOnly(2020, 3, 1), Sometimes, true), new UnitEvent(new DateOnly(2020, 3, 2), null, true)]);

        series.Months.ShouldBe(3);
        series.Units.ShouldBe([Busy, Sometimes]);
        series.Kind[0].ShouldBe([1, 0, 0]);
        series.All[0].ShouldBe([2, 0, 0]);
        series.CountryKind.ShouldBe([1, 0, 2]);
        series.ProvinceKind[series.ProvinceOf[1]].ShouldBe([1, 0, 1]);
    }

    [Fact]
    public void A_backtest_stops_when_it_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Should.Throw<OperationCanceledException>(() =>
            new Forecaster(new ForecastSettings()).Backtest(ForecastSeries.Of(History()), Start.AddMonths(36), cancellationToken: cancelled.Token));
    }
}
