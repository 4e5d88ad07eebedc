using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Incidents;

public sealed class IncidentsListSettings : StoreJsonSettings
{
    [CommandOption("--from <DATE>")]
    [Description("Only incidents that end on or after this day, or from the start of this month or year (2021-08-15, 2021-08 or 2021).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Only incidents that start on or before this day, or up to the end of this month or year (2021-08-15, 2021-08 or 2021).")]
    public string? To { get; init; }

    [CommandOption("--country <COUNTRY>")]
    [Description("Only incidents with an event in this country (the source's, or where it names none, the gazetteer's).")]
    public string? Country { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many incidents.")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() => DayOption.ValidatePeriod(From, To);
}

/// <summary>Incidents that more than one event reports, with their events and why they were linked.</summary>
public sealed class IncidentsListCommand(CliOutput output) : AsyncCommand<IncidentsListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, IncidentsListSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var incidents = store.Incidents(new IncidentFilter(DayOption.ParseFrom(settings.From), DayOption.ParseTo(settings.To), settings.Country, settings.Limit));
        output.Result(settings.Json, new { Incidents = incidents.Select(IncidentRenderer.ToJson) }, () => IncidentRenderer.Render(output.Console, incidents));
        return Task.FromResult(ExitCodes.Success);
    }
}
