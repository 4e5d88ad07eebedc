using System.Globalization;
using Dyad.App.Views;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Writes events as a table for people (<see cref="EventExports"/> writes them for other tools).</summary>
internal static class EventWriters
{
    public static void Table(IAnsiConsole console, IEnumerable<StoredEvent> events, long total, int shown)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Date").AddColumn("Dataset").AddColumn("Country")
            .AddColumn("Province / place").AddColumn("Actor 1").AddColumn("Actor 2").AddColumn("Type")
            .AddColumn(new TableColumn("Deaths").RightAligned());
        foreach (var stored in events)
        {
            var e = stored.Event;
            table.AddRow(
                stored.Id.ToString(CultureInfo.InvariantCulture), e.Date.ToString(), e.Dataset, Cell(e.Place.Country),
                Cell(string.Join(" / ", new[] { e.Place.Admin1, e.Place.Name }.Where(s => s is not null))),
                Cell(e.Actors.Actor1), Cell(e.Actors.Actor2), Cell(e.Category.Subtype ?? e.Category.Type), Deaths(e.Deaths));
        }

        console.Write(table);
        console.MarkupLine(total > shown
            ? $"{shown:N0} of {total:N0} events shown; use [bold]--limit[/] for more, or [bold]--format csv[/] for all."
            : $"{total:N0} event(s).");
    }

    private static string Cell(string? text) => text is null ? "[grey]–[/]" : Markup.Escape(text.Length > 40 ? text[..39] + "…" : text);

    private static string Deaths(Events.DeathToll deaths) => deaths switch
    {
        { Best: null } => "[grey]–[/]",
        { Low: { } low, High: { } high } when low != high => $"{deaths.Best} [grey]({low}–{high})[/]",
        _ => $"{deaths.Best}",
    };
}
