using System.Globalization;
using Dyad.Attribution;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Calibration;
using Dyad.Attribution.Evaluation;
using Dyad.Attribution.Explaining;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Attributions, models and backtests on the terminal.</summary>
internal static class AttributionRenderer
{
    /// <summary>Up to this many attacks are shown one by one with their explanations; more are listed as a table.</summary>
    public const int ExplainedOnScreen = 10;

    public static void RenderModel(IAnsiConsole console, ModelMetadata model, string path)
    {
        console.MarkupLine($"Model written to [bold]{Markup.Escape(path)}[/]: {model.TrainingAttacks:N0} attacks with a known perpetrator, {model.DataFrom:yyyy-MM-dd} to {model.DataTo:yyyy-MM-dd}, seed {model.Options.Seed}.");
        console.MarkupLine($"Groups: {Markup.Escape(string.Join(", ", model.ClassNames))}.");
        var v = model.Validation;
        console.MarkupLine(
            $"Validation (the newest {v.Attacks:N0} attacks, {v.From:yyyy-MM-dd} to {v.To:yyyy-MM-dd}, held out in date order): accuracy {v.Accuracy:P1}, macro-F1 {v.MacroF1:0.000}, Brier {v.Brier:0.000}, ECE {v.ExpectedCalibrationError:0.000}.");
        console.MarkupLine(
            $"Verdicts: [bold]attributed[/] at a top probability of {model.Thresholds.Attributed:0.000} or more ({model.Options.AttributedAccuracy:P0} accurate on validation), [bold]leaning[/] at {model.Thresholds.Leaning:0.000} ({model.Options.LeaningAccuracy:P0}); temperature {model.Temperature:0.00}.");
    }

    public static void RenderAttributions(IAnsiConsole console, IReadOnlyList<AttackAttribution> attributions, ModelMetadata model)
    {
        if (attributions.Count == 0)
        {
            console.MarkupLine("No attacks to attribute.");
            return;
        }

        if (attributions.Count > ExplainedOnScreen)
        {
            RenderSummary(console, attributions);
            return;
        }

        foreach (var a in attributions)
        {
            var e = a.Attack.Event;
            var where = string.Join(", ", new[] { e.Place.Name, e.Place.Admin2, e.Place.Admin1, e.Place.Country }.Where(p => !string.IsNullOrEmpty(p)).Distinct());
            var id = a.Attack.EventId >= 0 ? $"event {a.Attack.EventId} " : "";
            console.Write(new Rule($"[bold]{id}({Markup.Escape(e.Dataset)} {Markup.Escape(e.DatasetId)})[/] {e.Date.Start:yyyy-MM-dd}, {Markup.Escape(where)}").LeftJustified());
            console.MarkupLine(Verdict(a));
            if (a.Attack.NamedElsewhere is { } elsewhere)
            {
                console.MarkupLine(elsewhere.Kind == OutsideEvidenceKind.Claim
                    ? $"[bold]Claimed:[/] {Markup.Escape(elsewhere.Reference)} names {Markup.Escape(elsewhere.Group)} (the analyst's claim record)."
                    : $"[bold]Another source names a group:[/] {Markup.Escape(elsewhere.Reference)}, linked as the same incident, names {Markup.Escape(elsewhere.Group)}.");
            }
            var probabilities = new Table().Border(TableBorder.Simple).AddColumn("Group").AddColumn(new TableColumn("Probability").RightAligned());
            foreach (var p in a.Probabilities.Take(5))
            {
                probabilities.AddRow(Markup.Escape(p.Name), Percent(p.Probability));
            }

            var drivers = new Table().Border(TableBorder.Simple).AddColumn("What pushed toward").AddColumn("Feature").AddColumn("Value")
                .AddColumn(new TableColumn("Without it").RightAligned());
            foreach (var d in a.Drivers)
            {
                drivers.AddRow(Markup.Escape(d.Group), Markup.Escape(d.Feature), Markup.Escape(Truncate(d.Value, 40)), $"−{d.Change * 100:0.0} pts");
            }

            console.Write(new Columns(probabilities, drivers).Collapse());
            if (a.Similar.Count > 0)
            {
                var similar = new Table().Border(TableBorder.Simple).Title("Most similar earlier attacks")
                    .AddColumn("Date").AddColumn("Perpetrator").AddColumn("Place").AddColumn(new TableColumn("km").RightAligned()).AddColumn("Shared").AddColumn("Source id");
                foreach (var s in a.Similar)
                {
                    similar.AddRow($"{s.Date:yyyy-MM-dd}", Markup.Escape(s.Perpetrator), Markup.Escape(Truncate(s.Place ?? "–", 30)),
                        s.DistanceKm is { } km ? km.ToString("0", CultureInfo.InvariantCulture) : "–", Markup.Escape(string.Join(", ", s.Shared)),
                        Markup.Escape($"{s.Dataset} {s.DatasetId}"));
                }

                console.Write(similar);
            }
        }

        console.MarkupLine($"[grey]Probabilities calibrated on the model's validation slice (ECE {model.Validation.ExpectedCalibrationError:0.000}); " +
            $"'attributed' means {model.Options.AttributedAccuracy:P0} of validation attacks at that confidence were right. 'Without it': how far the group's probability falls when that feature is unknown.[/]");
    }

