using System.Globalization;

namespace Dyad.App;

/// <summary>
/// The bounds of a period as a user writes them: a day (always yyyy-MM-dd, so that 08/09 never means two things), a
/// month (2021-08) or a year (2021). A period starts at the beginning of its first bound and ends at the end of its last.
/// </summary>
public static class Periods
{
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>The first and last day of the year, month or day <paramref name="text"/> names; null if it names none.</summary>
    public static (DateOnly First, DateOnly Last)? Parse(string text)
    {
        if (DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day, day);
        }

        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (month, month.AddMonths(1).AddDays(-1));
        }

        return text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1
            ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            : null;
    }

    /// <summary>The first day of the year, month or day <paramref name="text"/> names (which must be one).</summary>
    public static DateOnly? From(string? text) => text is null ? null : Parse(text)!.Value.First;

    /// <summary>The last day of the year, month or day <paramref name="text"/> names (which must be one).</summary>
    public static DateOnly? To(string? text) => text is null ? null : Parse(text)!.Value.Last;

    /// <summary>
    /// What is wrong with a period's bounds, named as the caller calls them (--from, or from), or null if nothing: a
    /// bound that is not a year, month or day, or a period that ends before it starts.
    /// </summary>
    public static string? Problem(string fromName, string? from, string toName, string? to)
    {
        foreach (var (name, value) in new[] { (fromName, from), (toName, to) })
        {
            if (value is not null && Parse(value) is null)
            {
                return $"{name} {value}: write a year, a month or a day: 2021, 2021-08 or 2021-08-15.";
            }
        }

        return To(to) < From(from) ? $"{toName} {to} ends before {fromName} {from} starts." : null;
    }
}
