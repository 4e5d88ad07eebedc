namespace Dyad.Analysis.Forecasting;

/// <summary>
/// What a forecast knows of a unit at the start of a month: only the months before it. The unit's own history of the
/// kind (last months, sums, time since, the share of months it happened), the unit's violence of any kind, its
/// province's and the country's, and the calendar month of the month forecast.
/// </summary>
public static class ForecastFeatures
{
    /// <summary>Months since a unit's last event when it has none before: as if long ago.</summary>
    private const int Never = 240;

    public static readonly IReadOnlyList<string> Names =
    [
        "kind last month", "kind 2 months ago", "kind 3 months ago", "kind last 3 months", "kind last 6 months", "kind last 12 months",
        "kind last 24 months", "months since kind", "share of past months with kind", "share of last 12 months with kind",
        "any events last month", "any events last 3 months", "any events last 12 months",
        "kind elsewhere in the province last month", "kind elsewhere in the province last 3 months", "country kind last month", "country kind last 3 months",
        "country kind last 12 months", "country any events last month", "calendar month forecast",
    ];

    /// <summary>The features of <paramref name="unit"/> for the month <paramref name="horizon"/> − 1 after <paramref name="origin"/>, knowing months before <paramref name="origin"/> only.</summary>
    public static float[] Of(ForecastSeries s, int unit, int origin, int horizon)
    {
        var kind = s.Kind[unit];
        var all = s.All[unit];
        var province = s.ProvinceKind[s.ProvinceOf[unit]];
        var since = Never;
        for (var t = origin - 1; t >= 0; t--)
        {
            if (kind[t] > 0)
            {
                since = origin - 1 - t;
                break;
            }
        }

        return
        [
            At(kind, origin - 1), At(kind, origin - 2), At(kind, origin - 3), Sum(kind, origin, 3), Sum(kind, origin, 6), Sum(kind, origin, 12),
            Sum(kind, origin, 24), since, Share(kind, origin, origin), Share(kind, origin, 12),
            At(all, origin - 1), Sum(all, origin, 3), Sum(all, origin, 12),
            At(province, origin - 1) - At(kind, origin - 1), Sum(province, origin, 3) - Sum(kind, origin, 3),
            At(s.CountryKind, origin - 1), Sum(s.CountryKind, origin, 3), Sum(s.CountryKind, origin, 12), At(s.CountryAll, origin - 1),
            s.MonthAt(origin + horizon - 1).Month,
        ];
    }

    private static float At(int[] series, int month) => month >= 0 ? series[month] : 0;

    /// <summary>The sum of the <paramref name="months"/> months before <paramref name="origin"/>.</summary>
    private static float Sum(int[] series, int origin, int months)
    {
        var sum = 0;
        for (var t = Math.Max(0, origin - months); t < origin; t++)
        {
            sum += series[t];
        }

        return sum;
    }

    /// <summary>The share of the <paramref name="months"/> months before <paramref name="origin"/> with at least one event.</summary>
    private static float Share(int[] series, int origin, int months)
    {
        var from = Math.Max(0, origin - months);
        if (origin <= from)
        {
            return float.NaN;
        }

        var with = 0;
        for (var t = from; t < origin; t++)
        {
            with += series[t] > 0 ? 1 : 0;
        }

        return (float)with / (origin - from);
    }
}
