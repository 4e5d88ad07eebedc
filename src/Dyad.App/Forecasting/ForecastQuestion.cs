namespace Dyad.App.Forecasting;

/// <summary>
/// A forecast as a user asks for it, in words (the options of <c>dyad forecast</c>, the query of <c>/api/forecast</c>):
/// checked in one place, then turned into a <see cref="ForecastRequest"/>.
/// </summary>
/// <param name="Since">A year, month or day: history from its first day.</param>
/// <param name="Until">A year, month or day: only events before its first day (the forecast as it would have been made then).</param>
public sealed record ForecastQuestion(string? What = null, string? Actor = null, string? Against = null, string? Country = null, string? Since = null, string? Until = null)
{
    public ForecastKind? Kind => (What ?? "events") switch
    {
        "events" => ForecastKind.Events,
        "clash" => ForecastKind.Clash,
        "mass-casualty" => ForecastKind.MassCasualty,
        _ => null,
    };

    /// <summary>What is wrong with the question, naming each option as <paramref name="name"/> spells it; null when nothing is.</summary>
    public string? Problem(Func<string, string> name) =>
        Kind is null ? $"{name("what")} must be events, clash or mass-casualty."
        : Periods.Problem(name("since"), Since, name("until"), Until);

    /// <exception cref="DyadException">BadUsage: what <see cref="Problem"/> finds.</exception>
    public ForecastRequest ToRequest() =>
        Problem(part => part) is { } problem
            ? throw DyadException.BadUsage(problem)
            : new ForecastRequest(Kind!.Value, Actor, Against, Country, Periods.From(Since), Periods.From(Until));
}
