using Dyad.Events;
using Dyad.Places;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>The demo's views of the IS-K / Taliban dyad, found through the actor registry and placed with the gazetteer.</summary>
internal static class DemoRenderer
{
    private const string Iskp = "iskp";
    private const string Taliban = "taliban";

    public static void YearlyDeaths(IAnsiConsole console, IEventStore store)
    {
        var rows = store.Events(new EventFilter(Dataset: Datasets.UcdpNonState, ActorIds: [Iskp])).Where(IsDyad).ToList();
        var years = rows.GroupBy(r => r.Event.Date.Start.Year).OrderBy(g => g.Key).ToList();
        console.Write(new Rule("[bold]Deaths in fighting between IS-K and the Taliban, by year[/] (UCDP non-state conflicts)").LeftJustified());
        if (rows.Count == 0)
        {
            console.MarkupLine("[grey]No IS-K–Taliban rows in the samples.[/]");
            return;
        }

        var chart = new BarChart().Width(72);
        foreach (var year in years)
        {
            chart.AddItem($"{year.Key}  ({year.Sum(r => r.Event.Deaths.Low)}–{year.Sum(r => r.Event.Deaths.High)})", year.Sum(r => r.Event.Deaths.Best ?? 0), Color.Orange1);
        }

        console.Write(chart);
        var dyads = string.Join("; ", rows.Select(r => $"{r.Event.Actors.Actor1} – {r.Event.Actors.Actor2}").Distinct());
        console.MarkupLine($"[grey]Best estimates, with UCDP's low–high range, summed over the dyads the registry reads as IS-K against the Taliban ({Markup.Escape(dyads)}). " +
            $"Source: {Markup.Escape(Path.GetFileName(rows[0].SourceFile))}, rows {string.Join(", ", rows.Select(r => r.Event.Provenance.Row).Order())}.[/]");
        console.WriteLine();
    }

    public static void Clashes(IAnsiConsole console, IEventStore store, Gazetteer gazetteer)
    {
        var clashes = store.Events(new EventFilter(Dataset: Datasets.UcdpGed, IncludeRaw: true, ActorIds: [Iskp])).Where(IsDyad).ToList();
        console.Write(new Rule($"[bold]{clashes.Count} IS-K–Taliban clashes recorded event by event[/] (UCDP GED)").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Dates").AddColumn("Province").AddColumn("District (source)")
            .AddColumn(new TableColumn("IS-K dead").RightAligned()).AddColumn(new TableColumn("Taliban dead").RightAligned()).AddColumn("Reported by");
        foreach (var clash in clashes)
        {
            var e = clash.Event;
            var (iskpDead, talibanDead) = clash.Actor1Ids.Contains(Iskp) ? (e.Deaths.Actor1, e.Deaths.Actor2) : (e.Deaths.Actor2, e.Deaths.Actor1);
            // The GeoJSON sample has no province column: the gazetteer finds it from the point.
            var province = clash.Units?.Admin1Id is { } id ? gazetteer.Find(id)?.Name : null;
            table.AddRow(e.Date.ToString(), Markup.Escape(province ?? "–"), Markup.Escape(e.Place.Admin2 ?? "–"),
                $"{iskpDead}", $"{talibanDead}", Markup.Escape(Shorten(e.Citations, 60)));
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

    /// <summary>IS-K on one side and the Taliban on the other, as the registry resolves the source's names.</summary>
    private static bool IsDyad(StoredEvent e) =>
        (e.Actor1Ids.Contains(Iskp) && e.Actor2Ids.Contains(Taliban)) || (e.Actor1Ids.Contains(Taliban) && e.Actor2Ids.Contains(Iskp));

    private static string Shorten(string? text, int length) =>
        text is null ? "–" : text.Length <= length ? text : text[..(length - 1)] + "…";
}
