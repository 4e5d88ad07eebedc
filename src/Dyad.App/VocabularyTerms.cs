using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Claims;

namespace Dyad.App;

/// <summary>What a term added to the movements' idiom is.</summary>
public enum VocabularyKind
{
    /// <summary>A movement's name for itself or its fighters ("soldiers of the Caliphate").</summary>
    Self,

    /// <summary>A word a movement puts on its enemies ("apostate").</summary>
    EnemyWord,

    /// <summary>A movement's own name for another group ("Khawarij": IS-K).</summary>
    Name,

    /// <summary>A word for the community an attack struck ("Rafidah": Shia).</summary>
    Community,
}

/// <summary>
/// Adds a term to the movements' idiom in the user's layer (idiom.json in their registry folder, or beside the registry
/// --registry names), never in the data Dyad ships. The changed layer must read back before it replaces the file, in
/// one rename, one writer at a time.
/// </summary>
public static class VocabularyTerms
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="speaker">The movement, as the registry names it (not for a community).</param>
    /// <param name="meaning">For a name, the group it means (as the registry names it); for a community, the community.</param>
    /// <returns>The file the term was written to.</returns>
    /// <exception cref="DyadException">BadUsage: a missing speaker or meaning, or a group the registry does not know. Conflict: the term already means something else.</exception>
    public static string Add(string? registryOption, VocabularyKind kind, string term, string? speaker, string? meaning)
    {
        term = term.Trim();
        if (term.Length == 0)
        {
            throw DyadException.BadUsage("The term is empty.");
        }

        if (kind is VocabularyKind.Name or VocabularyKind.Community && string.IsNullOrWhiteSpace(meaning))
        {
            throw DyadException.BadUsage(kind == VocabularyKind.Name ? "--means names the group the term means (as the registry names it)." : "--means names the community (Shia, Hazara, Sikh …).");
        }

        if (kind != VocabularyKind.Community && string.IsNullOrWhiteSpace(speaker))
        {
            throw DyadException.BadUsage("--speaker names the movement whose idiom this is (as the registry names it: Taliban, Islamic State, TTP …).");
        }

        var registry = RegistryFiles.LoadActors(registryOption);
        foreach (var group in new[] { speaker, kind == VocabularyKind.Name ? meaning : null }.OfType<string>())
        {
            if (registry.Lookup(group) is null)
            {
                throw DyadException.BadUsage($"'{group}' is no actor in the registry; 'dyad actors list' shows them, 'dyad actors add-alias' adds a name.");
            }
        }

        if (kind == VocabularyKind.Name && RegistryFiles.LoadVocabulary(registryOption).GroupNamed(term) is { } known
            && !string.Equals(known, meaning, StringComparison.OrdinalIgnoreCase))
        {
            throw new DyadException(DyadErrorKind.Conflict, $"'{term}' already means {known} in the idiom; one term cannot mean two groups.");
        }

        var path = RegistryFiles.VocabularyToWrite(registryOption);
        using var writing = FileLock.Exclusive(path);
        var document = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
            ?? throw DyadException.BadInput($"{path}: not a JSON object.", path)
            : new JsonObject { ["about"] = "Your additions to the movements' idiom, read over the vocabulary Dyad ships and kept when Dyad is upgraded." };
        if (kind == VocabularyKind.Community)
        {
            var communities = document["communities"] as JsonObject ?? (JsonObject)(document["communities"] = new JsonObject());
            var terms = communities["terms"] as JsonArray ?? (JsonArray)(communities["terms"] = new JsonArray());
            terms.Add(new JsonObject { ["term"] = term, ["community"] = meaning });
        }
        else
        {
            var speakers = document["speakers"] as JsonArray ?? (JsonArray)(document["speakers"] = new JsonArray());
            var entry = speakers.OfType<JsonObject>().FirstOrDefault(s => string.Equals((string?)s["group"], speaker, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                entry = new JsonObject { ["group"] = speaker };
                speakers.Add(entry);
            }

            var (list, value) = kind switch
            {
                VocabularyKind.Self => ("self", (JsonNode)JsonValue.Create(term)),
                VocabularyKind.EnemyWord => ("enemy_words", JsonValue.Create(term)),
                _ => ("names", new JsonObject { ["term"] = term, ["group"] = meaning }),
            };
            var array = entry[list] as JsonArray ?? (JsonArray)(entry[list] = new JsonArray());
            array.Add(value);
        }

        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, document.ToJsonString(WriteOptions) + "\n");
            // It must read, with the layers under it, before it replaces the file.
            ClaimVocabulary.Load([.. RegistryFiles.VocabularyLayers(registryOption).Where(l => Path.GetFullPath(l) != Path.GetFullPath(path)), temporary]);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }
}
