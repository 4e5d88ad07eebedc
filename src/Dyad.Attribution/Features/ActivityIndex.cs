using Dyad.Attribution.Attacks;

namespace Dyad.Attribution.Features;

/// <summary>
/// When each group attacked, per province and per country, as sorted day numbers: answers "how many attacks did this
/// group make here in these days" and "when did it last attack here" by binary search. Only attacks whose perpetrator
/// was known by the knowledge horizon are indexed per group; all attacks (known or not) are indexed for the totals.
/// </summary>
internal sealed class ActivityIndex
{
    private readonly Dictionary<(string Key, int Class), int[]> _byGroup = [];
    private readonly Dictionary<string, int[]> _all = new(StringComparer.Ordinal);

    /// <param name="attacks">Every attack in the store (the unknown ones count toward the totals).</param>
    /// <param name="classOf">The class index of a perpetrator (the "other" class for groups outside the model's classes).</param>
    /// <param name="horizon">A perpetrator is known only for attacks dated before this day (a backtest's split); null: all.</param>
    public ActivityIndex(IEnumerable<Attack> attacks, Func<string, int> classOf, DateOnly? horizon)
    {
        var byGroup = new Dictionary<(string, int), List<int>>();
        var all = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var attack in attacks)
        {
            if (attack.Status == PerpetratorStatus.NotAnAttack)
            {
                continue;
            }

            var day = attack.Date.DayNumber;
            foreach (var key in Keys(attack.Province, attack.Country))
            {
                Add(all, key, day);
                if (attack.Perpetrator is { } group && (horizon is null || attack.Date < horizon))
                {
                    Add(byGroup, (key, classOf(group)), day);
                }
            }
        }

        foreach (var (key, days) in byGroup)
        {
            _byGroup[key] = Sorted(days);
        }

        foreach (var (key, days) in all)
        {
            _all[key] = Sorted(days);
        }
    }

    public static string ProvinceKey(string province) => "p:" + province;

    public static string CountryKey(string country) => "c:" + country;

    /// <summary>Attacks by the class's groups under <paramref name="key"/> on days in [from, to).</summary>
    public int Count(string key, int classIndex, int from, int to) =>
        _byGroup.TryGetValue((key, classIndex), out var days) ? CountBetween(days, from, to) : 0;

    /// <summary>All attacks under <paramref name="key"/> on days in [from, to), whoever made them.</summary>
    public int CountAll(string key, int from, int to) => _all.TryGetValue(key, out var days) ? CountBetween(days, from, to) : 0;

    /// <summary>Days from the class's last attack under <paramref name="key"/> before <paramref name="before"/>; null if none.</summary>
    public int? DaysSinceLast(string key, int classIndex, int before)
    {
        if (!_byGroup.TryGetValue((key, classIndex), out var days))
        {
            return null;
        }

        var index = LowerBound(days, before) - 1;
        return index < 0 ? null : before - days[index];
    }

    private static IEnumerable<string> Keys(string? province, string? country)
    {
        if (province is not null)
        {
            yield return ProvinceKey(province);
        }

        if (country is not null)
        {
            yield return CountryKey(country);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int day)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(day);
    }

    private static int[] Sorted(List<int> days)
    {
        var array = days.ToArray();
        Array.Sort(array);
        return array;
    }

    private static int CountBetween(int[] days, int from, int to) => LowerBound(days, to) - LowerBound(days, from);

    /// <summary>The first index whose day is not before <paramref name="day"/>.</summary>
    private static int LowerBound(int[] days, int day)
    {
        int low = 0, high = days.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (days[middle] < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
