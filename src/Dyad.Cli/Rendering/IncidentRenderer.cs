using System.Globalization;
using Dyad.App.Views;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Incidents for people (a table of each incident's events, then why they were linked) and for machines.</summary>
internal static class IncidentRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<StoredIncident> incidents)
    {
        if (incidents.Count == 0)
        {
            console.MarkupLine("No incident is reported by more than one event here; every event is an incident of its own.");
            return;
        }

        foreach (var incident in incidents)
        {
            var first = incident.Events[0].Event;
            console.Write(new Rule($"[bold]Incident {incident.Id}[/] · {first.Date} · {Markup.Escape(string.Join(" + ", incident.Datasets))}").LeftJustified());
            var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("Event").RightAligned()).AddColumn("Source id").AddColumn("Date")
                .AddColumn("Place").AddColumn("Actors").AddColumn("Type").AddColumn(new TableColumn("Deaths").RightAligned());
            foreach (var stored in incident.Events)
            {
                var e = stored.Event;
                table.AddRow($"{stored.Id}", Markup.Escape($"{e.Dataset}:{e.DatasetId}"), e.Date.ToString(),
                    Markup.Escape(string.Join(", ", new[] { e.Place.Name, e.Place.Admin2, e.Place.Admin1 }.Where(p => p is not null).Distinct())),
                    Markup.Escape(e.Actors.Actor2 is null ? e.Actors.Actor1 ?? "–" : $"{e.Actors.Actor1} / {e.Actors.Actor2}"),
                    Markup.Escape(e.Category.AttackTypes.FirstOrDefault() ?? e.Category.Subtype ?? e.Category.Type ?? "–"),
                    e.Deaths.Best?.ToString(CultureInfo.InvariantCulture) ?? "–");
            }

            console.Write(table);
            foreach (var link in incident.Links)
            {
                console.MarkupLine($"  {link.EventA} ~ {link.EventB}: [bold]{link.Score:0.00}[/] ({link.Rule}) — {Markup.Escape(string.Join("; ", link.Reasons))}");
            }

            console.WriteLine();
        }

        console.MarkupLine($"{incidents.Count:N0} incident(s) reported by more than one event. Settle a link with [bold]dyad incidents confirm[/] or [bold]split[/] EVENT [[EVENT]].");
    }

    public static void RenderLinking(IAnsiConsole console, LinkingReport report) =>
        console.MarkupLine($"Linked {report.LinkedEvents:N0} events into {report.Incidents:N0} incidents ({report.MultiDataset:N0} reported by more than one dataset) " +
            $"from {report.Candidates:N0} candidate pairs; {report.Links:N0} links. [bold]dyad incidents[/] lists them.");

    public static object ToJson(StoredIncident incident) => new
    {
        incident.Id,
        incident.Datasets,
        Events = incident.Events.Select(EventView.From),
        Links = incident.Links,
    };
}
