using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class RestoreSettings : StoreJsonSettings
{
    [CommandArgument(0, "<BACKUP>")]
    [Description("A file 'dyad backup' made.")]
    public string Backup { get; init; } = "";
}

/// <summary>Makes a new store from a backup; never writes over a store that is there.</summary>
public sealed class RestoreCommand(CliOutput output) : AsyncCommand<RestoreSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RestoreSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Restore(settings.Backup, settings.Db);
        var events = store.CountEvents(new Store.EventFilter());
        output.Result(settings.Json, new { Store = settings.Db, Events = events }, () =>
            output.Console.MarkupLine($"Restored [bold]{Markup.Escape(settings.Db)}[/] from {Markup.Escape(settings.Backup)}: {events:N0} events."));
        return Task.FromResult(ExitCodes.Success);
    }
}
