using System.ComponentModel;
using Dyad.App;
using Dyad.App.Turns;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Turns;

public sealed class TurnsCandidatesSettings : StoreJsonSettings
{
    [CommandOption("--actor <NAME>")]
    [Description("Only events of this actor (its members included).")]
    public string? Actor { get; init; }

    [CommandOption("--from <PERIOD>")]
    [Description("From this year, month or day.")]
    public string? From { get; init; }

    [CommandOption("--to <PERIOD>")]
    [Description("Up to this year, month or day.")]
    public string? To { get; init; }

    public override ValidationResult Validate() => DayOption.ValidatePeriod(From, To);
}

public sealed class TurnsCandidatesCommand(CliOutput output) : AsyncCommand<TurnsCandidatesSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, TurnsCandidatesSettings settings, CancellationToken cancellationToken)
    {
        var records = new TurnRecords(RegistryFiles.Load(settings.Registry), settings.Registry);
        using var store = EventStores.Open(settings.Db);
        var candidates = records.Candidates(store, settings.Actor, DayOption.ParseFrom(settings.From), DayOption.ParseTo(settings.To));
        output.Result(settings.Json, candidates, () => TurnRenderer.RenderCandidates(output.Console, candidates));
        return Task.FromResult(ExitCodes.Success);
    }
}
