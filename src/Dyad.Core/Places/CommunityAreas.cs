using System.Text.Json;

namespace Dyad.Places;

/// <summary>
/// Places where one community is most of the people (Hazara districts of the Hazarajat, the Dasht-e-Barchi neighbourhood
/// of Kabul), each with its source, read from the gazetteer's <c>communities.json</c>: what an attack there most likely
/// struck when its report does not say so.
/// </summary>
public sealed class CommunityAreas
{
    private readonly Dictionary<string, string> _byUnit = new(StringComparer.Ordinal);
    private readonly List<(double Latitude, double Longitude, double RadiusKm, string Community)> _points = [];
    private readonly List<(string Spelling, string Community)> _spellings = [];

    public static CommunityAreas None { get; } = new();

    /// <exception cref="JsonException">The file is not the JSON it should be.</exception>
    public static CommunityAreas Parse(string json)
    {
        var areas = new CommunityAreas();
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        foreach (var area in document.RootElement.GetProperty("areas").EnumerateArray())
        {
            var community = area.GetProperty("community").GetString()!;
            if (!area.TryGetProperty("source", out var source) || string.IsNullOrWhiteSpace(source.GetString()))
            {
                throw new JsonException($"the {community} area has no source; every area needs one.");
            }

            if (area.TryGetProperty("units", out var units))
            {
                foreach (var unit in units.EnumerateArray())
                {
                    areas._byUnit[unit.GetString()!] = community;
                }
            }

            if (area.TryGetProperty("point", out var point))
            {
                areas._points.Add((point[0].GetDouble(), point[1].GetDouble(), area.GetProperty("radius_km").GetDouble(), community));
            }

            if (area.TryGetProperty("spellings", out var spellings))
            {
                areas._spellings.AddRange(spellings.EnumerateArray().Select(n => (Words(n.GetString()!), community)));
            }
        }

        return areas;
    }

    /// <summary>
    /// The community of a marked neighbourhood the text names ("in Dashti Barchi, Kabul"): datasets often give a city's
    /// attacks the city's centre for a point, while the report names the neighbourhood. Null if it names none.
    /// </summary>
    public string? NamedIn(string? text)
    {
        if (text is null || _spellings.Count == 0)
        {
            return null;
        }

        var words = $" {Words(text)} ";
        foreach (var (spelling, community) in _spellings)
        {
            if (words.Contains($" {spelling} ", StringComparison.Ordinal))
            {
                return community;
            }
        }

        return null;
    }

    /// <summary>Lower-case words separated by single spaces: "Dasht-e-Barchi," is "dasht e barchi".</summary>
    private static string Words(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[])[' ', '-', ',', '.', ';', ':', '(', ')', '\'', '"', '/'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The community most of the people of the place are, by its point first, then its district, then its province; null if none is marked.</summary>
    public string? At(string? admin1Id, string? admin2Id, double? latitude, double? longitude)
    {
        if (latitude is { } lat && longitude is { } lon)
        {
            foreach (var (pLat, pLon, radius, community) in _points)
            {
                if (GreatCircle.Kilometres(lat, lon, pLat, pLon) <= radius)
                {
                    return community;
                }
            }
        }

        return admin2Id is not null && _byUnit.TryGetValue(admin2Id, out var byDistrict) ? byDistrict
            : admin1Id is not null && _byUnit.TryGetValue(admin1Id, out var byProvince) ? byProvince
            : null;
    }
}
