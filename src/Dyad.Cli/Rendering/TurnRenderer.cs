using Dyad.Analysis.Turns;
using Dyad.App.Turns;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Turning events, defections and what followed them, on the terminal.</summary>
internal static class TurnRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<TurningEvent> turns)
    {
        if (turns.Count == 0)
        {
            console.MarkupLine("No turning events on record: 'dyad turns add' records one.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("Date", "Kind", "Turning event", "Groups", "Source");
        foreach (var t in turns)
        {
            table.AddRow($"{t.Date:yyyy-MM-dd}", Markup.Escape(t.Kind), Markup.Escape(t.Name), Markup.Escape(string.Join(", ", t.Groups)), Markup.Escape(t.Source));
        }

        console.Write(table);
    }

    public static void RenderDefections(IAnsiConsole console, IReadOnlyList<TurningEvent> defections)
    {
        if (defections.Count == 0)
        {
            console.MarkupLine("No defections on record in this period: 'dyad turns add --kind defection --from-group A --to-group B …' records one.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("Date", "From", "To", "People", "Where", "What", "Source");
        foreach (var d in defections)
        {
            table.AddRow($"{d.Date:yyyy-MM-dd}", Markup.Escape(d.From ?? ""), Markup.Escape(d.To ?? ""), d.People is { } n ? $"{n:N0}" : "not given",
                Markup.Escape(d.Place ?? ""), Markup.Escape(d.Name), Markup.Escape(d.Source));
        }

        console.Write(table);
    }

    public static void RenderCandidates(IAnsiConsole console, IReadOnlyList<StoredTurnCandidate> candidates)
    {
        if (candidates.Count == 0)
        {
            console.MarkupLine("No event in the store reads like a turning event (defection, allegiance, split, ceasefire, accord, or ACLED's strategic developments).");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("Event", "Date", "Where", "Actors", "Suggests", "Why");
        foreach (var c in candidates)
        {
            table.AddRow($"{c.EventId} ({Markup.Escape(c.Dataset)} {Markup.Escape(c.DatasetId)})", $"{c.Date:yyyy-MM-dd}", Markup.Escape(c.Place ?? ""),
                Markup.Escape(string.Join(" / ", new[] { c.Actor1, c.Actor2 }.OfType<string>())), Markup.Escape(c.SuggestedKind), Markup.Escape(c.Evidence));
        }

        console.Write(table);
        console.MarkupLine($"{candidates.Count:N0} candidates: words and ACLED's categories say what to read, not what happened. Record the real ones with 'dyad turns add … --source'.");
    }

    public static void RenderDossier(IAnsiConsole console, TurnDossier dossier)
    {
        var t = dossier.Turn;
        console.MarkupLine($"[bold]{Markup.Escape(t.Name)}[/] ({Markup.Escape(t.Kind)}), {t.Date:d MMMM yyyy}.");
        console.MarkupLine($"Source: {Markup.Escape(t.Source)}");
        if (t.Kind == TurningEvent.Defection)
        {
            console.MarkupLine($"From {Markup.Escape(t.From ?? "?")} to {Markup.Escape(t.To ?? "?")}{(t.People is { } n ? $", {n:N0} people" : "")}{(t.Place is { } p ? $", {Markup.Escape(p)}" : "")}.");
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Group's events")
            .AddColumns([.. new[] { "after", "expected", "ratio", "95% interval", "placebo dates this large", "beyond other groups' change" }.Select(c => new TableColumn(c).RightAligned())]);
        foreach (var g in dossier.Studies)
        {
            var s = g.Study;
            table.AddRow(s.Estimable
                ? [Markup.Escape(g.Name), $"{s.Observed:N0}", $"{s.Expected:0.0}", $"{s.Ratio:0.00}", $"{s.Low:0.00}–{s.High:0.00}", s.PlaceboShare is { } share ? $"{share:P0} of {s.PlaceboDates:N0}" : "–",
                    s.BeyondComparison is { } b ? $"{b.Ratio:0.00} ({b.Low:0.00}–{b.High:0.00})" : "–"]
                : [Markup.Escape(g.Name), "", "", "", "", Markup.Escape($"not estimable: {s.Problem}"), ""]);
        }

        console.Write(table);
        console.MarkupLine("Each group's events (on either side) in the 6 months after the event's month, against the level and trend of the 24 months before; placebo dates: the same comparison at months with no turning event on record near them; beyond other groups' change: the ratio divided by the same ratio for every other group's events in the store (or the country asked for).");
    }
}
