using Dyad.Store;

namespace Dyad.App.Rivalry;

/// <summary>
/// A rivalry as a user asks for it, every part text (the CLI's arguments and options, the API's query): checked,
/// read into a <see cref="RivalryRequest"/>, and written back as the <c>dyad report</c> command that makes its brief.
/// </summary>
public sealed record RivalryQuestion(string A, string B, string? From = null, string? To = null, string? Country = null, string? By = null)
{
    /// <summary>What is wrong with it, the parts named as the caller names them; null if nothing.</summary>
    public string? Problem(Func<string, string> name) =>
        By is not (null or "month" or "quarter" or "year") ? $"{name("by")} {By}: say month, quarter or year."
        : Periods.Problem(name("from"), From, name("to"), To);

    /// <summary>The countries asked for, or null for every one.</summary>
    public IReadOnlyList<string>? Countries => Country?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public PeriodUnit Unit => By switch
    {
        "quarter" => PeriodUnit.Quarter,
        "year" => PeriodUnit.Year,
        _ => PeriodUnit.Month,
    };

    /// <exception cref="DyadException">BadUsage: what <see cref="Problem"/> says.</exception>
    public RivalryRequest ToRequest() =>
        Problem(part => part) is { } problem
            ? throw DyadException.BadUsage(problem)
            : new RivalryRequest(A, B, Periods.From(From), Periods.To(To), Countries, Unit);

    /// <summary>The <c>dyad report</c> command that computes these figures again, with every option that changes them.</summary>
    /// <param name="db">The store, when it is not the default one.</param>
    public string ReportCommandLine(string? db, string? output)
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
        Option("--by", By is null or "month" ? null : By);
        Option("--country", Country);
        Option("--db", db);
        Option("--out", output);
        return string.Join(' ', parts);
    }

    private static string Quote(string text) => text.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '&' or ';') ? $"\"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : text;
}
