using System.Text;
using System.Text.Json;

namespace Dyad.Actors;

/// <summary>
/// Edits the registry file's text in place, so that a user's layout, line breaks and comments survive an edit: the
/// new name goes after the last name of the actor's <c>names</c> list, and nothing else in the file changes.
/// </summary>
public static class RegistryText
{
    /// <summary>The registry text with <paramref name="nameJson"/> (a JSON string or object) added to the actor's names.</summary>
    /// <exception cref="DyadException">NotFound: no actor with that id in the text. BadInput: the text is not JSON.</exception>
    public static string AddName(string registryJson, string actorId, string nameJson)
    {
        var bytes = Encoding.UTF8.GetBytes(registryJson);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        int? objectEnd = null, namesEnd = null;
        var inActors = false;
        var currentIsActor = false;
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        inActors = reader.ValueTextEquals("actors");
                        break;
                    case JsonTokenType.StartObject when inActors && reader.CurrentDepth == 2:
                        currentIsActor = false;
                        break;
                    case JsonTokenType.PropertyName when inActors && reader.CurrentDepth == 3:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.String when inActors && reader.CurrentDepth == 3 && property == "id":
                        currentIsActor = reader.ValueTextEquals(actorId);
                        break;
                    case JsonTokenType.EndArray when currentIsActor && reader.CurrentDepth == 3 && property == "names":
                        namesEnd = (int)reader.TokenStartIndex;
                        break;
                    case JsonTokenType.EndObject when currentIsActor && reader.CurrentDepth == 2:
                        objectEnd = (int)reader.TokenStartIndex;
                        break;
                }

                if (objectEnd is not null)
                {
                    break;
                }
            }
        }
        catch (JsonException e)
        {
            throw DyadException.BadInput($"The actor registry is not valid JSON: {e.Message}", inner: e);
        }

        if (objectEnd is null)
        {
            throw new DyadException(DyadErrorKind.NotFound, $"No actor '{actorId}' in the registry file.");
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (namesEnd is { } end)
        {
            var at = Encoding.UTF8.GetCharCount(bytes, 0, end);
            // After the last name, before the white space that closes the list.
            var before = text[..at].TrimEnd();
            var separator = before.EndsWith('[') || before.EndsWith(',') ? " " : ", ";
            return string.Concat(before, separator, nameJson, text[before.Length..]);
        }

        var close = Encoding.UTF8.GetCharCount(bytes, 0, objectEnd.Value);
        var head = text[..close].TrimEnd();
        return string.Concat(head, head.EndsWith('{') ? "" : ",", $" \"names\": [{nameJson}]", text[head.Length..close], text[close..]);
    }
}
