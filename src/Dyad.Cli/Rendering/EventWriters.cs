using System.Globalization;
using Dyad.App.Views;
using Dyad.Places;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Writes events as a table for people (<see cref="EventExports"/> writes them for other tools).</summary>
internal static class EventWriters
{
    /// <param name="gazetteer">
    /// Names the units the gazetteer placed an event in where its source names none (UCDP's and ACLED's coordinates
    /// without a province, GTD's "Unknown"), marked *: a filter by province lists events it placed there, and the table
    /// must not show them with a blank province.
    /// </param>
    public static void Table(IAnsiConsole console, IEnumerable<StoredEvent> events, long total, int shown, Gazetteer? gazetteer = null)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Date").AddColumn("Dataset").AddColumn("Country")
            .AddColumn("Province / place").AddColumn("Actor 1").AddColumn("Actor 2").AddColumn("Type")
            .AddColumn(new TableColumn("Deaths").RightAligned());
        var placed = false;
        foreach (var stored in events)
        {
            var e = stored.Event;
            var unit = e.Place.Admin1 is null && stored.Units?.Admin1Id is { } id ? gazetteer?.Find(id) : null;
            placed |= unit is not null;
            table.AddRow(
                stored.Id.ToString(CultureInfo.InvariantCulture), e.Date.ToString(), e.Dataset, Cell(e.Place.Country ?? unit?.Country),
                Cell(string.Join(" / ", new[] { e.Place.Admin1 ?? (unit is null ? null : unit.Name + "*"), e.Place.Name }.Where(s => s is not null))),
                Cell(e.Actors.Actor1), Cell(e.Actors.Actor2), Cell(e.Category.Subtype ?? e.Category.Type), Deaths(e.Deaths));
        }

        console.Write(table);
        if (placed)
        {
            console.MarkupLine("[grey]* the unit the gazetteer placed the event in by its coordinates or place name; the source names none.[/]");
        }

        console.MarkupLine(total > shown
            ? $"{shown:N0} of {total:N0} events shown; use [bold]--limit[/] for more, or [bold]--format csv[/] for all."
            : $"{total:N0} event(s).");
    }

    private static string Cell(string? text) => text is null ? "[grey]–[/]" : Markup.Escape(text.Length > 40 ? text[..39] + "…" : text);

    /// <summary>The one total every figure uses (<see cref="Events.DeathToll.Total"/>), with UCDP's range where it has one.</summary>
    private static string Deaths(Events.DeathToll deaths) => deaths switch
    {
        { Total: null } => "[grey]–[/]",
        { Low: { } low, High: { } high } when low != high => $"{deaths.Total} [grey]({low}–{high})[/]",
        _ => $"{deaths.Total}",
    };
}
