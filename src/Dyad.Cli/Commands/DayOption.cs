using System.Globalization;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>
/// Options that take a day: always written yyyy-MM-dd, so that 08/09 never means two things. The bounds of a period
/// (--from, --to) also take a year (2021) or a month (2021-05), which a period starts at the beginning of and ends at
/// the end of.
/// </summary>
internal static class DayOption
{
    public const string Format = "yyyy-MM-dd";

    public static DateOnly? Parse(string? text) => text is null ? null : DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    /// <summary>The first day of the year, month or day <paramref name="text"/> names.</summary>
    public static DateOnly? ParseFrom(string? text) => text is null ? null : Period(text)!.Value.First;

    /// <summary>The last day of the year, month or day <paramref name="text"/> names.</summary>
    public static DateOnly? ParseTo(string? text) => text is null ? null : Period(text)!.Value.Last;

    /// <summary>An error naming the first option whose value is not a day, or success.</summary>
    public static ValidationResult Validate(params (string Option, string? Value)[] options)
    {
        foreach (var (option, value) in options)
        {
            if (value is not null && !DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ValidationResult.Error($"{option} {value}: write the day as {Format}, e.g. 2021-08-15.");
            }
        }

        return ValidationResult.Success();
    }

    /// <summary>An error if --from or --to is not a year, month or day, or if the period ends before it starts.</summary>
    public static ValidationResult ValidatePeriod(string? from, string? to)
    {
        foreach (var (option, value) in new[] { ("--from", from), ("--to", to) })
        {
            if (value is not null && Period(value) is null)
            {
                return ValidationResult.Error($"{option} {value}: write a year, a month or a day: 2021, 2021-08 or 2021-08-15.");
            }
        }

        return ParseTo(to) < ParseFrom(from)
            ? ValidationResult.Error($"--to {to} ends before --from {from} starts.")
            : ValidationResult.Success();
    }

    private static (DateOnly First, DateOnly Last)? Period(string text)
    {
        if (DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day, day);
        }

        if (DateOnly.TryParseExact(text + "-01", Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && text.Length == 7)
        {
            return (month, month.AddMonths(1).AddDays(-1));
        }

        return text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1
            ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            : null;
    }
}
