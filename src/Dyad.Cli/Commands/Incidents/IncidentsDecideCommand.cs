using System.ComponentModel;
using Dyad.App;
using Dyad.App.Importing;
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
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var ids = settings.Events.Select(reference => store.FindEvent(reference)
            ?? throw new DyadException(DyadErrorKind.NotFound, $"No event '{reference}' in {settings.Db}: name it by the id 'dyad events' shows, or as DATASET:ID.")).ToList();
        var pairs = ids.Count > 1 ? [.. ids.Skip(1).Select(other => (ids[0], other))] : PairsInIncident(store, ids[0]);
        // The decisions and the incidents they change land together.
        store.Atomically(() =>
        {
            foreach (var (a, b) in pairs)
            {
                store.DecideLink(a, b, same, Environment.UserName, settings.Note);
            }

            FileImport.Link(store, registries.Actors);
        });
        var incidents = ids.Select(id => store.Incidents(new IncidentFilter(EventId: id)).FirstOrDefault()).OfType<StoredIncident>().DistinctBy(i => i.Id).ToList();
        output.Result(settings.Json, new { Decisions = pairs.Count, Incidents = incidents.Select(IncidentRenderer.ToJson) }, () =>
        {
            output.Console.MarkupLine($"{pairs.Count} decision(s) recorded ({(same ? "same incident" : "different incidents")}).");
            if (incidents.Count == 0)
            {
                output.Console.MarkupLine("Each of these events is now an incident of its own.");
            }

            IncidentRenderer.Render(output.Console, incidents);
        });
        return Task.FromResult(ExitCodes.Success);
    }

    private List<(long, long)> PairsInIncident(IEventStore store, long eventId)
    {
        var incident = store.Incidents(new IncidentFilter(EventId: eventId)).FirstOrDefault()
            ?? throw new DyadException(DyadErrorKind.NotFound, $"Event {eventId} is linked to no other event; name the event it reports the same incident as.");
        return same
            ? [.. incident.Links.Select(l => (l.EventA, l.EventB))]
            : [.. incident.Events.Where(e => e.Id != eventId).Select(e => (eventId, e.Id))];
    }
}

public sealed class IncidentsConfirmCommand(CliOutput output) : IncidentsDecideCommand(output, same: true);

public sealed class IncidentsSplitCommand(CliOutput output) : IncidentsDecideCommand(output, same: false);
