using System.Text.Json;

namespace Dyad.Analysis.Leaders;

/// <summary>A group's leader killed or captured (data/registry/leaders.json).</summary>
public sealed record LeadershipLoss(string Person, string Group, DateOnly Date, string How, string? Role, string Source)
{
    /// <exception cref="DyadException">BadInput: the file is missing or not a list of losses.</exception>
    public static IReadOnlyList<LeadershipLoss> Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return [.. document.RootElement.GetProperty("losses").EnumerateArray().Select(e => new LeadershipLoss(
                e.GetProperty("person").GetString()!, e.GetProperty("group").GetString()!,
                DateOnly.ParseExact(e.GetProperty("date").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                e.GetProperty("how").GetString()!, e.TryGetProperty("role", out var role) ? role.GetString() : null, e.GetProperty("source").GetString()!))];
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw DyadException.BadInput($"{path}: not a readable list of leadership losses: {e.Message}", path, inner: e);
        }
    }
}
