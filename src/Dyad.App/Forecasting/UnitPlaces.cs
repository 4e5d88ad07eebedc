using Dyad.Analysis.Forecasting;
using Dyad.Places;
using Dyad.Store;

namespace Dyad.App.Forecasting;

/// <summary>
/// The unit an event is forecast in: the gazetteer's district, else the district its source names, else the
/// province. A source's district name that the gazetteer placed for some of its events (by name) but not for others
/// (a point it could place only in the province) is the gazetteer's district for all of them: most of its placed events'.
/// </summary>
internal sealed class UnitPlaces
{
    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, string> _districtOfName;

    public UnitPlaces(Gazetteer gazetteer, IReadOnlyList<StoredEvent> events)
    {
        _gazetteer = gazetteer;
        _districtOfName = events.Where(e => e.Units?.Admin2Id is not null && SourceKey(e) is not null)
            .GroupBy(e => SourceKey(e)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Units!.Admin2Id!).OrderByDescending(d => d.Count()).ThenBy(d => d.Key, StringComparer.Ordinal).First().Key,
                StringComparer.Ordinal);
    }

    public ForecastUnit? UnitOf(StoredEvent stored)
    {
        var place = stored.Event.Place;
        var (province, provinceName) = stored.Units?.Admin1Id is { } id ? (id, Name(id)) : (Key(place.Country, place.Admin1), place.Admin1?.Trim());
        if ((stored.Units?.Admin2Id ?? (SourceKey(stored) is { } named ? _districtOfName.GetValueOrDefault(named) : null)) is { } district)
        {
            var parent = _gazetteer.Find(district)?.ParentId;
            return new ForecastUnit(district, Name(district), parent ?? province, parent is null ? provinceName : Name(parent));
        }

        return SourceKey(stored) is { } source ? new ForecastUnit(source, place.Admin2!.Trim(), province, provinceName)
            : province is null ? null : new ForecastUnit(province, provinceName!, province, provinceName);
    }

    private string Name(string key) => _gazetteer.Find(key)?.Name ?? key;

    /// <summary>The district as its source names it, within its country and province.</summary>
    private static string? SourceKey(StoredEvent stored) =>
        string.IsNullOrWhiteSpace(stored.Event.Place.Admin2) ? null : Key(stored.Event.Place.Country, stored.Event.Place.Admin1, stored.Event.Place.Admin2);

    private static string? Key(params string?[] names) =>
        string.IsNullOrWhiteSpace(names[^1]) ? null : string.Join('/', names.Select(n => (n ?? "").Trim().ToLowerInvariant()));
}
