namespace Dyad.Analysis.Forecasting;

/// <summary>The chance of at least one event of the kind in a unit in a month.</summary>
public sealed record MonthChance(DateOnly Month, double Probability);

/// <summary>A unit's chances for the coming months, and what it saw in the last twelve.</summary>
public sealed record UnitForecast(ForecastUnit Unit, IReadOnlyList<MonthChance> Months, int EventsLast12Months);

/// <summary>
/// The coming months' chances for every unit, from a model trained on every month up to <see cref="DataTo"/>, busiest
/// first; <see cref="Expected"/>: how many units each month is expected to see an event in (the sum of the chances);
/// <see cref="LastEventMonth"/>: the last month with an event of the kind (null: none with a known unit);
/// <see cref="Stale"/>: the countries whose sources end before the data do, each in a reader's sentence.
/// </summary>
public sealed record ForecastResult(DateOnly DataFrom, DateOnly DataTo, int TrainingMonths, IReadOnlyList<UnitForecast> Units, IReadOnlyList<MonthChance> Expected,
    DateOnly? LastEventMonth)
{
    /// <summary>
    /// "No source in the store covers Afghanistan after 19 December 2022 …": its months since count as months without
    /// events, so its chances rest on old data. Empty where every country's sources run to the data's end.
    /// </summary>
    public IReadOnlyList<string> Stale { get; init; } = [];

    /// <summary>The smallest chance worth a map or a table row: below it, the forecast is that nothing is expected.</summary>
    public const double Noticeable = 0.01;

    /// <summary>Whether any unit's chance reaches <see cref="Noticeable"/> in a month forecast.</summary>
    public bool AnyNoticeable => Units.Any(u => u.Months.Any(m => m.Probability >= Noticeable));
}

/// <summary>The model's and the baselines' scores on one set of unit-months.</summary>
public sealed record ForecastScoreSet(string Name, BinaryScores Model, BinaryScores Persistence, BinaryScores UnitRate);

/// <summary>One unit-month of a backtest: what was forecast for it and what happened.</summary>
public sealed record ForecastCase(string Unit, DateOnly Month, double Model, double Persistence, double UnitRate, bool Happened);

/// <summary>
/// A walk-forward backtest: every month from <see cref="From"/> to <see cref="To"/> forecast by a model trained on the
/// months before it only, beside two baselines learnt from the same months — persistence (the chance of an event given
/// whether there was one last month) and the unit's own rate.
/// </summary>
public sealed record ForecastBacktest(DateOnly From, DateOnly To, int Units, int UnitMonths, double Seconds, IReadOnlyList<ForecastScoreSet> Subsets)
{
    /// <summary>Every unit-month tested (for tests; not in the JSON).</summary>
    internal IReadOnlyList<ForecastCase> Cases { get; init; } = [];
}
