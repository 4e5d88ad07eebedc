using System.ComponentModel;
using Dyad.App.Rivalry;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Rivalry;

/// <summary>The two sides and the slice of time and place, shared by <c>rivalry</c> and <c>report</c>.</summary>
public class RivalrySettings : StoreJsonSettings
{
    [CommandArgument(0, "<A>")]
    [Description("One side: any name or id the actor registry resolves (IS-K, ISKP, داعش, taliban …).")]
    public string A { get; init; } = "";

    [CommandArgument(1, "<B>")]
    [Description("The other side.")]
    public string B { get; init; } = "";

    [CommandOption("--from <DAY>")]
    [Description("Only events on or after this day, or from the start of this month or year (2021-08-15, 2021-08 or 2021).")]
    public string? From { get; init; }

    [CommandOption("--to <DAY>")]
    [Description("Only events on or before this day, or up to the end of this month or year (2021-08-15, 2021-08 or 2021).")]
    public string? To { get; init; }

    [CommandOption("--by <UNIT>")]
    [Description("month, quarter or year. Defaults to month.")]
    public string By { get; init; } = "month";

    [CommandOption("--country <C,...>")]
    [Description("Only events in these countries (comma-separated).")]
    public string? Country { get; init; }

    /// <summary>The countries asked for, or null for every one.</summary>
    public IReadOnlyList<string>? Countries => Country?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The <c>dyad report</c> command that computes these figures again, with every option that changes them.</summary>
    public string ReportCommandLine(string? output)
    {
        var parts = new List<string> { "dyad", "report", Quote(A), Quote(B) };
        void Option(string name, string? value)
        {
            if (value is not null)
            {
                parts.AddRange([name, Quote(value)]);
            }
        }

        Option("--from", From);
        Option("--to", To);
        Option("--by", By == "month" ? null : By);
        Option("--country", Country);
        Option("--db", Db == DefaultStore ? null : Db);
        Option("--out", output);
        return string.Join(' ', parts);
    }

    private static string Quote(string text) => text.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '&' or ';') ? $"\"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : text;

    /// <summary>What the two commands ask the rivalry service for.</summary>
    public RivalryRequest ToRequest() => new(A, B, DayOption.ParseFrom(From), DayOption.ParseTo(To), Countries, Unit);

    public PeriodUnit Unit => By switch
    {
        "quarter" => PeriodUnit.Quarter,
        "year" => PeriodUnit.Year,
        _ => PeriodUnit.Month,
    };

    public override ValidationResult Validate() =>
        By is not ("month" or "quarter" or "year") ? ValidationResult.Error($"--by {By}: say month, quarter or year.")
        : DayOption.ValidatePeriod(From, To) is { Successful: false } bad ? bad
        : base.Validate();
}
