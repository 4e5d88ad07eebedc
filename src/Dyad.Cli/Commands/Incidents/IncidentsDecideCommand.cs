using System.ComponentModel;
using Dyad.App;
using Dyad.App.Incidents;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Incidents;

public sealed class IncidentsDecideSettings : StoreJsonSettings
{
    [CommandArgument(0, "<EVENT>")]
    [Description("Events by the store's id (as 'dyad incidents' and 'dyad events' show it) or DATASET:ID. One event: its whole incident.")]
    public string[] Events { get; init; } = [];

    [CommandOption("--note <TEXT>")]
    [Description("Why: kept with the decision.")]
    public string? Note { get; init; }

    public override ValidationResult Validate() =>
        Events.Length == 0 ? ValidationResult.Error("Name at least one event.")
        : Events.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Events.Length ? ValidationResult.Error("An event is named twice: name each once.")
        : ValidationResult.Success();
}

/// <summary>
/// An analyst settles a link. <c>confirm A B</c>: the events report one incident (linked even if the scores did not
/// link them); <c>confirm A</c>: every link of A's incident is right. <c>split A B</c>: they are different incidents;
/// <c>split A</c>: A is none of its incident's other events. Decisions are kept by the datasets' own ids, outlive
/// re-imports and re-links, and are recorded with the user and time.
/// </summary>
public abstract class IncidentsDecideCommand(CliOutput output, bool same) : AsyncCommand<IncidentsDecideSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, IncidentsDecideSettings settings, CancellationToken cancellationToken)
    {
        var actors = RegistryFiles.LoadActors(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var (decisions, incidents) = LinkDecisions.Decide(store, actors, settings.Events, same, Environment.UserName, settings.Note);
        output.Result(settings.Json, new { Decisions = decisions, Incidents = incidents.Select(IncidentRenderer.ToJson) }, () =>
        {
            output.Console.MarkupLine($"{decisions} decision(s) recorded ({(same ? "same incident" : "different incidents")}).");
            if (incidents.Count == 0)
            {
                output.Console.MarkupLine("Each of these events is now an incident of its own.");
            }

            IncidentRenderer.Render(output.Console, incidents);
        });
        return Task.FromResult(ExitCodes.Success);
    }
}

public sealed class IncidentsConfirmCommand(CliOutput output) : IncidentsDecideCommand(output, same: true);

public sealed class IncidentsSplitCommand(CliOutput output) : IncidentsDecideCommand(output, same: false);
