using System.Text.Json;
using Dyad.Names;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;

namespace Dyad.Places;

/// <summary>
/// Afghanistan's and Pakistan's admin units and places (data/gazetteer, built by scripts/build-gazetteer.py): names in
/// their spellings and scripts, and outlines to locate points in. Points are located with a spatial index over the
/// outlines and an indexed point-in-area test per outline; names are matched exactly, then by their consonants (a
/// transliteration variant), then within a small edit distance, and never beyond.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Pakistan merged the tribal areas into Khyber Pakhtunkhwa on this day (25th constitutional amendment).</summary>
    public static readonly DateOnly FataMerger = new(2018, 5, 31);

    private readonly Dictionary<string, AdminUnit> _units = new(StringComparer.Ordinal);
    private readonly List<NamedPlace> _places = [];
    private readonly Dictionary<string, List<(AdminUnit? Unit, NamedPlace? Place, string Name)>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(AdminUnit? Unit, NamedPlace? Place, string Name)>> _bySkeleton = new(StringComparer.Ordinal);
    private readonly Lazy<Shapes> _shapes;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> _neighbours;

    private Gazetteer(string folder)
    {
        _neighbours = new(FindNeighbours);
        _shapes = new(() => ReadShapes(folder));
    }

    public IReadOnlyCollection<AdminUnit> Units => _units.Values;

    public IReadOnlyList<NamedPlace> Places => _places;

    /// <summary>Places where one community is most of the people, with their sources (<c>communities.json</c>; none when absent).</summary>
    public CommunityAreas Communities { get; private set; } = CommunityAreas.None;

    /// <summary>The countries the gazetteer covers.</summary>
    public IReadOnlyList<string> Countries { get; private set; } = [];

    /// <summary>
    /// Reads the gazetteer from its folder: admin-units.json, places.json, communities.json and shapes/*.geojson; then
    /// the places of <paramref name="morePlaces"/> (files like places.json: a user's own), each placed in its province
    /// and district by the outlines where it does not say them.
    /// </summary>
    /// <exception cref="DyadException">BadInput: a file is missing or not what the gazetteer needs.</exception>
    public static Gazetteer Load(string folder, IReadOnlyList<string>? morePlaces = null)
    {
        var current = folder;
        try
        {
            var gazetteer = new Gazetteer(folder);
            gazetteer.ReadUnits(File.ReadAllText(Path.Combine(folder, "admin-units.json")));
            gazetteer.ReadPlaces(File.ReadAllText(Path.Combine(folder, "places.json")));
            foreach (var file in morePlaces ?? [])
            {
                current = file;
                gazetteer.ReadPlaces(File.ReadAllText(file));
            }

            current = folder;
            var communities = Path.Combine(folder, "communities.json");
            gazetteer.Communities = File.Exists(communities) ? CommunityAreas.Parse(File.ReadAllText(communities)) : CommunityAreas.None;
            return gazetteer;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw DyadException.BadInput($"{current}: not a readable gazetteer: {e.Message}", current, inner: e);
        }
    }

    public AdminUnit? Find(string id) => _units.GetValueOrDefault(id);

    /// <summary>
    /// The provinces that share a border with a province (ids), from the outlines; empty for a unit without an outline.
    /// Computed once, on first use.
    /// </summary>
    public IReadOnlyList<string> Neighbours(string provinceId) => _neighbours.Value.GetValueOrDefault(provinceId) ?? [];

    /// <summary>The current outlines of the units of a level (1 provinces, 2 districts) in a country, for maps; not FATA's pre-2018 one.</summary>
    public IEnumerable<(AdminUnit Unit, Geometry Outline)> Outlines(string country, int level) =>
        _shapes.Value.Current.Where(o => o.Unit.Country == country && o.Unit.Level == level).Select(o => (o.Unit, o.Geometry));

    /// <summary>The province and district a point lies in, where Dyad has their outlines; nulls outside them.</summary>
    public PointLocation Locate(double latitude, double longitude)
    {
        var point = new Coordinate(longitude, latitude);
        var shapes = _shapes.Value;
        return new PointLocation(Within(shapes.Provinces, point), Within(shapes.Districts, point), Within(shapes.Historical, point));
    }

    /// <summary>
    /// What a name means: admin units (of <paramref name="level"/> if given, in <paramref name="country"/> if given,
    /// inside <paramref name="withinId"/> if given) and, when no level is asked for, places.
    /// </summary>
    public PlaceMatch Resolve(string name, string? country = null, int? level = null, string? withinId = null)
    {
        var normalized = NameText.Normalize(StripUnitWord(name));
        if (normalized.Length == 0)
        {
            return new PlaceMatch(name, PlaceMatchMethod.None, []);
        }

        bool Keep((AdminUnit? Unit, NamedPlace? Place, string Name) entry)
        {
            if (entry.Unit is { } unit)
            {
                return (level is null || unit.Level == level) && (country is null || unit.Country.Equals(country, StringComparison.OrdinalIgnoreCase))
                    && (withinId is null || unit.ParentId == withinId);
            }

            return level is null && entry.Place is { } place
                && (withinId is null || place.Admin1Id == withinId || place.Admin2Id == withinId)
                && (country is null || (place.Admin1Id is { } admin1 && _units[admin1].Country.Equals(country, StringComparison.OrdinalIgnoreCase)));
        }

        // Admin units come before places of the same name: "Kunar" is the province before it is a village.
        List<PlaceCandidate> Candidates(IEnumerable<(AdminUnit? Unit, NamedPlace? Place, string Name)> entries, double confidence) =>
            [.. entries.Where(Keep).DistinctBy(e => (object?)e.Unit ?? e.Place).OrderBy(e => e.Unit is null).Select(e => new PlaceCandidate(e.Unit, e.Place, e.Name, confidence))];

        var exact = Candidates(_byName.GetValueOrDefault(normalized) ?? [], 1.0);
        if (exact.Count > 0)
        {
            return new PlaceMatch(name, PlaceMatchMethod.Exact, Preferred(exact));
        }

        var skeleton = NameText.Skeleton(StripUnitWord(name));
        var variant = skeleton.Length >= 3 ? Candidates(_bySkeleton.GetValueOrDefault(skeleton) ?? [], 0.85) : [];
        if (variant.Count > 0)
        {
            return new PlaceMatch(name, PlaceMatchMethod.Variant, Preferred(variant));
        }

        return new PlaceMatch(name, PlaceMatchMethod.Fuzzy, Fuzzy(normalized, Keep));
    }

    /// <summary>
    /// The units an event belongs to: by its point where it has one inside the outlines (the tribal areas count as
    /// FATA before their merger), else by its admin names, else by its place name.
    /// </summary>
    public PlaceAssignment Assign(string? country, string? admin1, string? admin2, string? place, double? latitude, double? longitude, DateOnly date)
    {
        if (latitude is { } lat && longitude is { } lon && Locate(lat, lon) is { Admin1: { } province } located)
        {
            var admin1Id = located.HistoricalAdmin1 is { } fata && date < FataMerger ? fata.Id : province.Id;
            // A point across the border from the country the source names: one of the two is wrong, and Dyad cannot tell which.
            return country is null || country.Split(", ").Contains(province.Country, StringComparer.OrdinalIgnoreCase)
                ? new PlaceAssignment(admin1Id, located.Admin2?.Id, "point-in-polygon", 1.0)
                : new PlaceAssignment(admin1Id, located.Admin2?.Id, "point-in-polygon, not in the source's country", 0.5);
        }

        if (country is not null && !Countries.Contains(country, StringComparer.OrdinalIgnoreCase))
        {
            return PlaceAssignment.None;
        }

        if (admin1 is not null && Resolve(admin1, country, 1).Single is { Unit: { } unit1 } match1)
        {
            var match2 = admin2 is null ? null : Resolve(admin2, unit1.Country, 2, unit1.Id).Single;
            var confidence = match2 is null ? match1.Confidence : Math.Min(match1.Confidence, match2.Confidence);
            return new PlaceAssignment(unit1.Id, match2?.Unit?.Id, NameMethod(confidence), confidence);
        }

        if (place is not null && Resolve(place, country).Single is { Place: { Admin1Id: not null } found } placeMatch)
        {
            return new PlaceAssignment(found.Admin1Id, found.Admin2Id, $"place-{NameMethod(placeMatch.Confidence)}", placeMatch.Confidence);
        }

        return PlaceAssignment.None;
    }

    private static string NameMethod(double confidence) => confidence switch
    {
        >= 1 => "name-exact",
        >= 0.85 => "name-variant",
        _ => "name-fuzzy",
    };

    /// <summary>UCDP writes "Nangarhar province" and "Achin district": the unit word is not part of the name.</summary>
    private static string StripUnitWord(string name)
    {
        foreach (var word in new[] { " province", " district", " agency", " governorate" })
        {
            if (name.EndsWith(word, StringComparison.OrdinalIgnoreCase) && name.Length > word.Length)
            {
                return name[..^word.Length];
            }
        }

        return name;
    }

    /// <summary>Among candidates of equal surety, admin units win over places, and one unit over several.</summary>
    private static List<PlaceCandidate> Preferred(List<PlaceCandidate> candidates)
    {
        var units = candidates.Where(c => c.Unit is not null).ToList();
        return units.Count > 0 ? units : candidates;
    }

    private List<PlaceCandidate> Fuzzy(string normalized, Func<(AdminUnit? Unit, NamedPlace? Place, string Name), bool> keep)
    {
        if (normalized.Length < 5)
        {
            return [];
        }

        var allowed = normalized.Length >= 9 ? 2 : 1;
        var best = new List<PlaceCandidate>();
        var bestDistance = int.MaxValue;
        foreach (var (key, entries) in _byName)
        {
            if (Math.Abs(key.Length - normalized.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance(key, normalized, allowed);
            if (distance > allowed || distance > bestDistance)
            {
                continue;
            }

            var kept = entries.Where(keep).Select(e => new PlaceCandidate(e.Unit, e.Place, e.Name, 0.75 - (0.1 * distance))).ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                best.Clear();
                bestDistance = distance;
            }

            best.AddRange(kept);
        }

        return Preferred([.. best.DistinctBy(c => (object?)c.Unit ?? c.Place)]);
    }

    /// <summary>Levenshtein distance, giving up (returning more than <paramref name="limit"/>) once it must exceed it.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static AdminUnit? Within(STRtree<Outline> tree, Coordinate point)
    {
        foreach (var outline in tree.Query(new Envelope(point)))
        {
            if (outline.Locator.Locate(point) != Location.Exterior)
            {
                return outline.Unit;
            }
        }

        return null;
    }

    private void Index(AdminUnit? unit, NamedPlace? place, string name)
    {
        var entry = (unit, place, name);
        Add(_byName, NameText.Normalize(name), entry);
        var skeleton = NameText.Skeleton(name);
        if (skeleton.Length >= 3)
        {
            Add(_bySkeleton, skeleton, entry);
        }

        static void Add(Dictionary<string, List<(AdminUnit?, NamedPlace?, string)>> index, string key, (AdminUnit?, NamedPlace?, string) entry)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(entry);
        }
    }

    private void ReadUnits(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var element in document.RootElement.GetProperty("units").EnumerateArray())
        {
            var names = element.GetProperty("names").EnumerateArray().Select(ReadName).ToList();
            var unit = new AdminUnit(
                element.GetProperty("id").GetString()!, element.GetProperty("level").GetInt32(), element.GetProperty("country").GetString()!,
                element.GetProperty("name").GetString()!, element.GetProperty("parent").GetString(), names, element.TryGetProperty("shape", out _));
            _units.Add(unit.Id, unit);
            foreach (var name in names.Select(n => n.Name).Prepend(unit.Name))
            {
                Index(unit, null, name);
            }
        }

        Countries = [.. _units.Values.Select(u => u.Country).Distinct()];
    }

    /// <summary>
    /// The outlines, read on first use (a point to locate, a map, neighbours): a command that only resolves names
    /// never pays for parsing them.
    /// </summary>
    /// <exception cref="DyadException">BadInput: a shapes file is missing or not what the gazetteer needs.</exception>
    private Shapes ReadShapes(string folder)
    {
        try
        {
            var shapes = new Shapes();
            var options = new JsonSerializerOptions();
            options.Converters.Add(new GeoJsonConverterFactory());
            foreach (var file in Directory.GetFiles(Path.Combine(folder, "shapes"), "*.geojson").Order(StringComparer.Ordinal))
            {
                var set = Path.GetFileNameWithoutExtension(file);
                var features = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(file), options) ?? throw new FormatException($"shapes/{set}.geojson is empty");
                foreach (var feature in features)
                {
                    var id = feature.Attributes["id"]?.ToString() ?? throw new FormatException($"a feature in shapes/{set}.geojson has no id");
                    var unit = _units.GetValueOrDefault(id) ?? throw new FormatException($"shapes/{set}.geojson outlines '{id}', which is not an admin unit");
                    var historical = set == "pk-fata";
                    var tree = historical ? shapes.Historical : unit.Level == 1 ? shapes.Provinces : shapes.Districts;
                    var outline = new Outline(unit, feature.Geometry, new IndexedPointInAreaLocator(feature.Geometry));
                    tree.Insert(feature.Geometry.EnvelopeInternal, outline);
                    if (!historical)
                    {
                        shapes.Current.Add(outline);
                    }
                }
            }

            shapes.Provinces.Build();
            shapes.Districts.Build();
            shapes.Historical.Build();
            return shapes;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw DyadException.BadInput($"{folder}: the gazetteer's outlines are not readable: {e.Message}", folder, inner: e);
        }
    }

    private static bool IsUnreadable(Exception e) => e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException;

    private void ReadPlaces(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var element in document.RootElement.GetProperty("places").EnumerateArray())
        {
            // The build script located every shipped place in its units once, so that loading need not; a user's place
            // that does not say its units is located here.
            var (latitude, longitude) = (element.GetProperty("lat").GetDouble(), element.GetProperty("lon").GetDouble());
            var located = element.TryGetProperty("admin1", out _) ? null : Locate(latitude, longitude);
            var place = new NamedPlace(
                element.GetProperty("name").GetString()!, element.TryGetProperty("names", out var names) ? [.. names.EnumerateArray().Select(ReadName)] : [],
                latitude, longitude, element.GetProperty("kind").GetString()!, element.GetProperty("source").GetString()!)
            {
                Admin1Id = located is null ? element.GetProperty("admin1").GetString() : located.Admin1?.Id,
                Admin2Id = located is null ? (element.TryGetProperty("admin2", out var admin2) ? admin2.GetString() : null) : located.Admin2?.Id,
            };
            _places.Add(place);
            foreach (var name in place.Names.Select(n => n.Name).Prepend(place.Name))
            {
                Index(null, place, name);
            }
        }
    }

    private static PlaceName ReadName(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? new PlaceName(element.GetString()!)
            : new PlaceName(element.GetProperty("name").GetString()!, element.TryGetProperty("script", out var script) ? script.GetString() : null);

    private Dictionary<string, IReadOnlyList<string>> FindNeighbours()
    {
        // The outlines are simplified and come from more than one source, so borders may miss each other by a few
        // hundred metres: provinces within ~1 km (0.01 degrees) of each other are neighbours.
        const double Tolerance = 0.01;
        var provinces = _shapes.Value.Provinces;
        var outlines = provinces.Query(new Envelope(-180, 180, -90, 90)).ToList();
        var neighbours = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var outline in outlines)
        {
            var envelope = outline.Geometry.EnvelopeInternal.Copy();
            envelope.ExpandBy(Tolerance);
            neighbours[outline.Unit.Id] = [.. provinces.Query(envelope)
                .Where(other => other.Unit.Id != outline.Unit.Id && other.Geometry.IsWithinDistance(outline.Geometry, Tolerance))
                .Select(other => other.Unit.Id)
                .Order(StringComparer.Ordinal)];
        }

        return neighbours;
    }

    private sealed record Outline(AdminUnit Unit, Geometry Geometry, IndexedPointInAreaLocator Locator);

    private sealed class Shapes
    {
        public STRtree<Outline> Provinces { get; } = new();
        public STRtree<Outline> Districts { get; } = new();
        public STRtree<Outline> Historical { get; } = new();
        public List<Outline> Current { get; } = [];
    }
}
