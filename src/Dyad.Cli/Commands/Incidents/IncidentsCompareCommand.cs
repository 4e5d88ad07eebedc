using System.ComponentModel;
using System.Globalization;
using Dyad.App;
using Dyad.App.Incidents;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Incidents;

public sealed class IncidentsCompareSettings : StoreJsonSettings
{
    [CommandArgument(0, "<EVENT>")]
    [Description("One event, by the store's id (as 'dyad events' shows it) or DATASET:ID.")]
    public string A { get; init; } = "";

    [CommandArgument(1, "<OTHER>")]
    [Description("The other event.")]
    public string B { get; init; } = "";
}

/// <summary>Why two events are, or are not, one incident: the linker's evidence for and against, point by point.</summary>
public sealed class IncidentsCompareCommand(CliOutput output) : AsyncCommand<IncidentsCompareSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, IncidentsCompareSettings settings, CancellationToken cancellationToken)
    {
        var actors = RegistryFiles.LoadActors(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var comparison = LinkComparisons.Compare(store, actors, settings.A, settings.B);
        output.Result(settings.Json, comparison, () =>
        {
            var console = output.Console;
            foreach (var reason in comparison.Reasons)
            {
                console.MarkupLine($"  {Markup.Escape(reason)}");
            }

            var verdict = comparison.Points is { } points
                ? string.Create(CultureInfo.InvariantCulture, $"{points:0.##} points, {comparison.Threshold:0.##} needed: the scores {(comparison.Accepted ? "link" : "do not link")} them")
                : "not scored";
            console.MarkupLine($"{Markup.Escape(verdict)}; {(comparison.SameIncident ? "one incident in the store now" : "two incidents in the store now")}.");
            if (comparison.SameIncident != comparison.Accepted)
            {
                console.MarkupLine("[dim]An analyst's decision, or a better-scored link of one of them to the same dataset, settles it otherwise ('dyad incidents list' shows the links).[/]");
            }
        });
        return Task.FromResult(ExitCodes.Success);
    }
}
