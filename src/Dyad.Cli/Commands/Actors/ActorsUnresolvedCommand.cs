using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Actors;

/// <summary>Actor names in the store that no registry entry matches, with how many events use them.</summary>
public sealed class ActorsUnresolvedCommand(CliOutput output) : AsyncCommand<StoreJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, StoreJsonSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var names = store.UnresolvedActors();
        if (settings.Json)
        {
            DyadJson.Write(output.Data, new { Unresolved = names });
            return Task.FromResult(ExitCodes.Success);
        }

        if (names.Count == 0)
        {
            output.Console.MarkupLine("Every actor name in the store resolves.");
            return Task.FromResult(ExitCodes.Success);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Name").AddColumn("Datasets").AddColumn(new TableColumn("Events").RightAligned());
        foreach (var name in names)
        {
            table.AddRow(Markup.Escape(name.Name), string.Join(", ", name.Datasets), $"{name.Events:N0}");
        }

        output.Console.Write(table);
        output.Console.MarkupLine("Add a name with [bold]dyad actors add-alias ACTOR NAME[/], then [bold]dyad actors reresolve[/].");
        return Task.FromResult(ExitCodes.Success);
    }
}
