using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>A store's contents at a glance: totals, then counts by dataset, country, year and actor side by side.</summary>
internal static class StatsRenderer
{
    public static void Render(IAnsiConsole console, StoreStatistics statistics)
    {
        console.MarkupLine($"[bold]{statistics.Incidents:N0}[/] incidents reported by [bold]{statistics.Events:N0}[/] events from [bold]{statistics.Imports:N0}[/] import(s) " +
            $"({statistics.MultiDatasetIncidents:N0} incidents reported by more than one dataset; [bold]dyad incidents[/] lists them); {statistics.Rejected:N0} rejected row(s) kept aside.");
        if (statistics.Events == 0)
        {
            console.MarkupLine("The store is empty: [bold]dyad import FILE[/] fills it.");
            return;
        }

        console.Write(new Columns(
            Counts("Dataset", statistics.ByDataset),
            Counts("Country", statistics.ByCountry),
            Counts("Year", statistics.ByYear)));
        console.Write(Counts("Actor 1 (perpetrator or side A)", statistics.ByActor));
        console.MarkupLine("[grey]Deaths are the sources' best estimates, summed. UCDP's yearly tables count again the deaths its events count, and datasets overlap: the tables count each dataset's own events, so compare within a dataset.[/]");
    }

    public static Table Counts(string title, IEnumerable<CountBy> counts)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(title)
            .AddColumn(new TableColumn("Events").RightAligned()).AddColumn(new TableColumn("Deaths").RightAligned());
        foreach (var count in counts)
        {
            table.AddRow(Markup.Escape(count.Key), $"{count.Events:N0}", count.Deaths is { } d ? $"{d:N0}" : "–");
        }

        return table;
    }
}
