using System.Diagnostics;

namespace Dyad.Analysis.Forecasting;

/// <summary>
/// The monthly forecast: for every unit and each of the coming months, the chance of at least one event of the kind,
/// from a model of the units' own history (<see cref="ForecastFeatures"/>), one model per month ahead. Backtested walking
/// forward: each month by a model trained on the months before it only.
/// </summary>
public sealed class Forecaster(ForecastSettings settings)
{
    /// <summary>The units' chances for the <paramref name="months"/> months after the series ends.</summary>
    /// <exception cref="DyadException">BadInput: too few months to learn from, or the kind never happened in them.</exception>
    public ForecastResult Forecast(ForecastSeries series, int months)
    {
        var origin = series.Months;
        var chances = series.Units.Select(_ => new List<MonthChance>()).ToList();
        var expected = new List<MonthChance>();
        for (var horizon = 1; horizon <= months; horizon++)
        {
            // Trained on every unit-month whose outcome is known: the month forecast is at most the series' last.
            var model = Train(series, lastTarget: series.Months - 1, horizon);
            var probabilities = model.Predict([.. series.Units.Select((_, u) => ForecastFeatures.Of(series, u, origin, horizon))]);
            var month = series.MonthAt(origin + horizon - 1);
            for (var u = 0; u < series.Units.Count; u++)
            {
                chances[u].Add(new MonthChance(month, probabilities[u]));
            }

            expected.Add(new MonthChance(month, probabilities.Sum()));
        }

        // Equal chances (a kind long absent leaves every unit near zero) are ordered by the units' own history of it.
        var units = series.Units.Select((unit, u) => (Forecast: new UnitForecast(unit, chances[u], series.Kind[u][Math.Max(0, origin - 12)..origin].Sum()), Ever: series.Kind[u].Sum()))
            .OrderByDescending(f => f.Forecast.Months[0].Probability).ThenByDescending(f => f.Forecast.EventsLast12Months).ThenByDescending(f => f.Ever)
            .ThenBy(f => f.Forecast.Unit.Key, StringComparer.Ordinal).Select(f => f.Forecast).ToList();
        var last = Enumerable.Range(0, series.Months).LastOrDefault(t => series.Kind.Any(kind => kind[t] > 0), -1);
        return new ForecastResult(series.FirstMonth, series.MonthAt(series.Months - 1), series.Months, units, expected, last < 0 ? null : series.MonthAt(last));
    }

    /// <summary>
    /// Forecasts each month from <paramref name="from"/> to <paramref name="to"/> (default: the series' last) one month
    /// ahead with a model trained on the months before it, and scores it beside the baselines, on every unit and on the
    /// units where the kind happened at least once in the series (the set a script that lists units from the whole file
    /// tests on).
    /// </summary>
    /// <exception cref="DyadException">BadInput: the months asked for are outside the series, or too early to learn from.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: checked before each month, so that Ctrl-C stops a long backtest within one month's training.</exception>
    public ForecastBacktest Backtest(ForecastSeries series, DateOnly from, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var first = series.IndexOf(from);
        var last = to is { } end ? Math.Min(series.IndexOf(end), series.Months - 1) : series.Months - 1;
        if (first < settings.WarmupMonths + 12 || first > last)
        {
            throw DyadException.BadInput(
                $"the backtest needs months to learn from before {from:yyyy-MM} and months to test from it: the data selected runs {series.FirstMonth:yyyy-MM} to {series.MonthAt(series.Months - 1):yyyy-MM}, and the first {settings.WarmupMonths + 12} months only teach.");
        }

        var features = new float[series.Months][][];
        var cases = new List<ForecastCase>();
        for (var month = first; month <= last; month++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = Train(series, lastTarget: month - 1, horizon: 1, features);
            var test = Row(series, features, month, 1);
            var probabilities = model.Predict(test);
            var (persistence, unitRate) = Baselines(series, month);
            for (var u = 0; u < series.Units.Count; u++)
            {
                var lastMonth = series.Kind[u][month - 1] > 0;
                cases.Add(new ForecastCase(series.Units[u].Key, series.MonthAt(month), probabilities[u], persistence[lastMonth ? 1 : 0], unitRate[u], series.Kind[u][month] > 0));
            }
        }

        // The districts a script that lists units from the whole file would test on: those with an event of the kind at
        // any time, not known in advance (so a set to compare on, never to learn from); provinces standing in for an
        // unknown district are left out, as such a script drops events without a district.
        var happened = series.Units.Where((unit, u) => unit.Key != unit.Province && series.Kind[u].Any(c => c > 0)).Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var subsets = new List<ForecastScoreSet> { Scores("every unit", cases) };
        if (happened.Count < series.Units.Count && happened.Count > 0)
        {
            subsets.Add(Scores("districts where it ever happened in the data", [.. cases.Where(c => happened.Contains(c.Unit))]));
        }

        return new ForecastBacktest(series.MonthAt(first), series.MonthAt(last), series.Units.Count, cases.Count, watch.Elapsed.TotalSeconds, subsets) { Cases = cases };
    }

