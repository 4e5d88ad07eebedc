using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dyad.App;

/// <summary>
/// Merges a layer of a registry file over another: objects key by key; in a list, an entry with the "id" of one
/// already there is merged into it (a user's names for a shipped actor join its names) and any other entry not there
/// yet is added; any other value of the layer replaces the one below. The shipped file's "about" is kept.
/// </summary>
public static class JsonLayers
{
    /// <exception cref="DyadException">BadInput: the text is not a JSON object.</exception>
    public static JsonObject Parse(string text, string source)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw DyadException.BadInput($"{source}: not a JSON object.", source);
        }
        catch (JsonException e)
        {
            throw DyadException.BadInput($"{source}: not valid JSON ({e.Message}).", source, inner: e);
        }
    }

    public static void Merge(JsonObject below, JsonObject layer)
    {
        foreach (var (key, value) in layer.ToList())
        {
            if (key == "about" && below.ContainsKey("about"))
            {
                continue;
            }

            switch (below[key], value)
            {
                case (JsonObject target, JsonObject source):
                    Merge(target, source);
                    break;
                case (JsonArray target, JsonArray source):
                    MergeList(target, source);
                    break;
                default:
                    below[key] = value?.DeepClone();
                    break;
            }
        }
    }

    private static void MergeList(JsonArray below, JsonArray layer)
    {
        foreach (var entry in layer)
        {
            if (entry is JsonObject item && Id(item) is { } id && below.OfType<JsonObject>().FirstOrDefault(o => Id(o) == id) is { } same)
            {
                Merge(same, item);
            }
            else if (!below.Any(existing => JsonNode.DeepEquals(existing, entry)))
            {
                below.Add(entry?.DeepClone());
            }
        }
    }

    private static string? Id(JsonObject item) => item["id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
}
