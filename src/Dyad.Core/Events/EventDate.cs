namespace Dyad.Events;

/// <summary>
/// When an event happened, as precisely as the source says: a first and last day (equal for a one-day event) and a
/// precision. A month-precision event spans its month; a year-precision one its year.
/// </summary>
public readonly record struct EventDate
{
    public EventDate(DateOnly start, DateOnly end, DatePrecision precision)
    {
        if (end < start)
        {
            throw new ArgumentException($"The end {end:yyyy-MM-dd} is before the start {start:yyyy-MM-dd}.", nameof(end));
        }

        Start = start;
        End = end;
        Precision = precision;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }
    public DatePrecision Precision { get; }

    public static EventDate OnDay(DateOnly day) => new(day, day, DatePrecision.Day);

    public static EventDate InMonth(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(first, first.AddMonths(1).AddDays(-1), DatePrecision.Month);
    }

    public static EventDate InYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year);

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Start.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ when Start == End => Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}",
    };
}
