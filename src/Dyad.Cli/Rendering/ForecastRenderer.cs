using Dyad.Analysis.Forecasting;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Forecasts and their backtests on the terminal.</summary>
internal static class ForecastRenderer
{
    public static void RenderForecast(IAnsiConsole console, ForecastResult forecast, int top)
    {
        console.MarkupLine($"Chance of at least one event, per unit and month, from the store's history {forecast.DataFrom:yyyy-MM} to {forecast.DataTo:yyyy-MM} ({forecast.Units.Count:N0} units); likeliest first.");
        var table = new Table().Border(TableBorder.Simple).AddColumn("Unit").AddColumn("Province");
        foreach (var month in forecast.Expected)
        {
            table.AddColumn(new TableColumn(month.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).RightAligned());
        }

        table.AddColumn(new TableColumn("Events, last 12 months").RightAligned());
        foreach (var unit in forecast.Units.Take(top))
        {
            table.AddRow([Markup.Escape(unit.Unit.Name), Markup.Escape(unit.Unit.ProvinceName ?? unit.Unit.Province ?? ""), .. unit.Months.Select(m => Chance(m.Probability)), $"{unit.EventsLast12Months:N0}"]);
        }

        console.Write(table);
        console.MarkupLine($"Units expected to see an event: {string.Join(", ", forecast.Expected.Select(m => $"{m.Month:yyyy-MM} {m.Probability:0.0}"))} (the sum of the chances).");
        if (forecast.Units.Count > top)
        {
            console.MarkupLine($"{forecast.Units.Count - top:N0} more units with lower chances: --top N lists more, --json all.");
        }

        if (!forecast.AnyNoticeable)
        {
            console.MarkupLine(forecast.LastEventMonth is { } last
                ? $"No unit's chance reaches 1 %: the last event of the kind on record was in {last:MMMM yyyy}."
                : "No unit's chance reaches 1 %: no event of the kind on record has a known place.");
        }

        foreach (var stale in forecast.Stale)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(stale)}[/]");
        }

        console.MarkupLine("How good these chances have been: 'dyad forecast --backtest --from MONTH' with the same options.");
    }

    /// <summary>A chance in whole percent; below half a percent, "&lt;1 %" rather than a zero that says impossible.</summary>
    private static string Chance(double probability) => probability < 0.005 ? "<1 %" : $"{probability:P0}";

    public static void RenderBacktest(IAnsiConsole console, ForecastBacktest backtest)
    {
        console.MarkupLine($"Walk-forward backtest, {backtest.From:yyyy-MM} to {backtest.To:yyyy-MM}: each month forecast by a model trained on the months before it; {backtest.Units:N0} units, {backtest.UnitMonths:N0} unit-months.");
        foreach (var subset in backtest.Subsets)
        {
            console.MarkupLine($"[bold]{Markup.Escape(subset.Name)}[/]: {subset.Model.Count:N0} unit-months, {subset.Model.BaseRate:P1} with an event.");
            var table = new Table().Border(TableBorder.Simple).AddColumn("Forecast").AddColumns([.. new[] { "Brier", "Log-loss", "AUC", "ECE" }.Select(c => new TableColumn(c).RightAligned())]);
            foreach (var (name, scores) in new[] { ("Dyad", subset.Model), ("persistence", subset.Persistence), ("the unit's own rate", subset.UnitRate) })
            {
                table.AddRow(name, $"{scores.Brier:0.0000}", $"{scores.LogLoss:0.0000}", scores.Auc is { } auc ? $"{auc:0.000}" : "–", $"{scores.ExpectedCalibrationError:0.0000}");
            }

            console.Write(table);
            var reliability = new Table().Border(TableBorder.Simple).Title("Dyad's reliability, by decile of its forecasts").AddColumn(new TableColumn("Decile").RightAligned())
                .AddColumns([.. new[] { "Unit-months", "Mean forecast", "Event came" }.Select(c => new TableColumn(c).RightAligned())]);
            foreach (var row in subset.Model.Reliability)
            {
                reliability.AddRow($"{row.Decile}", $"{row.Count:N0}", $"{row.MeanForecast:P1}", $"{row.Observed:P1}");
            }

            console.Write(reliability);
        }

        console.MarkupLine("Lower Brier, log-loss and ECE are better; higher AUC. Persistence: the chance of an event after a month with or without one; the unit's own rate: its share of months with one. Both learnt from the months before each month tested.");
    }
}
