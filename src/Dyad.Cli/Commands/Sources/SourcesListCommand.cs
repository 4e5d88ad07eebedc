using System.ComponentModel;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Sources;

public class SourcesListSettings : StoreJsonSettings
{
    [CommandOption("--protected")]
    [Description("Show protected and restricted sources' identities (else they are cited by code only).")]
    public bool Protected { get; init; }
}

public sealed class SourcesShowSettings : SourcesListSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("The source's code (or id).")]
    public string Code { get; init; } = "";
}

/// <summary>The store's sources, each as it is cited.</summary>
public sealed class SourcesListCommand(CliOutput output) : AsyncCommand<SourcesListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SourcesListSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var sources = store.Sources();
        output.Result(settings.Json, new { Sources = sources.Select(s => SourceView.Of(s, settings.Protected)) },
            () => SourceRenderer.Render(output.Console, sources, settings.Protected));
        return Task.FromResult(ExitCodes.Success);
    }
}

/// <summary>One source: its citation, grade, protection and every change made to it.</summary>
public sealed class SourcesShowCommand(CliOutput output) : AsyncCommand<SourcesShowSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SourcesShowSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var source = store.FindSource(settings.Code) ?? throw new DyadException(DyadErrorKind.NotFound, $"No source '{settings.Code}' in {settings.Db} ('dyad sources list').");
        var changes = store.Changes("source", source.Code);
        output.Result(settings.Json, new { Source = SourceView.Of(source, settings.Protected), Changes = settings.Protected || source.IsOpen ? changes : [] }, () =>
        {
            SourceRenderer.Render(output.Console, [source], settings.Protected);
            foreach (var change in changes)
            {
                output.Console.MarkupLine($"[grey]{change.At:yyyy-MM-dd HH:mm} {Markup.Escape(change.By)}: {change.Action}[/]");
            }
        });
        return Task.FromResult(ExitCodes.Success);
    }
}
