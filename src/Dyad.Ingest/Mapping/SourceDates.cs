using System.Globalization;
using Dyad.Events;

namespace Dyad.Ingest.Mapping;

/// <summary>
/// Dates as the datasets write them, checked: a year outside 1900-2100 or a day that is not in its month rejects the
/// row rather than becoming a wrong date.
/// </summary>
internal static class SourceDates
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;

    // ISO first; then the US month/day order of GTD's and the UCDP API's slashed dates, then ACLED's spelled-out months.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-dd HH:mm:ss.fff",
        "M/d/yyyy", "M/d/yyyy HH:mm:ss", "M/d/yyyy H:mm", "d MMMM yyyy", "d MMM yyyy", "d-MMMM-yyyy", "d-MMM-yyyy", "yyyy/MM/dd",
    ];

    /// <summary>Slashed dates whose first number cannot be a month (25/05/2021) are day-first whatever the file's order.</summary>
    private static readonly string[] DayFirstFormats = ["d/M/yyyy", "d/M/yyyy HH:mm:ss", "d/M/yyyy H:mm"];

    /// <summary>
    /// A day from text, or a rejection of the row naming the column. A slashed date that can be read two ways
    /// (08/05/2021: 8 May or 5 August) is refused unless <paramref name="order"/>, the dataset's documented order, settles it.
    /// </summary>
    public static DateOnly Day(RowFields row, int column, SlashedDateOrder order = SlashedDateOrder.Unsettled)
    {
        var span = row.Span(column);
        var formats = Formats;
        if (SlashedParts(span) is var (first, second))
        {
            if (first > 12 && second <= 12)
            {
                formats = DayFirstFormats;
            }
            // Only two real months are two readings: 11/00/2009 is no date at all, and is refused below as such.
            else if (first != second && first is >= 1 and <= 12 && second is >= 1 and <= 12 && order == SlashedDateOrder.Unsettled)
            {
                throw row.Reject(column, $"can be read as {Month(second)} {first} or {Month(first)} {second}; write dates as yyyy-mm-dd (2021-05-08)");
            }
        }

        if (DateTime.TryParseExact(span, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return InRange(row, column, DateOnly.FromDateTime(parsed));
        }

        throw row.Reject(column, "is not a real date (expected a date such as 2021-05-08 or 8 May 2021)");
    }

    /// <summary>The first two numbers of a date written n/n/yyyy, or null for any other text.</summary>
    private static (int First, int Second)? SlashedParts(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var slash = text.IndexOf('/');
        if (slash <= 0 || !int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var first))
        {
            return null;
        }

        var rest = text[(slash + 1)..];
        var next = rest.IndexOf('/');
        return next > 0 && int.TryParse(rest[..next], NumberStyles.None, CultureInfo.InvariantCulture, out var second) ? (first, second) : null;
    }

    private static string Month(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    /// <summary>
    /// A day from text or, as in GTD files converted from the .xlsx, a spreadsheet day number (44212 = 2021-01-16).
    /// </summary>
    public static DateOnly DayOrSpreadsheetSerial(RowFields row, int column, SlashedDateOrder order)
    {
        var span = row.Span(column);
        if (int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 100_000)
        {
            return InRange(row, column, DateOnly.FromDateTime(DateTime.FromOADate(serial)));
        }

        return Day(row, column, order);
    }

    /// <summary>A date from separate year, month and day codes, where 0 means the month or day is unknown (GTD).</summary>
    public static EventDate FromParts(RowFields row, int yearColumn, int monthColumn, int dayColumn)
    {
        var year = row.Int(yearColumn) ?? throw row.Reject(yearColumn, "is empty; every event needs at least a year");
        if (year is < FirstYear or > LastYear)
        {
            throw row.Reject(yearColumn, $"is not a plausible year ({FirstYear}-{LastYear})");
        }

        var month = row.Int(monthColumn) ?? 0;
        if (month is < 0 or > 12)
        {
            throw row.Reject(monthColumn, "is not a month (1-12, or 0 for unknown)");
        }

        if (month == 0)
        {
            return EventDate.InYear(year);
        }

        var day = row.Int(dayColumn) ?? 0;
        if (day < 0 || day > DateTime.DaysInMonth(year, month))
        {
            throw row.Reject(dayColumn, $"is not a day of {year}-{month:00} (1-{DateTime.DaysInMonth(year, month)}, or 0 for unknown)");
        }

        return day == 0 ? EventDate.InMonth(year, month) : EventDate.OnDay(new DateOnly(year, month, day));
    }

    public static int Year(RowFields row, int column)
    {
        var year = row.Int(column) ?? throw row.Reject(column, "is empty; every event needs at least a year");
        return year is < FirstYear or > LastYear ? throw row.Reject(column, $"is not a plausible year ({FirstYear}-{LastYear})") : year;
    }

    private static DateOnly InRange(RowFields row, int column, DateOnly day) =>
        day.Year is < FirstYear or > LastYear ? throw row.Reject(column, $"is not a plausible date ({FirstYear}-{LastYear})") : day;
}
