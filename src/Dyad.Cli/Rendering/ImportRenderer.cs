using Dyad.App.Importing;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>The import's report for people: a row per file, the reconciliation, warnings and where to look next.</summary>
internal static class ImportRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<FileOutcome> outcomes, string db)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Imported into [bold]{Markup.Escape(db)}[/]")
            .AddColumn("File").AddColumn("Format").AddColumn(new TableColumn("Read").RightAligned())
            .AddColumn(new TableColumn("Imported").RightAligned()).AddColumn(new TableColumn("Revised").RightAligned())
            .AddColumn(new TableColumn("Duplicates").RightAligned()).AddColumn(new TableColumn("Rejected").RightAligned());
        foreach (var outcome in outcomes)
        {
            var name = Markup.Escape(Path.GetFileName(outcome.File));
            if (outcome.Report is { } r)
            {
                table.AddRow(name, r.Format, $"{r.Read:N0}", $"[green]{r.Imported:N0}[/]", $"{r.Revised:N0}", $"{r.Duplicates:N0}",
                    r.Rejected > 0 ? $"[yellow]{r.Rejected:N0}[/]" : "0");
            }
            else if (outcome.Store is { } t)
            {
                table.AddRow(name, "dyad export", $"{t.Events + t.EventsSkipped:N0}", $"[green]{t.Events:N0}[/]", "0", $"{t.EventsSkipped:N0}", "0");
            }
            else if (outcome.Records is { } c)
            {
                table.AddRow(name, "case file", $"{c.Read:N0}", $"[green]{c.SourcesAdded + c.ClaimsAdded:N0}[/]", "0", $"{c.SourcesKept + c.ClaimsKept:N0}", "0");
            }
            else
            {
                table.AddRow(name, "[red]not read[/]", "", "", "", "", "");
            }
        }

        console.Write(table);
        var reports = outcomes.Where(o => o.Report is not null).Select(o => o.Report!).ToList();
        if (reports.Count > 0)
        {
            long read = reports.Sum(r => r.Read), imported = reports.Sum(r => r.Imported), revised = reports.Sum(r => r.Revised),
                duplicates = reports.Sum(r => r.Duplicates), rejected = reports.Sum(r => r.Rejected);
            var reconciles = read == imported + revised + duplicates + rejected;
            console.MarkupLine($"{(reconciles ? "[green]✓[/]" : "[red]✗[/]")} read {read:N0} = imported {imported:N0} + revised {revised:N0} + duplicates {duplicates:N0} + rejected {rejected:N0}");
            if (reports.Sum(r => r.Withdrawn) is > 0 and var withdrawn)
            {
                console.MarkupLine($"{withdrawn:N0} event(s) of earlier releases are not in the new one: withdrawn, and kept in their history ('dyad history EVENT').");
            }
        }

        foreach (var report in reports.Where(r => r.Warnings.Count > 0))
        {
            foreach (var warning in report.Warnings)
            {
                console.MarkupLine($"[yellow]![/] {Markup.Escape(Path.GetFileName(report.Path))}: {Markup.Escape(warning)}");
            }
        }

        foreach (var t in outcomes.Select(o => o.Store).OfType<Dyad.Store.StoreTransferReport>())
        {
            console.MarkupLine($"{Markup.Escape(Path.GetFileName(t.Folder))}: {t.Events:N0} events from {t.Imports:N0} file(s), {t.Rejects:N0} rejected row(s) kept aside; " +
                $"{t.Sources:N0} source(s) and {t.Claims:N0} claim(s) added, {t.SourcesKept + t.ClaimsKept:N0} already here and kept as they are; {t.Decisions:N0} link decision(s).");
        }

        foreach (var records in outcomes.Select(o => o.Records).OfType<Dyad.App.Records.CaseFileReport>())
        {
            console.MarkupLine($"{Markup.Escape(Path.GetFileName(records.Path))}: {records.SourcesAdded:N0} source(s) and {records.ClaimsAdded:N0} claim(s) added; " +
                $"{records.SourcesKept + records.ClaimsKept:N0} already in the store and kept as they are ([bold]dyad sources list[/], [bold]dyad claims list[/]).");
            foreach (var warning in records.Warnings)
            {
                console.MarkupLine($"[yellow]![/] {Markup.Escape(warning)}");
            }
        }

        if (reports.Any(r => r.Rejected > 0))
        {
            console.MarkupLine($"Rejected rows are kept with their reasons: [bold]dyad rejects --db {Markup.Escape(db)}[/]");
        }
    }
}
