using Dyad.App;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Actors;

public sealed class ActorsListCommand(CliOutput output) : AsyncCommand<RegistryJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RegistryJsonSettings settings, CancellationToken cancellationToken)
    {
        var registry = RegistryFiles.LoadActors(settings.Registry);
        if (settings.Json)
        {
            DyadJson.Write(output.Data, new { Actors = registry.Actors });
            return Task.FromResult(ExitCodes.Success);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Name").AddColumn("Kind").AddColumn("Relations")
            .AddColumn(new TableColumn("Names").RightAligned());
        foreach (var actor in registry.Actors)
        {
            table.AddRow(Markup.Escape(actor.Id), Markup.Escape(actor.Name), actor.Kind,
                Markup.Escape(string.Join(", ", actor.Relations.Select(r => $"{r.Type} {r.ActorId}"))), $"{actor.Names.Count}");
        }

        output.Console.Write(table);
        output.Console.MarkupLine($"{registry.Actors.Count} actors in {Markup.Escape(string.Join(" + ", RegistryFiles.ActorsLayers(settings.Registry)))}, besides those its patterns name (\"Protesters (Pakistan)\", \"Government of …\").");
        return Task.FromResult(ExitCodes.Success);
    }
}
