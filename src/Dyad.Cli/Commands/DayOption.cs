using System.Globalization;
using Dyad.App;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>
/// Options that take a day: always written yyyy-MM-dd, so that 08/09 never means two things. The bounds of a period
/// (--from, --to) also take a year or a month, read by <see cref="Periods"/>.
/// </summary>
internal static class DayOption
{
    public const string Format = Periods.DayFormat;

    public static DateOnly? Parse(string? text) => text is null ? null : DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    /// <summary>The first day of the year, month or day <paramref name="text"/> names.</summary>
    public static DateOnly? ParseFrom(string? text) => Periods.From(text);

    /// <summary>The last day of the year, month or day <paramref name="text"/> names.</summary>
    public static DateOnly? ParseTo(string? text) => Periods.To(text);

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
    public static ValidationResult ValidatePeriod(string? from, string? to) =>
        Periods.Problem("--from", from, "--to", to) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
}
