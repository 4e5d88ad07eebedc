using System.Globalization;
using System.Text.Json;
using Dyad.Analysis.Leaders;

namespace Dyad.Analysis.Turns;

/// <summary>
/// Something after which a group's violence may change: a leader killed or captured, an accord or ceasefire, a
/// takeover, a pledge or split. <see cref="Groups"/>: the actor ids it concerns (empty: the conflict as a whole).
/// </summary>
public sealed record TurningEvent(string Name, string Kind, DateOnly Date, IReadOnlyList<string> Groups, string Source)
{
    public const string LeaderKilled = "leader-killed";

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
                e.GetProperty("source").GetString()!))];
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw DyadException.BadInput($"{path}: not a readable list of turning events: {e.Message}", path, inner: e);
        }
    }
}
