using System.ComponentModel;
using System.Text.Json.Nodes;
using Dyad.Actors;
using Dyad.App;
using Dyad.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Actors;

public sealed class ActorsAddAliasSettings : RegistrySettings
{
    [CommandArgument(0, "<ACTOR>")]
    [Description("The actor's id (see 'dyad actors list') or a name that resolves to it.")]
    public string Actor { get; init; } = "";

    [CommandArgument(1, "<NAME>")]
    [Description("The new name, as sources write it.")]
    public string Name { get; init; } = "";

    [CommandOption("--script <SCRIPT>")]
    [Description("latin, arabic, persian, pashto or urdu.")]
    public string? Script { get; init; }

    [CommandOption("--dataset <DATASET>")]
    [Description("Only in this dataset: gtd, acled or ucdp.")]
    public string? Dataset { get; init; }

    [CommandOption("--country <COUNTRY>")]
    [Description("Only for events in this country.")]
    public string? Country { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("Only for events from this day (yyyy-MM-dd).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Only for events up to this day (yyyy-MM-dd).")]
    public string? To { get; init; }


    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("The new name is empty.") : DayOption.Validate(("--from", From), ("--to", To));
}

/// <summary>Adds a name to an actor: in the user's layer of the registry, or in the registry --registry names (see <see cref="ActorAliases"/>).</summary>
public sealed class ActorsAddAliasCommand(CliOutput output) : AsyncCommand<ActorsAddAliasSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ActorsAddAliasSettings settings, CancellationToken cancellationToken)
    {
        var (actor, path) = ActorAliases.Add(settings.Registry, settings.Actor, settings.Name, new ResolutionContext(settings.Dataset, settings.Country),
            DayOption.Parse(settings.From), NameNode(settings));
        output.Console.MarkupLine($"Added [bold]{Markup.Escape(settings.Name)}[/] to [green]{Markup.Escape(actor.Id)}[/] in {Markup.Escape(path)}.");
        output.Console.MarkupLine("Run [bold]dyad actors reresolve[/] to apply it to events already in a store.");
        return Task.FromResult(ExitCodes.Success);
    }

    private static JsonNode NameNode(ActorsAddAliasSettings settings)
    {
        if (settings is { Script: null, Dataset: null, Country: null, From: null, To: null })
        {
            return JsonValue.Create(settings.Name);
        }

        var node = new JsonObject { ["name"] = settings.Name };
        if (settings.Script is { } script)
        {
            node["script"] = script;
        }

        if (settings.Dataset is { } dataset)
        {
            node["datasets"] = new JsonArray(dataset.ToLowerInvariant());
        }

        if (settings.Country is { } country)
        {
            node["countries"] = new JsonArray(country);
        }

        if (settings.From is { } from)
        {
            node["from"] = from;
        }

        if (settings.To is { } to)
        {
            node["to"] = to;
        }

        return node;
    }
}
