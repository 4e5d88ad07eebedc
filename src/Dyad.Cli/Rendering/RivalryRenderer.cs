using System.Globalization;
using Dyad.Analysis.Rivalry;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>A rivalry's measures on the terminal.</summary>
internal static class RivalryRenderer
{
    private const int TimelineRows = 24;

    public static void Render(IAnsiConsole console, RivalryResult r)
    {
        string a = Markup.Escape(r.A.Name), b = Markup.Escape(r.B.Name);
        var d = r.Dyad;
        console.Write(new Rule($"[bold]{a}[/] vs [bold]{b}[/] — datasets: {Markup.Escape(string.Join(", ", r.Datasets))}").LeftJustified());
        console.MarkupLine(d.Events == 0
            ? $"No incident with {a} and {b} on opposite sides."
            : $"[bold]{d.Events:N0}[/] incidents with {a} and {b} on opposite sides, {d.First:yyyy-MM} to {d.Last:yyyy-MM}: deaths {d.Deaths:N0} (low {d.DeathsLow:N0}, high {d.DeathsHigh:N0})" +
              (d.DeathsA is { } da && d.DeathsB is { } db ? $"; {a} lost {da:N0}, {b} {db:N0} where the sources split them." : "."));
        console.MarkupLine($"What each did, without the other (its attacks): {Markup.Escape(RoleSentences.Attacks(r.A.Name, r.SummaryA))}; {Markup.Escape(RoleSentences.Attacks(r.B.Name, r.SummaryB))}.");
        foreach (var fighting in new[] { RoleSentences.Fighting(r.A.Name, r.RolesA), RoleSentences.Fighting(r.B.Name, r.RolesB) }.OfType<string>())
        {
            console.MarkupLine($"The fighting it was in and what was done to it: {Markup.Escape(fighting)}.");
        }

        if (r.Either.Events > 0)
        {
            console.MarkupLine($"Either side, unresolved (the sources leave it open between them, or name both): {Side(r.Either)} — counted apart, as neither's.");
        }

        foreach (var possibly in new[] { RoleSentences.Possibly(r.A.Name, r.PossiblyA), RoleSentences.Possibly(r.B.Name, r.PossiblyB) }.OfType<string>())
        {
            console.MarkupLine($"{Markup.Escape(char.ToUpperInvariant(possibly[0]) + possibly[1..])} — counted apart, as no one's.");
        }

        var timeline = new Table().Border(TableBorder.Simple).Title($"Per {r.By.ToString().ToLowerInvariant()} (the last {TimelineRows}); 'alone': any part it played without the other")
            .AddColumn("Period").AddColumn(new TableColumn($"{a} vs {b}").RightAligned()).AddColumn(new TableColumn("deaths").RightAligned())
            .AddColumn(new TableColumn($"{a} alone").RightAligned()).AddColumn(new TableColumn($"{b} alone").RightAligned())
            .AddColumn(new TableColumn("either").RightAligned());
        foreach (var row in r.Timeline.TakeLast(TimelineRows))
        {
            timeline.AddRow(Period(row.Period, r), $"{row.DyadicEvents:N0}", $"{row.DyadicDeaths:N0}", $"{row.EventsA:N0}", $"{row.EventsB:N0}", $"{row.EventsEither:N0}");
        }

        var provinces = new Table().Border(TableBorder.Simple).Title("Per province").AddColumn("Province")
            .AddColumn(new TableColumn("vs").RightAligned()).AddColumn(new TableColumn("deaths").RightAligned())
            .AddColumn(new TableColumn($"{a}").RightAligned()).AddColumn(new TableColumn($"{b}").RightAligned()).AddColumn(new TableColumn("either").RightAligned());
        foreach (var p in r.Provinces.Take(15))
        {
            provinces.AddRow(Markup.Escape(p.Name), $"{p.DyadicEvents:N0}", $"{p.DyadicDeaths:N0}", $"{p.EventsA:N0}", $"{p.EventsB:N0}", $"{p.EventsEither:N0}");
        }

        console.Write(new Columns(timeline, provinces).Collapse());
        if (RoleSentences.YearOnly(r) is { } yearOnly)
        {
            console.MarkupLine($"[grey]{Markup.Escape(yearOnly)}.[/]");
        }

        var targets = new Table().Border(TableBorder.Simple).Title("Whom each attacks (first target type, own attacks)").AddColumn("Target")
            .AddColumn(new TableColumn(a).RightAligned()).AddColumn(new TableColumn(b).RightAligned());
        foreach (var t in r.Targets.Take(10))
        {
            targets.AddRow(Markup.Escape(t.TargetType), $"{t.EventsA:N0}", $"{t.EventsB:N0}");
        }

        if (r.Targets.Count > 0)
        {
            console.Write(targets);
        }

        var territory = r.Territory;
        console.MarkupLine($"Territory ({territory.Unit}s): {b} was active in {Percent(territory.OverallOverlap)} of the {territory.Unit}-{r.By.ToString().ToLowerInvariant()}s where {a} was (overlap index).");
        if (territory.ClashModel is { Coefficients.Count: > 1 } model)
        {
            var c = model.Coefficients[1];
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Count model (Poisson{(model.Dispersion > 1 ? $", SEs widened for dispersion {model.Dispersion:0.0}" : "")}): clashes in a {territory.Unit}-period where both were present the period before × {c.RateRatio:0.00} (95% CI {Math.Exp(c.Low):0.00}–{Math.Exp(c.High):0.00}, {c.PText}; n = {model.Observations:N0}). An association in what was reported, not a cause."));
        }

        else if (territory.ModelNote is { } note)
        {
            console.MarkupLine($"Count model of clashes on co-presence: none — {Markup.Escape(note)}.");
        }

        foreach (var leader in r.Leaders)
        {
            var e = leader.Events;
            var comparison = e.Estimable
                ? string.Create(CultureInfo.InvariantCulture, $"rate ratio {e.Ratio:0.00} (95% CI {e.Low:0.00}–{e.High:0.00})")
                : "no events to compare";
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{Markup.Escape(leader.Loss.Person)} ({leader.Loss.Date:yyyy-MM-dd}): incidents {e.Before:N0} in the {leader.WindowMonths} months before, {e.After:N0} after — {comparison}; " +
                $"counted in {(leader.Datasets.Count == 0 ? "no source (none covers both windows)" : Markup.Escape(string.Join(", ", leader.Datasets)))}."));
        }

        if (r.TurningPoints.Count > 0)
        {
            console.MarkupLine($"Turning points in the monthly clashes: {string.Join(", ", r.TurningPoints.Select(p => p.ToString("yyyy-MM", CultureInfo.InvariantCulture)))}.");
        }

        if (r.CoverageEdgeChanges.Count > 0)
        {
            console.MarkupLine($"Changes of level where a source begins or ends (coverage, not turning points): {string.Join(", ", r.CoverageEdgeChanges.Select(p => p.ToString("yyyy-MM", CultureInfo.InvariantCulture)))}.");
        }

        foreach (var beside in RoleSentences.UcdpBeside(r))
        {
            console.MarkupLine($"[yellow]{Markup.Escape(beside)}.[/]");
        }

        foreach (var file in r.Coverage)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]{Markup.Escape(file.Dataset)} {Markup.Escape(file.File)} covers {file.From:yyyy-MM-dd} to {file.To:yyyy-MM-dd}{(file.Extract is { } x ? $", an extract: {Markup.Escape(x)}" : "")}.[/]"));
        }

        var perDataset = new Table().Border(TableBorder.Simple).Title("Each dataset's own events").AddColumn("Dataset")
            .AddColumn(new TableColumn("vs").RightAligned()).AddColumn(new TableColumn("deaths").RightAligned())
            .AddColumn(new TableColumn(a).RightAligned()).AddColumn(new TableColumn(b).RightAligned()).AddColumn(new TableColumn("either").RightAligned());
        foreach (var row in r.PerDataset)
        {
            perDataset.AddRow(Markup.Escape(row.Dataset), $"{row.DyadicEvents:N0}", $"{row.DyadicDeaths:N0}", $"{row.EventsA:N0}", $"{row.EventsB:N0}", $"{row.EventsEither:N0}");
        }

        console.Write(perDataset);
        console.MarkupLine($"[grey]Counts are incidents: {r.Incidents.Events:N0} events from the datasets make {r.Incidents.Incidents:N0} incidents, {r.Incidents.MultiDataset:N0} of them reported by more than one dataset " +
            "(dyad incidents lists them). An incident's deaths are UCDP's best estimate where UCDP reports it, else the median of its reports'.[/]");
    }

    private static string Side(SideSummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Events:N0} events, {s.Deaths:N0} deaths, {(double.IsNaN(s.DeathsPerEvent) ? "–" : s.DeathsPerEvent.ToString("0.0", CultureInfo.InvariantCulture))} per event") +
        (s.ClaimRecorded > 0 ? $", {s.ClaimedShare.ToString("P0", CultureInfo.InvariantCulture)} claimed" : "");

    private static string Period(DateOnly period, RivalryResult r) => r.By switch
    {
        Dyad.Store.PeriodUnit.Year => period.Year.ToString(CultureInfo.InvariantCulture),
        Dyad.Store.PeriodUnit.Quarter => $"{period.Year}-Q{((period.Month - 1) / 3) + 1}",
        _ => period.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    private static string Percent(double value) => double.IsNaN(value) ? "–" : value.ToString("P0", CultureInfo.InvariantCulture);
}
