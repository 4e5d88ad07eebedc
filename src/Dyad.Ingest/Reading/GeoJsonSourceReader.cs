using System.Globalization;
using System.Text.Json;

namespace Dyad.Ingest.Reading;

/// <summary>
/// Reads a GeoJSON FeatureCollection as a table: one row per feature, the columns being the union of the features'
/// property names in order of first appearance, then <c>longitude</c> and <c>latitude</c> from a Point geometry.
/// The verbatim row is the feature's JSON.
/// </summary>
/// <remarks>
/// The document is parsed whole: GeoJSON event files in circulation are small (thousands of points). A file of
/// millions of points should come as CSV.
/// </remarks>
internal sealed class GeoJsonSourceReader : ISourceReader
{
    public const string LongitudeColumn = "longitude";
    public const string LatitudeColumn = "latitude";

    private readonly JsonDocument _document;
    private readonly JsonElement[] _features;
    private readonly string?[] _fields;
    private int _index = -1;

    public GeoJsonSourceReader(string path)
    {
        Path = path;
        try
        {
            using var stream = File.OpenRead(path);
            _document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw DyadException.BadInput($"{path}: not valid JSON at line {e.LineNumber + 1}: {e.Message}", path, e.LineNumber + 1, inner: e);
        }

        var root = _document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            _document.Dispose();
            throw DyadException.BadInput($"{path}: not a GeoJSON FeatureCollection (no \"features\" array).", path);
        }

        _features = [.. features.EnumerateArray()];
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var feature in _features)
        {
            if (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (seen.Add(property.Name))
                    {
                        columns.Add(property.Name);
                    }
                }
            }
        }

        foreach (var coordinate in new[] { LongitudeColumn, LatitudeColumn })
        {
            if (seen.Add(coordinate))
            {
                columns.Add(coordinate);
            }
        }

        Columns = columns;
        _fields = new string?[columns.Count];
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The feature's position: the first feature is row 2, as if the property names were a header.</summary>
    public long RowNumber => _index + 2;

    public int FieldCount => _fields.Length;

    public string? RowProblem { get; private set; }

    public double Progress => _features.Length == 0 ? 1 : (double)(_index + 1) / _features.Length;

    public IReadOnlyList<string> Warnings => [];

    public bool Read()
    {
        if (++_index >= _features.Length)
        {
            return false;
        }

        Array.Clear(_fields);
        RowProblem = null;
        var feature = _features[_index];
        if (feature.ValueKind != JsonValueKind.Object)
        {
            RowProblem = "the feature is not a JSON object";
            return true;
        }

        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                var column = IndexOf(property.Name);
                _fields[column] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.True => "1",
                    JsonValueKind.False => "0",
                    _ => property.Value.GetRawText(),
                };
            }
        }

        if (feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
            && geometry.TryGetProperty("type", out var type) && type.ValueEquals("Point")
            && geometry.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array
            && coordinates.GetArrayLength() >= 2)
        {
            // A point property of the same name, if any, gives way to the geometry: GeoJSON says the geometry is the place.
            _fields[IndexOf(LongitudeColumn)] = Coordinate(coordinates[0]);
            _fields[IndexOf(LatitudeColumn)] = Coordinate(coordinates[1]);
        }

        return true;
    }

    public ReadOnlySpan<char> Field(int index) => index < _fields.Length ? _fields[index].AsSpan().Trim() : [];

    public string RawRow() => _index >= 0 && _index < _features.Length ? _features[_index].GetRawText() : string.Empty;

    private int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Column {column} was not collected from the features.");
    }

    private static string? Coordinate(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };

    public void Dispose() => _document.Dispose();
}
