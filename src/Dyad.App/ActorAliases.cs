using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Actors;

namespace Dyad.App;

/// <summary>
/// Adds a name to an actor: in the user's layer of the registry (or the registry --registry names), never in the data
/// Dyad ships, keeping the file's layout and comments where the actor already has an entry there. A name that already
/// resolves to another actor is refused: the registry must never answer one name two ways without saying so. One
/// writer at a time (<see cref="FileLock"/>), and the file replaced in one rename.
/// </summary>
public static class ActorAliases
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions InlineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="name">The new name as a JSON value: a string, or an object with conditions (see the registry's "about").</param>
    /// <returns>The actor and the file the name was written to.</returns>
    /// <exception cref="DyadException">NotFound: no such actor. BadUsage: an actor only a pattern names. Conflict: the name is another actor's. BadInput: a layer is not a registry.</exception>
    public static (Actor Actor, string Path) Add(string? registryOption, string actor, string alias, ResolutionContext context, DateOnly? from, JsonNode name)
    {
        var path = RegistryFiles.ActorsToWrite(registryOption);
        using var writing = FileLock.Exclusive(path);
        var registry = RegistryFiles.LoadActors(registryOption);
        var found = registry.Lookup(actor)
            ?? throw new DyadException(DyadErrorKind.NotFound, $"'{actor}' is no actor in the registry; 'dyad actors list' shows them.");
        if (!registry.Actors.Contains(found))
        {
            throw DyadException.BadUsage($"'{found.Id}' is named by a pattern, not registered; add it to {path} first.");
        }

        var existing = registry.Resolve(alias, context);
        if (existing.IsResolved && !existing.ActorIds.SequenceEqual([found.Id]))
        {
            throw new DyadException(DyadErrorKind.Conflict,
                $"'{alias}' already resolves to {string.Join(", ", existing.ActorIds)}; remove that name first, or add conditions (--dataset, --country, --from, --to).");
        }

        var text = WithName(path, found.Id, name);
        // The changed registry must read back, and resolve the name, before it replaces the file — in one rename, so
        // that no failure or kill leaves half a file.
        var changed = RegistryFiles.LoadActorsWith(registryOption, path, text);
        if (!changed.Resolve(alias, context with { Date = from }).ActorIds.Contains(found.Id))
        {
            throw DyadException.BadInput($"{path}: the name could not be added where a comment ends {found.Id}'s names; add it by hand.", path);
        }

        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return (found, path);
    }

    /// <summary>The file's text with the name added: in the actor's entry when the file has one, else in a new entry for it.</summary>
    private static string WithName(string path, string actorId, JsonNode name)
    {
        var nameJson = name.ToJsonString(InlineOptions);
        if (!File.Exists(path))
        {
            return new JsonObject
            {
                ["about"] = "Your additions to Dyad's actor registry, read over the one Dyad ships and kept when Dyad is upgraded: an actor with a shipped actor's id adds to it, any other is a new actor.",
                ["actors"] = new JsonArray(new JsonObject { ["id"] = actorId, ["names"] = new JsonArray(name.DeepClone()) }),
            }.ToJsonString(WriteOptions) + "\n";
        }

        var current = File.ReadAllText(path);
        try
        {
            return RegistryText.AddName(current, actorId, nameJson);
        }
        catch (DyadException e) when (e.Kind == DyadErrorKind.NotFound)
        {
            var document = JsonLayers.Parse(current, path);
            if (document["actors"] is not JsonArray actors)
            {
                document["actors"] = actors = [];
            }

            actors.Add(new JsonObject { ["id"] = actorId, ["names"] = new JsonArray(name.DeepClone()) });
            return document.ToJsonString(WriteOptions) + "\n";
        }
    }
}
