using System.Globalization;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>Options that take a day: always written yyyy-MM-dd, so that 08/09 never means two things.</summary>
internal static class DayOption
{
    public const string Format = "yyyy-MM-dd";

    public static DateOnly? Parse(string? text) => text is null ? null : DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

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
}
