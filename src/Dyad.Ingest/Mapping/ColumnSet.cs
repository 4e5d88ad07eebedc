namespace Dyad.Ingest.Mapping;

/// <summary>
/// Finds columns by name in a header, ignoring case, so that mappers can name a field by any of the names the
/// dataset has used for it over the years (ACLED's <c>sub_event_type</c> was <c>Sub_type</c> in some exports).
/// </summary>
internal sealed class ColumnSet
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _missing = [];

    public ColumnSet(IReadOnlyList<string> columns)
    {
        Names = columns;
        for (var i = 0; i < columns.Count; i++)
        {
            _index.TryAdd(columns[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The optional fields that <see cref="Optional"/> did not find, for the import's warnings.</summary>
    public IReadOnlyList<string> MissingOptional => _missing;

    public bool Has(string name) => _index.ContainsKey(name);

    /// <summary>The index of the first of <paramref name="names"/> present, or -1, noting the field as missing.</summary>
    public int Optional(params ReadOnlySpan<string> names)
    {
        var found = Find(names);
        if (found < 0)
        {
            _missing.Add(names[0]);
        }

        return found;
    }

    /// <summary>The index of the first of <paramref name="names"/> present, or -1, without noting anything.</summary>
    public int Find(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_index.TryGetValue(name, out var i))
            {
                return i;
            }
        }

        return -1;
    }
}
