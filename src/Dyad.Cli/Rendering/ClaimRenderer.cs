using System.Globalization;
using Dyad.App.Records;
using Dyad.Claims;
using Dyad.Sources;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Claims for people — what the parser read, the citation, the events it may be about — and for machines.</summary>
internal static class ClaimRenderer
{
    public static void Render(IAnsiConsole console, ClaimRecording.Recorded recorded, Source source, bool showProtected, bool stored)
    {
        var claim = recorded.Evidence.Claim;
        console.Write(new Rule(stored ? $"[bold]Claim {claim.Id}[/]" : "[bold]Claim (not stored: --dry-run)[/]").LeftJustified());
        console.WriteLine(claim.Translation is null ? $"\"{claim.Text}\"" : $"\"{claim.Translation}\" (from the {claim.Language ?? "original"}: {claim.Text})");
        var fields = new Table().Border(TableBorder.Simple).HideHeaders().AddColumn("Field").AddColumn("Value");
        foreach (var (name, value) in Fields(claim))
        {
            fields.AddRow(name, Markup.Escape(value ?? "–"));
        }

        console.Write(fields);
        foreach (var note in recorded.Notes)
        {
            console.MarkupLine($"[yellow]![/] {Markup.Escape(note)}");
        }

        console.MarkupLine($"Cited as: {Markup.Escape(ChicagoNote.For(source, showProtected))}");
        var matches = recorded.Evidence.Matches;
        if (matches.Count == 0)
        {
            console.MarkupLine(ClaimMatcher.Window(claim) is null || claim.Admin1Id is null
                ? "No event can be looked for: the claim needs a day (or the statement's date) and a place."
                : "No event in the store on those days in that province: the claim stands as evidence of its own until one is imported.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).Title("Events it may be about").AddColumn(new TableColumn("Event").RightAligned())
            .AddColumn("Source id").AddColumn("Date").AddColumn("Actors").AddColumn(new TableColumn("Deaths").RightAligned())
            .AddColumn(new TableColumn("Score").RightAligned());
        foreach (var (match, candidate) in matches)
        {
            var e = candidate.Event;
            table.AddRow($"{candidate.Id}", Markup.Escape($"{e.Dataset}:{e.DatasetId}"), e.Date.ToString(),
                Markup.Escape(e.Actors.Actor2 is null ? e.Actors.Actor1 ?? "–" : $"{e.Actors.Actor1} / {e.Actors.Actor2}"),
                e.Deaths.Best?.ToString(CultureInfo.InvariantCulture) ?? "–",
                (match.Linked ? "[bold]" : "") + match.Score.ToString("0.00", CultureInfo.InvariantCulture) + (match.Linked ? " linked[/]" : ""));
        }

        console.Write(table);
        foreach (var (match, candidate) in matches)
        {
            console.MarkupLine($"  {candidate.Id}: {Markup.Escape(string.Join("; ", match.Reasons))}");
        }
        foreach (var other in recorded.Evidence.Competing)
        {
            console.MarkupLine($"[yellow]![/] {Markup.Escape(Word(other.Stance))} {other.Id} by {Markup.Escape(other.ClaimantName ?? other.ClaimantId ?? "an unnamed speaker")} concerns the same event.");
        }
    }

    public static void RenderList(IAnsiConsole console, IReadOnlyList<Claim> claims, IReadOnlyDictionary<int, Source> sources, bool showProtected)
    {
        if (claims.Count == 0)
        {
            console.MarkupLine("No claim yet: [bold]dyad claims add --text \"…\" --source CODE[/] adds one.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Stance").AddColumn("Claimant")
            .AddColumn("Target").AddColumn("Day").AddColumn("Place").AddColumn("Casualties").AddColumn("Source");
        foreach (var claim in claims)
        {
            var source = sources[claim.SourceId];
            table.AddRow($"{claim.Id}", Word(claim.Stance), Markup.Escape(claim.ClaimantName ?? "–"), Markup.Escape(claim.TargetName ?? "–"),
                Day(claim.EventDate ?? claim.StatementDate) ?? "–", Markup.Escape(claim.Place ?? "–"), Casualties(claim) ?? "–",
                Markup.Escape(showProtected || source.IsOpen ? source.Code + " " + (source.Publisher ?? source.Title ?? "") : source.Code));
        }

        console.Write(table);
    }

    private static IEnumerable<(string, string?)> Fields(Claim c) =>
    [
        ("stance", Word(c.Stance)), ("claimant", c.ClaimantId is null ? null : $"{c.ClaimantName} ({c.ClaimantId})"),
        ("target", c.TargetId is null ? null : $"{c.TargetName} ({c.TargetId})"), ("community struck", c.TargetCommunity),
        ("accused", c.AccusedId is null ? null : $"{c.AccusedName} ({c.AccusedId})"), ("casualties", Casualties(c)),
        ("weapon", c.Weapon is null ? null : c.WeaponCount is { } n ? $"{c.Weapon} × {n}" : c.Weapon),
        ("place", c.Place is null ? null : $"{c.Place} ({string.Join(", ", new[] { c.Admin2Id, c.Admin1Id }.Where(u => u is not null))})"),
        ("day", Day(c.EventDate)), ("statement made", Day(c.StatementDate)), ("channel", c.Channel),
    ];

    private static string? Casualties(Claim c) =>
        c.KilledOrWounded is { } both ? $"{both} killed or wounded"
        : c.Killed is null && c.Wounded is null ? null
        : string.Join(", ", new[] { c.Killed is { } k ? $"{k} killed" : null, c.Wounded is { } w ? $"{w} wounded" : null }.Where(p => p is not null));

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Word(ClaimStance stance) => stance.ToString().ToLowerInvariant();
}
