using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Analysis.Leaders;

namespace Dyad.Analysis.Turns;

/// <summary>
/// Something after which a group's violence may change: a leader killed or captured, an accord or ceasefire, a
/// takeover, a pledge or split, a defection. <see cref="Groups"/>: the actor ids it concerns (empty: the conflict as a
/// whole); a defection also says who moved <see cref="From"/> whom <see cref="To"/> whom, how many
/// (<see cref="People"/>, where the sources give it) and where.
/// </summary>
public sealed record TurningEvent(string Name, string Kind, DateOnly Date, IReadOnlyList<string> Groups, string Source)
{
    public const string LeaderKilled = "leader-killed";
    public const string Defection = "defection";

    /// <summary>The kinds a turning event can be.</summary>
    public static readonly IReadOnlyList<string> Kinds = [LeaderKilled, "leader-captured", "accord", "ceasefire", "takeover", "pledge", "split", Defection];

    /// <summary>A defection's group of origin (actor id).</summary>
    public string? From { get; init; }

    /// <summary>A defection's group of arrival (actor id).</summary>
    public string? To { get; init; }

    /// <summary>How many people moved, where the sources say.</summary>
    public int? People { get; init; }

    /// <summary>Where it happened, as the sources say.</summary>
    public string? Place { get; init; }

    public static TurningEvent Of(LeadershipLoss loss) => new($"{loss.Person} {loss.How}", LeaderKilled, loss.Date, [loss.Group], loss.Source);

    /// <summary>The turning events in a turns.json file (data/registry/turns.json beside the actor registry).</summary>
    /// <exception cref="DyadException">BadInput: the file is not a list of turning events.</exception>
    public static IReadOnlyList<TurningEvent> Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return [.. document.RootElement.GetProperty("turns").EnumerateArray().Select(e => new TurningEvent(
                e.GetProperty("name").GetString()!, e.GetProperty("kind").GetString()!,
                DateOnly.ParseExact(e.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.TryGetProperty("groups", out var groups) ? [.. groups.EnumerateArray().Select(g => g.GetString()!)] : [],
                e.GetProperty("source").GetString()!)
            {
                From = Text(e, "from"),
                To = Text(e, "to"),
                People = e.TryGetProperty("people", out var people) && people.ValueKind == JsonValueKind.Number ? people.GetInt32() : null,
                Place = Text(e, "place"),
            })];
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw DyadException.BadInput($"{path}: not a readable list of turning events: {e.Message}", path, inner: e);
        }
    }

    /// <summary>The event as an entry of turns.json.</summary>
    public JsonObject ToJson()
    {
        var node = new JsonObject
        {
            ["name"] = Name,
            ["kind"] = Kind,
            ["date"] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["groups"] = new JsonArray([.. Groups.Select(g => (JsonNode)JsonValue.Create(g))]),
        };
        foreach (var (key, value) in new[] { ("from", From), ("to", To), ("place", Place) })
        {
            if (value is not null)
            {
                node[key] = value;
            }
        }

        if (People is { } people)
        {
            node["people"] = people;
        }

        node["source"] = Source;
        return node;
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