    public static void RenderBacktest(IAnsiConsole console, BacktestReport report)
    {
        console.MarkupLine($"Backtest split at [bold]{report.Split:yyyy-MM-dd}[/]: trained on {report.TrainingAttacks:N0} attacks before it, tested on {report.TestAttacks:N0} on and after it (perpetrators hidden).");
        console.MarkupLine($"Groups: {Markup.Escape(string.Join(", ", report.ClassNames))}.");
        foreach (var subset in report.Subsets)
        {
            var table = new Table().Border(TableBorder.Simple).Title($"{subset.Name} test attacks ({subset.Model.Count:N0})")
                .AddColumn("").AddColumn(new TableColumn("Accuracy").RightAligned()).AddColumn(new TableColumn("Macro-F1").RightAligned())
                .AddColumn(new TableColumn("Log-loss").RightAligned()).AddColumn(new TableColumn("Brier").RightAligned()).AddColumn(new TableColumn("ECE").RightAligned());
            foreach (var (name, m) in new[] { ("Dyad", subset.Model), ("Majority group", subset.Majority), ("Province's majority group", subset.ProvinceMajority) })
            {
                table.AddRow(name, Percent(m.Accuracy), Fixed(m.MacroF1), Fixed(m.LogLoss), Fixed(m.Brier), Fixed(m.ExpectedCalibrationError));
            }

            console.Write(table);
            var v = subset.Verdicts;
            var coverage = string.Join("; ", subset.Model.CoverageAtAccuracy.Select(c => $"{c.Coverage:P0} at {c.Accuracy:P0}"));
            console.MarkupLine($"  Verdicts: attributed {v.Attributed:N0} ({v.AttributedShare:P1}) with accuracy {Percent(v.AttributedAccuracy)}; leaning {v.Leaning:N0} ({Percent(v.LeaningAccuracy)} right); cannot tell {v.CannotTell:N0}.");
            console.MarkupLine($"  Best possible coverage (most confident first): {coverage}.");
        }

        if (report.NamedElsewhere is { Attacks: > 0 } outside)
        {
            console.MarkupLine($"Unclaimed test attacks that another dataset's report of the same incident names: {outside.Attacks:N0}; Dyad's top group agreed with that source for {outside.Agreed:N0} ({Percent(outside.Share)}).");
        }

        var all = report.Subsets[0].Model;
        var classes = new Table().Border(TableBorder.Simple).Title("Per group (all test attacks)").AddColumn("Group")
            .AddColumn(new TableColumn("Attacks").RightAligned()).AddColumn(new TableColumn("Predicted").RightAligned())
            .AddColumn(new TableColumn("Precision").RightAligned()).AddColumn(new TableColumn("Recall").RightAligned());
        foreach (var c in all.Classes.OrderByDescending(c => c.Support))
        {
            classes.AddRow(Markup.Escape(NameOf(report, c.Group)), $"{c.Support:N0}", $"{c.Predicted:N0}", Percent(c.Precision), Percent(c.Recall));
        }

        var reliability = new Table().Border(TableBorder.Simple).Title("Reliability (all test attacks)").AddColumn("Top probability")
            .AddColumn(new TableColumn("Attacks").RightAligned()).AddColumn(new TableColumn("Mean").RightAligned()).AddColumn(new TableColumn("Right").RightAligned());
        foreach (var bin in all.Reliability)
        {
            reliability.AddRow($"{bin.Low:0.0}–{bin.High:0.0}", $"{bin.Count:N0}", Percent(bin.MeanConfidence), Percent(bin.Accuracy));
        }

        console.Write(new Columns(classes, reliability).Collapse());
        console.MarkupLine($"[grey]Training {report.TrainSeconds:0.0} s; scoring {report.TestAttacks:N0} attacks {report.ScoreSeconds:0.00} s ({report.AttacksScoredPerSecond:N0}/s). Thresholds were chosen on the training data's newest {report.Model.Options.ValidationShare:P0}, never on the test attacks.[/]");
    }