    private static ForecastScoreSet Scores(string name, IReadOnlyList<ForecastCase> cases)
    {
        var outcomes = cases.Select(c => c.Happened).ToList();
        return new ForecastScoreSet(name, BinaryScores.Of([.. cases.Select(c => c.Model)], outcomes),
            BinaryScores.Of([.. cases.Select(c => c.Persistence)], outcomes), BinaryScores.Of([.. cases.Select(c => c.UnitRate)], outcomes));
    }

    /// <summary>
    /// Fewer unit-months with an event than this (or without one), and there is nothing a model can learn that each
    /// unit's own rate does not say; LightGBM may also stop on such data with a native error.
    /// </summary>
    public const int MinimumPositives = 5;

    /// <summary>
    /// A model of the chance of an event <paramref name="horizon"/> months after the last month known, trained on every
    /// unit-month up to <paramref name="lastTarget"/> that has <see cref="ForecastSettings.WarmupMonths"/> months before it.
    /// </summary>
    private EventClassifier Train(ForecastSeries series, int lastTarget, int horizon, float[][][]? cache = null)
    {
        var features = new List<float[]>();
        var labels = new List<bool>();
        for (var origin = settings.WarmupMonths; origin + horizon - 1 <= lastTarget; origin++)
        {
            var rows = Row(series, cache, origin, horizon);
            for (var u = 0; u < series.Units.Count; u++)
            {
                features.Add(rows[u]);
                labels.Add(series.Kind[u][origin + horizon - 1] > 0);
            }
        }

        var positives = labels.Count(l => l);
        if (positives < MinimumPositives || labels.Count - positives < MinimumPositives)
        {
            throw DyadException.BadInput(
                $"cannot tell: the data selected has {(labels.Count == 0 ? "too few months" : positives == 0 ? "no event of the kind" : positives >= MinimumPositives ? "an event in nearly every unit and month" : $"{positives:N0} unit-month(s) with an event of the kind")} " +
                $"to learn a forecast from before {series.MonthAt(lastTarget + 1):yyyy-MM} (at least {MinimumPositives} are needed, and as many without).");
        }

        return EventClassifier.Train(features, labels, settings);
    }

    /// <summary>Every unit's features at one origin, kept when the backtest asks for them again (one month ahead only).</summary>
    private static float[][] Row(ForecastSeries series, float[][][]? cache, int origin, int horizon)
    {
        if (cache is not null && horizon == 1 && origin < cache.Length && cache[origin] is { } kept)
        {
            return kept;
        }

        float[][] rows = [.. series.Units.Select((_, u) => ForecastFeatures.Of(series, u, origin, horizon))];
        if (cache is not null && horizon == 1 && origin < cache.Length)
        {
            cache[origin] = rows;
        }

        return rows;
    }

    /// <summary>
    /// The baselines for <paramref name="month"/>, learnt from the months before it: the chance of an event after a month
    /// without one and after a month with one, and each unit's share of months with one (the overall share for a unit
    /// with none before).
    /// </summary>
    private (double[] Persistence, double[] UnitRate) Baselines(ForecastSeries series, int month)
    {
        var after = new double[2];
        var cases = new double[2];
        var rate = new double[series.Units.Count];
        var months = month - settings.WarmupMonths;
        for (var u = 0; u < series.Units.Count; u++)
        {
            for (var t = settings.WarmupMonths; t < month; t++)
            {
                var previous = series.Kind[u][t - 1] > 0 ? 1 : 0;
                var happened = series.Kind[u][t] > 0 ? 1 : 0;
                cases[previous]++;
                after[previous] += happened;
                rate[u] += happened;
            }
        }

        var overall = (after[0] + after[1]) / Math.Max(1, cases[0] + cases[1]);
        double[] persistence = [cases[0] > 0 ? after[0] / cases[0] : overall, cases[1] > 0 ? after[1] / cases[1] : overall];
        return (persistence, [.. rate.Select(r => months > 0 ? r / months : overall)]);
    }
}
