using Dyad.Events;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>The demo's views of the IS / Taleban dyad, by UCDP's own names for the two groups.</summary>
internal static class DemoRenderer
{
    private const string IslamicState = "IS";
    private const string Taliban = "Taleban";

    public static void YearlyDeaths(IAnsiConsole console, IEventStore store)
    {
        var years = store.Events(new EventFilter(Actor: Taliban, Dataset: Datasets.UcdpNonState))
            .Where(e => IsDyad(e.Event))
            .ToList();
        console.Write(new Rule("[bold]Deaths in fighting between IS and the Taliban, by year[/] (UCDP non-state conflict 13540)").LeftJustified());
        if (years.Count == 0)
        {
            console.MarkupLine("[grey]No IS–Taleban rows in the samples.[/]");
            return;
        }

        var chart = new BarChart().Width(72);
        foreach (var year in years)
        {
            var d = year.Event.Deaths;
            chart.AddItem($"{year.Event.Date.Start.Year}  ({d.Low}–{d.High})", d.Best ?? 0, Color.Orange1);
        }

        console.Write(chart);
        var first = years[0];
        console.MarkupLine($"[grey]Best estimates, with UCDP's low–high range. Source: {Markup.Escape(Path.GetFileName(first.SourceFile))}, rows {years.Min(y => y.Event.Provenance.Row)}–{years.Max(y => y.Event.Provenance.Row)}.[/]");
        console.WriteLine();
    }

    public static void Clashes(IAnsiConsole console, IEventStore store)
    {
        var clashes = store.Events(new EventFilter(Actor: Taliban, Dataset: Datasets.UcdpGed, IncludeRaw: true)).Where(e => IsDyad(e.Event)).ToList();
        console.Write(new Rule($"[bold]{clashes.Count} IS–Taliban clashes recorded event by event[/] (UCDP GED)").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Dates").AddColumn("Where")
            .AddColumn(new TableColumn("IS dead").RightAligned()).AddColumn(new TableColumn("Taliban dead").RightAligned()).AddColumn("Reported by");
        foreach (var clash in clashes)
        {
            var e = clash.Event;
            var (isDead, talibanDead) = e.Actors.Actor1 == IslamicState ? (e.Deaths.Actor1, e.Deaths.Actor2) : (e.Deaths.Actor2, e.Deaths.Actor1);
            var where = string.Join(", ", new[] { e.Place.Admin2, e.Place.Admin1, e.Place.Country }.Where(p => p is not null));
            table.AddRow(e.Date.ToString(), Markup.Escape(where.Length > 0 ? where : $"{e.Place.Latitude:0.00}, {e.Place.Longitude:0.00}"),
                $"{isDead}", $"{talibanDead}", Markup.Escape(Shorten(e.Citations, 60)));
        }

        console.Write(table);
        if (clashes.Count > 0)
        {
            var sample = clashes[0];
            console.MarkupLine($"Every event keeps its provenance. The first came from [bold]{Markup.Escape(Path.GetFileName(sample.SourceFile))}[/], row {sample.Event.Provenance.Row}, verbatim:");
            console.WriteLine(Shorten(sample.Event.Provenance.Raw, 300));
        }

        console.WriteLine();
    }

    private static bool IsDyad(DyadEvent e) =>
        (e.Actors.Actor1 == IslamicState && e.Actors.Actor2 == Taliban) || (e.Actors.Actor1 == Taliban && e.Actors.Actor2 == IslamicState);

    private static string Shorten(string? text, int length) =>
        text is null ? "–" : text.Length <= length ? text : text[..(length - 1)] + "…";
}
