namespace Dyad.Analysis.Forecasting;

/// <summary>A place a forecast is made for: a district, or a province where no district is known.</summary>
/// <param name="Key">The gazetteer's id, or the source's own admin names where the gazetteer has none.</param>
/// <param name="Province">The key of the province the unit lies in (its own key when it is a province).</param>
/// <param name="Centre">Where its events are on average (latitude, longitude): where a map puts a unit it has no outline for.</param>
public sealed record ForecastUnit(string Key, string Name, string? Province, string? ProvinceName = null, (double Latitude, double Longitude)? Centre = null);

/// <summary>One event as a forecast counts it: its first day, its unit (null: none known) and whether it is of the kind forecast.</summary>
public readonly record struct UnitEvent(DateOnly Day, ForecastUnit? Unit, bool OfKind);

/// <summary>
/// Every unit's monthly counts from the first month to the last: events of the kind forecast, and events of any kind
/// (the unit's violence in general), with the country's totals (events without a known unit included).
/// </summary>
public sealed class ForecastSeries
{
    private ForecastSeries(IReadOnlyList<ForecastUnit> units, DateOnly first, int months)
    {
        Units = units;
        FirstMonth = first;
        Months = months;
        Kind = [.. units.Select(_ => new int[months])];
        All = [.. units.Select(_ => new int[months])];
        CountryKind = new int[months];
        CountryAll = new int[months];
        var provinces = units.Select(u => u.Province ?? u.Key).Distinct(StringComparer.Ordinal).ToList();
        ProvinceOf = [.. units.Select(u => provinces.IndexOf(u.Province ?? u.Key))];
        ProvinceKind = [.. provinces.Select(_ => new int[months])];
    }

    public IReadOnlyList<ForecastUnit> Units { get; }

    public DateOnly FirstMonth { get; }

    /// <summary>How many months the series spans, from <see cref="FirstMonth"/>.</summary>
    public int Months { get; }

    /// <summary>Per unit and month: events of the kind forecast.</summary>
    public int[][] Kind { get; }

    /// <summary>Per unit and month: events of any kind.</summary>
    public int[][] All { get; }

    public int[] CountryKind { get; }

    public int[] CountryAll { get; }

    /// <summary>Each unit's province, as an index into <see cref="ProvinceKind"/>.</summary>
    public int[] ProvinceOf { get; }

    /// <summary>Per province and month: events of the kind forecast in all its units.</summary>
    public int[][] ProvinceKind { get; }

    public DateOnly MonthAt(int index) => FirstMonth.AddMonths(index);

    /// <summary>The index of a day's month (negative before the first month).</summary>
    public int IndexOf(DateOnly day) => ((day.Year - FirstMonth.Year) * 12) + day.Month - FirstMonth.Month;

    /// <summary>
    /// The series of these events from <paramref name="first"/> (default: the first event's month) to
    /// <paramref name="last"/> (default: the last event's month). Units are those any event falls in, in key order.
    /// </summary>
    public static ForecastSeries Of(IReadOnlyList<UnitEvent> events, DateOnly? first = null, DateOnly? last = null)
    {
        if (events.Count == 0 && (first is null || last is null))
        {
            throw DyadException.BadInput("no events in the data selected: nothing to forecast from.");
        }

        var from = Month(first ?? events.Min(e => e.Day));
        var to = Month(last ?? events.Max(e => e.Day));
        var units = events.Select(e => e.Unit).OfType<ForecastUnit>().DistinctBy(u => u.Key).OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        var series = new ForecastSeries(units, from, ((to.Year - from.Year) * 12) + to.Month - from.Month + 1);
        var index = units.Select((u, i) => (u.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        foreach (var e in events)
        {
            var month = series.IndexOf(e.Day);
            if (month < 0 || month >= series.Months)
            {
                continue;
            }

            series.CountryAll[month]++;
            series.CountryKind[month] += e.OfKind ? 1 : 0;
            if (e.Unit is { } unit)
            {
                var u = index[unit.Key];
                series.All[u][month]++;
                if (e.OfKind)
                {
                    series.Kind[u][month]++;
                    series.ProvinceKind[series.ProvinceOf[u]][month]++;
                }
            }
        }

        return series;
    }

    public static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);
}
