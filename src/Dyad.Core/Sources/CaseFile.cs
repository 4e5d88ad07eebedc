using System.Globalization;
using System.Text.Json;

namespace Dyad.Sources;

/// <summary>A claim as a case file gives it: the statement, its source's code, when it was made, and corrections to its parse.</summary>
public sealed record CaseFileClaim(string Source, string Text, DateOnly? StatementDate, IReadOnlyList<string> Corrections, string? Original, string? Language);

/// <summary>
/// An analyst's records in one JSON file — sources and claims — as Dyad ships the article it began from, and as a
/// team passes its evidence around: <c>{"sources": [{"code": …, "type": "news-agency", "grade": "C3", …}],
/// "claims": [{"source": …, "statement_date": "2019-11-14", "text": …, "set": ["killed=4"]}]}</c>.
/// </summary>
public sealed record CaseFile(IReadOnlyList<Source> Sources, IReadOnlyList<CaseFileClaim> Claims)
{
    /// <summary>
    /// Whether a <c>.json</c> file is a case file (rather than, say, GeoJSON), from its top-level keys in its first
    /// megabyte: a large GeoJSON is never read whole just to be told apart.
    /// </summary>
    public static bool Is(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(path))
        {
            return false;
        }

        var head = new byte[1 << 20];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var reader = new Utf8JsonReader(head.AsSpan(0, length), isFinalBlock: length < head.Length,
            new JsonReaderState(new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    if (reader.ValueTextEquals("sources") || reader.ValueTextEquals("claims"))
                    {
                        return true;
                    }

                    if (reader.ValueTextEquals("type") || reader.ValueTextEquals("features"))
                    {
                        return false;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON at all, or broken before the keys: an event file's reader will say what is wrong with it.
        }

        return false;
    }

    /// <exception cref="DyadException">BadInput: not valid JSON, or a source or claim without what it needs (the message names which).</exception>
    public static CaseFile Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var sources = root.TryGetProperty("sources", out var s) ? s.EnumerateArray().Select((e, i) => ReadSource(path, e, i)).ToList() : [];
            var claims = root.TryGetProperty("claims", out var c) ? c.EnumerateArray().Select((e, i) => ReadClaim(path, e, i)).ToList() : [];
            return new CaseFile(sources, claims);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw DyadException.BadInput($"{path}: not a valid case file: {e.Message}", path, inner: e);
        }
    }

    private static Source ReadSource(string path, JsonElement e, int index)
    {
        var code = Text(e, "code") ?? throw DyadException.BadInput($"{path}: source {index + 1} has no code.", path, column: "code");
        var type = Text(e, "type") ?? throw DyadException.BadInput($"{path}: source {code} has no type.", path, column: "type");
        var grade = Text(e, "grade");
        return new Source
        {
            Code = code,
            Type = Word<SourceType>(path, code, type),
            Author = Text(e, "author"),
            Title = Text(e, "title"),
            Publisher = Text(e, "publisher"),
            Published = Text(e, "published"),
            Url = Text(e, "url"),
            Accessed = Text(e, "accessed") is { } accessed ? DateOnly.ParseExact(accessed, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            AccessedVia = Text(e, "accessed_via"),
            Language = Text(e, "language"),
            TranslatedFrom = Text(e, "translated_from"),
            Pages = Text(e, "pages"),
            Reliability = grade is [var r, _] && r != '?' ? r : null,
            Credibility = grade is [_, var c] && c != '?' ? c - '0' : null,
            Protection = Text(e, "protection") is { } protection ? Word<Protection>(path, code, protection) : Protection.Public,
            Notes = Text(e, "notes"),
        }.Validated();
    }

    private static CaseFileClaim ReadClaim(string path, JsonElement e, int index) => new(
        Text(e, "source") ?? throw DyadException.BadInput($"{path}: claim {index + 1} names no source.", path, column: "source"),
        Text(e, "text") ?? throw DyadException.BadInput($"{path}: claim {index + 1} has no text.", path, column: "text"),
        Text(e, "statement_date") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        e.TryGetProperty("set", out var set) ? [.. set.EnumerateArray().Select(v => v.GetString()!)] : [],
        Text(e, "original"),
        Text(e, "language"));

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static T Word<T>(string path, string code, string text) where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()) == text.Replace('_', '-').ToLowerInvariant()) is var value
            && JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()) == text.Replace('_', '-').ToLowerInvariant()
            ? value
            : throw DyadException.BadInput($"{path}: source {code}: '{text}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())))}.", path);
}
