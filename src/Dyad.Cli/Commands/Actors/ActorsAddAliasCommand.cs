using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Actors;
using Dyad.App;
using Dyad.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Actors;

public sealed class ActorsAddAliasSettings : CommandSettings
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

    [CommandOption("--registry <PATH>")]
    [Description("The actor registry to change. Defaults to the repository's data/registry/actors.json.")]
    public string? Registry { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("The new name is empty.") : DayOption.Validate(("--from", From), ("--to", To));
}

/// <summary>
/// Adds a name to an actor in the registry file, keeping the file's layout and comments, and refuses a name that already resolves
/// to another actor (the registry must never answer one name two ways without saying so).
/// </summary>
public sealed class ActorsAddAliasCommand(CliOutput output) : AsyncCommand<ActorsAddAliasSettings>
{
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override Task<int> ExecuteAsync(CommandContext context, ActorsAddAliasSettings settings, CancellationToken cancellationToken)
    {
        var path = RegistryFiles.ActorsPath(settings.Registry);
        var registry = RegistryFiles.LoadActors(settings.Registry);
        var actor = registry.Lookup(settings.Actor)
            ?? throw new DyadException(DyadErrorKind.NotFound, $"'{settings.Actor}' is no actor in {path}; 'dyad actors list' shows them.");
        if (!registry.Actors.Contains(actor))
        {
            throw DyadException.BadUsage($"'{actor.Id}' is named by a pattern, not registered; add it to {path} first.");
        }

        var existing = registry.Resolve(settings.Name, new ResolutionContext(settings.Dataset, settings.Country));
        if (existing.IsResolved && !existing.ActorIds.SequenceEqual([actor.Id]))
        {
            throw new DyadException(DyadErrorKind.Conflict,
                $"'{settings.Name}' already resolves to {string.Join(", ", existing.ActorIds)}; remove that name first, or add conditions (--dataset, --country, --from, --to).");
        }

        // The name goes into the file's own text, so that its layout and comments stay; the changed registry must read
        // back before it replaces the file, and it replaces it in one rename, so that no failure or kill leaves half a file.
        var text = RegistryText.AddName(File.ReadAllText(path), actor.Id, NameNode(settings).ToJsonString(WriteOptions));
        var changed = ActorRegistry.Parse(text, path);
        if (!changed.Resolve(settings.Name, new ResolutionContext(settings.Dataset, settings.Country, DayOption.Parse(settings.From))).ActorIds.Contains(actor.Id))
        {
            throw DyadException.BadInput($"{path}: the name could not be added where a comment ends {actor.Id}'s names; add it by hand.", path);
        }

        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);

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
