using System.ComponentModel;
using Dyad.App;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Places;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Places;

public sealed class PlacesResolveSettings : CommandSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("A province, district or place name in any spelling or script (Ningarhar, Konar, Korengal, ننګرهار).")]
    public string Name { get; init; } = "";

    [CommandOption("--country <COUNTRY>")]
    [Description("Only in this country.")]
    public string? Country { get; init; }

    [CommandOption("--level <LEVEL>")]
    [Description("1 for provinces, 2 for districts; places are searched only without it.")]
    public int? Level { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("The name to resolve is empty.") : ValidationResult.Success();
}

public sealed class PlacesResolveCommand(CliOutput output) : AsyncCommand<PlacesResolveSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, PlacesResolveSettings settings, CancellationToken cancellationToken)
    {
        var gazetteer = RegistryFiles.LoadGazetteer();
        var match = gazetteer.Resolve(settings.Name, settings.Country, settings.Level);
        var candidates = match.Candidates.Select(c => PlaceView.Of(gazetteer, c)).ToList();
        if (settings.Json)
        {
            DyadJson.Write(output.Data, new { Query = settings.Name, match.Method, Candidates = candidates });
            return Task.FromResult(ExitCodes.Success);
        }

        if (candidates.Count == 0)
        {
            output.Console.MarkupLine($"[yellow]{Markup.Escape(settings.Name)}[/] matches no unit or place in the gazetteer.");
            return Task.FromResult(ExitCodes.Success);
        }

        output.Console.MarkupLine($"[bold]{Markup.Escape(settings.Name)}[/]: {match.Method.ToString().ToLowerInvariant()} match{(candidates.Count > 1 ? $", {candidates.Count} candidates" : "")}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Id / place").AddColumn("Name").AddColumn("Kind").AddColumn("Province").AddColumn("District")
            .AddColumn(new TableColumn("Confidence").RightAligned());
        foreach (var c in candidates)
        {
            table.AddRow(Markup.Escape(c.Id ?? "–"), Markup.Escape(c.Name), c.Kind, Markup.Escape(c.Province ?? "–"), Markup.Escape(c.District ?? "–"), $"{c.Confidence:0.00}");
        }

        output.Console.Write(table);
        return Task.FromResult(ExitCodes.Success);
    }
}

/// <summary>A unit or place as the places commands show it.</summary>
internal sealed record PlaceView(string? Id, string Name, string Kind, string? Province, string? District, double? Latitude, double? Longitude, double Confidence, string MatchedName)
{
    public static PlaceView Of(Gazetteer gazetteer, PlaceCandidate candidate)
    {
        if (candidate.Unit is { } unit)
        {
            var province = unit.Level == 1 ? unit : unit.ParentId is { } parent ? gazetteer.Find(parent) : null;
            return new PlaceView(unit.Id, unit.Name, unit.Level == 1 ? "province" : "district", province?.Name, unit.Level == 2 ? unit.Name : null, null, null, candidate.Confidence, candidate.MatchedName);
        }

        var place = candidate.Place!;
        return new PlaceView(null, place.Name, place.Kind, place.Admin1Id is { } a1 ? gazetteer.Find(a1)?.Name : null,
            place.Admin2Id is { } a2 ? gazetteer.Find(a2)?.Name : null, place.Latitude, place.Longitude, candidate.Confidence, candidate.MatchedName);
    }
}
