using System.ComponentModel;
using Dyad.Actors;
using Dyad.App;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Actors;

public sealed class ActorsResolveSettings : RegistryJsonSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("A name as a source writes it, in any script.")]
    public string Name { get; init; } = "";

    [CommandOption("--date <DATE>")]
    [Description("The event's day (yyyy-MM-dd): some names change meaning (the Afghan state is the Taliban from 2021-08-15).")]
    public string? Date { get; init; }

    [CommandOption("--dataset <DATASET>")]
    [Description("The dataset the name comes from: gtd, acled or ucdp.")]
    public string? Dataset { get; init; }

    [CommandOption("--country <COUNTRY>")]
    [Description("The event's country.")]
    public string? Country { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("The name to resolve is empty.") : DayOption.Validate(("--date", Date));
}

public sealed class ActorsResolveCommand(CliOutput output) : AsyncCommand<ActorsResolveSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ActorsResolveSettings settings, CancellationToken cancellationToken)
    {
        var registry = RegistryFiles.LoadActors(settings.Registry);
        var resolution = registry.Resolve(settings.Name, new ResolutionContext(settings.Dataset?.ToLowerInvariant(), settings.Country, DayOption.Parse(settings.Date)));
        var actors = resolution.ActorIds.Select(id => registry.Find(id) ?? new Actor(id, id, "unspecified", [], [])).ToList();
        if (settings.Json)
        {
            DyadJson.Write(output.Data, new
            {
                resolution.Name,
                Method = resolution.Method,
                resolution.Note,
                Actors = actors.Select(a => new { a.Id, a.Name, a.Kind, a.Relations }),
            });
            return Task.FromResult(ExitCodes.Success);
        }

        if (!resolution.IsResolved)
        {
            output.Console.MarkupLine($"[yellow]{Markup.Escape(settings.Name)}[/] resolves to no actor. Add it with [bold]dyad actors add-alias ACTOR \"{Markup.Escape(settings.Name)}\"[/].");
            return Task.FromResult(ExitCodes.Success);
        }

        var method = resolution.Method switch
        {
            ResolutionMethod.Ambiguous => "[yellow]ambiguous[/]: every candidate is kept",
            ResolutionMethod.Pattern => "by a registry pattern",
            ResolutionMethod.Coalition => "as a coalition, part by part",
            _ => "by a registered name",
        };
        output.Console.MarkupLine($"[bold]{Markup.Escape(settings.Name)}[/] resolves {method}{(resolution.Note is { } note ? $" ({Markup.Escape(note)})" : "")}:");
        foreach (var actor in actors)
        {
            var relations = actor.Relations.Count == 0 ? "" : $" — {string.Join(", ", actor.Relations.Select(r => $"{r.Type} {r.ActorId}"))}";
            output.Console.MarkupLine($"  [green]{Markup.Escape(actor.Id)}[/]  {Markup.Escape(actor.Name)} [grey]({actor.Kind}){Markup.Escape(relations)}[/]");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
