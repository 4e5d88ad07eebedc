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
        foreach (var family in model.FamilyNames)
        {
            var members = model.Classes.Select((c, k) => (c, k)).Where(x => model.Families[x.k] == family.Key).Select(x => model.ClassNames[x.k]);
            console.MarkupLine($"Family [bold]{Markup.Escape(family.Value)}[/] ({Markup.Escape(string.Join(", ", members))}): attributed at {model.Thresholds.Family:0.000} or more where no one group is sure enough.");
        }
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

            var drivers = new Table().Border(TableBorder.Simple).AddColumn("Pushed").AddColumn("What").AddColumn("Here")
                .AddColumn(new TableColumn("Without it").RightAligned());
            foreach (var d in a.Drivers)
            {
                drivers.AddRow(Markup.Escape(d.Change > 0 ? $"toward {d.Group}" : $"against {d.Group}"), Markup.Escape(d.Feature), Markup.Escape(d.Value).Replace(", ", ",\n", StringComparison.Ordinal),
                    d.Change > 0 ? $"−{d.Change * 100:0.0} pts" : $"+{-d.Change * 100:0.0} pts");
            }

            console.Write(new Columns(probabilities, drivers).Collapse());
            if (a.Similar.Count > 0)
            {
                var similar = new Table().Border(TableBorder.Simple).Title("Most similar earlier attacks")
                    .AddColumn("Event").AddColumn("Date").AddColumn("Perpetrator").AddColumn("Place").AddColumn(new TableColumn("km").RightAligned()).AddColumn("Shared").AddColumn("In its source");
                foreach (var s in a.Similar)
                {
                    similar.AddRow(s.EventId >= 0 ? $"{s.EventId}" : "–", $"{s.Date:yyyy-MM-dd}", Markup.Escape(s.Perpetrator), Markup.Escape(s.Place ?? "–"),
                        s.DistanceKm is { } km ? km.ToString("0", CultureInfo.InvariantCulture) : "–", Markup.Escape(string.Join(", ", s.Shared)),
                        Markup.Escape(s.Reference));
                }

                console.Write(similar);
            }
        }

        console.MarkupLine($"[grey]Probabilities calibrated on the model's validation slice (ECE {model.Validation.ExpectedCalibrationError:0.000}); " +
            $"'attributed' means {model.Options.AttributedAccuracy:P0} of validation attacks at that confidence were right. 'Without it': how the group's probability moves when that is unknown. " +
            "'Event' is the store's id ('dyad history ID' shows it); 'In its source' is the dataset's own id (GTD eventid, ACLED event_id_cnty, UCDP id), or the file and row.[/]");
    }

    public static void RenderBacktest(IAnsiConsole console, BacktestReport report)
    {
        console.MarkupLine(report.Step is { } step
            ? $"Walk-forward backtest from [bold]{report.From:yyyy-MM-dd}[/] to {report.Steps[^1].To:yyyy-MM-dd}, {report.Steps.Count} {step.ToString().ToLowerInvariant()}ly steps, trained again {(report.Retrain == "once" ? "never (once, before the first step)" : $"every {report.Retrain!.ToLowerInvariant()}")}: {report.TrainingAttacks:N0} attacks with a known perpetrator before the first step, {report.TestAttacks:N0} tested (each step's perpetrators hidden from its model and its features)."
            : $"Backtest split at [bold]{report.From:yyyy-MM-dd}[/]: trained on {report.TrainingAttacks:N0} attacks before it, tested on {report.TestAttacks:N0} from it to {report.Steps[^1].To:yyyy-MM-dd} (perpetrators hidden).");
        if (report.Stopped)
        {
            console.MarkupLine($"[yellow]Stopped when asked, after {report.Steps.Count} of the {report.PlannedSteps} steps: the figures below are those of the steps done.[/]");
        }

        console.MarkupLine($"Groups: {Markup.Escape(string.Join(", ", report.ClassNames))}.");
        if (report.FamilyNames.Count > 0)
        {
            console.MarkupLine($"One level up (families of groups, and the groups that stand alone): {Markup.Escape(string.Join(", ", report.FamilyNames))}.");
        }

        if (report.Steps.Count > 1)
        {
            var steps = new Table().Border(TableBorder.Simple).Title("Step by step").AddColumn("Step").AddColumn("Model trained on")
                .AddColumn(new TableColumn("Tested").RightAligned()).AddColumn(new TableColumn("Accuracy").RightAligned()).AddColumn(new TableColumn("Macro-F1").RightAligned())
                .AddColumn(new TableColumn("Brier").RightAligned()).AddColumn(new TableColumn("Attributed").RightAligned()).AddColumn(new TableColumn("Right").RightAligned())
                .AddColumn(new TableColumn("Training").RightAligned());
            foreach (var s in report.Steps)
            {
                steps.AddRow($"{s.From:yyyy-MM-dd} – {s.To:yyyy-MM-dd}", $"{s.TrainingAttacks:N0} before {s.TrainedUntil:yyyy-MM-dd}", $"{s.TestAttacks:N0}", Percent(s.Accuracy),
                    Fixed(s.MacroF1), Fixed(s.Brier), Percent(s.AttributedShare), Percent(s.AttributedAccuracy),
                    s.TrainSeconds > 0 ? $"{s.TrainSeconds:F0} s{(s.Searched ? " (search)" : "")}" : "kept");
            }

            console.Write(steps);
            var trainings = report.Steps.Count(s => s.TrainSeconds > 0);
            console.MarkupLine($"[grey]{report.Searches} of the {trainings} trainings searched for their booster, temperature and thresholds on their validation slice; the others reused the last search's " +
                $"(a search every {report.Search.EveryTrainings} trainings{(report.Search.Growth > 0 ? $", or sooner once the training attacks had grown by {report.Search.Growth:P0}" : "")}).[/]");
        }

        foreach (var subset in report.Subsets)
        {
            var table = new Table().Border(TableBorder.Simple).Title($"{Markup.Escape(subset.Name)}: {subset.Model.Count:N0} test attacks")
                .AddColumn("").AddColumn(new TableColumn("Accuracy").RightAligned()).AddColumn(new TableColumn("Macro-F1").RightAligned())
                .AddColumn(new TableColumn("Log-loss").RightAligned()).AddColumn(new TableColumn("Brier").RightAligned()).AddColumn(new TableColumn("ECE").RightAligned());
            var rows = new List<(string, ClassificationMetrics)> { ("Dyad, groups", subset.Model) };
            if (subset.Family is { } family)
            {
                rows.Add(("Dyad, families", family));
            }

            rows.AddRange([("Majority group", subset.Majority), ("Province's majority group", subset.ProvinceMajority)]);
            foreach (var (name, m) in rows)
            {
                table.AddRow(name, Percent(m.Accuracy), Fixed(m.MacroF1), Fixed(m.LogLoss), Fixed(m.Brier), Fixed(m.ExpectedCalibrationError));
            }

            console.Write(table);
            var v = subset.Verdicts;
            console.MarkupLine($"  Verdicts: attributed to a group {v.Attributed:N0} ({v.AttributedShare:P1}), {Percent(v.AttributedAccuracy)} right" +
                (report.FamilyNames.Count > 0 ? $"; to a family where no group was sure enough {v.FamilyAttributed:N0}, {Percent(v.FamilyAttributedAccuracy)} right; either level {v.AttributedAnyShare:P1}, {Percent(v.AttributedAnyAccuracy)} right as stated" : "") +
                $"; leaning {v.Leaning:N0} ({Percent(v.LeaningAccuracy)} right); cannot tell {v.CannotTell:N0}.");
            if (v.Attributed + v.FamilyAttributed == 0)
            {
                console.MarkupLine("  [yellow]Nothing was attributed at the model's threshold in this subset.[/]");
            }
            else if (v.AttributedAnyAccuracy < report.Model.Options.AttributedAccuracy)
            {
                console.MarkupLine($"  [yellow]The promise does not hold here: attributed verdicts were {Percent(v.AttributedAnyAccuracy)} right, against the {report.Model.Options.AttributedAccuracy:P0} the threshold was chosen for.[/]");
            }
        }

        if (report.NamedElsewhere is { Attacks: > 0 } outside)
        {
            console.MarkupLine($"Test-period attacks their own source calls unknown that another dataset's report of the same incident names: {outside.Attacks:N0}; Dyad's top group agreed with that source for {outside.Agreed:N0} ({Percent(outside.Share)}).");
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
        console.MarkupLine($"[grey]Training {report.TrainSeconds:0.0} s; scoring {report.TestAttacks:N0} attacks {report.ScoreSeconds:0.00} s ({report.AttacksScoredPerSecond:N0}/s). Thresholds were chosen on each model's training data's newest {report.Model.Options.ValidationShare:P0}, never on the test attacks.[/]");
    }

    private static void RenderSummary(IAnsiConsole console, IReadOnlyList<AttackAttribution> attributions)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Event").AddColumn("Date").AddColumn("Province")
            .AddColumn("Verdict").AddColumn("Most likely").AddColumn(new TableColumn("p").RightAligned()).AddColumn("Then");
        foreach (var a in attributions)
        {
            var second = a.Probabilities.Count > 1 ? $"{a.Probabilities[1].Name} {Percent(a.Probabilities[1].Probability)}" : "";
            table.AddRow(a.Attack.EventId >= 0 ? $"{a.Attack.EventId}" : $"{a.Attack.Event.Dataset} {a.Attack.Event.DatasetId}", $"{a.Attack.Date:yyyy-MM-dd}",
                Markup.Escape(a.Attack.Event.Place.Admin1 ?? "–"), VerdictName(a), Markup.Escape(a.Level == AttributionLevel.Family ? $"{a.Family!.Name} ({Percent(a.Family.Probability)}): {a.Top.Name}" : a.Top.Name),
                Percent(a.Top.Probability), Markup.Escape(second));
        }

        console.Write(table);
        var counts = attributions.GroupBy(VerdictName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}");
        console.MarkupLine($"{attributions.Count:N0} attacks: {string.Join(", ", counts)}. Name one event id for its explanation and similar attacks.");
    }

    private static string Verdict(AttackAttribution a) => a.Verdict switch
    {
        Attribution.Calibration.Verdict.Attributed when a.Level == AttributionLevel.Family =>
            $"[green bold]Attributed[/] to [bold]{Markup.Escape(a.Family!.Name)}[/] ({Percent(a.Family.Probability)}); most likely [bold]{Markup.Escape(a.Top.Name)}[/] ({Percent(a.Top.Probability)}).",
        Attribution.Calibration.Verdict.Attributed => $"[green bold]Attributed[/] to [bold]{Markup.Escape(a.Top.Name)}[/] ({Percent(a.Top.Probability)}).",
        Attribution.Calibration.Verdict.Leaning => $"[yellow bold]Leaning[/] toward [bold]{Markup.Escape(a.Top.Name)}[/] ({Percent(a.Top.Probability)}): not sure enough to attribute.",
        _ when a.Evidence == 0 => "[red bold]Cannot tell[/]: nothing of the attack's place or manner is known.",
        _ => $"[red bold]Cannot tell[/]: nothing can be attributed at the model's threshold; the most likely group, {Markup.Escape(a.Top.Name)}, has only {Percent(a.Top.Probability)}.",
    };

    private static string VerdictName(AttackAttribution a) => a.Verdict switch
    {
        Attribution.Calibration.Verdict.Attributed when a.Level == AttributionLevel.Family => "attributed to a family",
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