    private static void RenderSummary(IAnsiConsole console, IReadOnlyList<AttackAttribution> attributions)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Event").AddColumn("Date").AddColumn("Province")
            .AddColumn("Verdict").AddColumn("Most likely").AddColumn(new TableColumn("p").RightAligned()).AddColumn("Then");
        foreach (var a in attributions)
        {
            var second = a.Probabilities.Count > 1 ? $"{a.Probabilities[1].Name} {Percent(a.Probabilities[1].Probability)}" : "";
            table.AddRow(a.Attack.EventId >= 0 ? $"{a.Attack.EventId}" : $"{a.Attack.Event.Dataset} {a.Attack.Event.DatasetId}", $"{a.Attack.Date:yyyy-MM-dd}",
                Markup.Escape(a.Attack.Event.Place.Admin1 ?? "–"), VerdictName(a.Verdict), Markup.Escape(a.Top.Name), Percent(a.Top.Probability), Markup.Escape(second));
        }

        console.Write(table);
        var counts = attributions.GroupBy(a => a.Verdict).OrderBy(g => g.Key).Select(g => $"{VerdictName(g.Key)} {g.Count():N0}");
        console.MarkupLine($"{attributions.Count:N0} attacks: {string.Join(", ", counts)}. Name one event id for its explanation and similar attacks.");
    }

    private static string Verdict(AttackAttribution a) => a.Verdict switch
    {
        Attribution.Calibration.Verdict.Attributed => $"[green bold]Attributed[/] to [bold]{Markup.Escape(a.Top.Name)}[/] ({Percent(a.Top.Probability)}).",
        Attribution.Calibration.Verdict.Leaning => $"[yellow bold]Leaning[/] toward [bold]{Markup.Escape(a.Top.Name)}[/] ({Percent(a.Top.Probability)}): not sure enough to attribute.",
        _ when a.Evidence == 0 => "[red bold]Cannot tell[/]: nothing of the attack's place or manner is known.",
        _ => $"[red bold]Cannot tell[/]: the most likely group, {Markup.Escape(a.Top.Name)}, has only {Percent(a.Top.Probability)}.",
    };

    private static string VerdictName(Verdict verdict) => verdict switch
    {
        Attribution.Calibration.Verdict.Attributed => "attributed",
        Attribution.Calibration.Verdict.Leaning => "leaning",
        _ => "cannot tell",
    };

    private static string NameOf(BacktestReport report, string group)
    {
        var index = report.Model.Classes.ToList().IndexOf(group);
        return index >= 0 ? report.ClassNames[index] : group;
    }

    private static string Percent(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Fixed(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
