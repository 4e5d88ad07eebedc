using Dyad.Analysis.Forecasting;

namespace Dyad.Analysis.Briefs;

/// <summary>The clash forecast a brief shows under "What to watch next", the command that backtests it, or why there is none.</summary>
public sealed record ClashWatch(ForecastResult? Forecast, string Backtest, string? Reason = null)
{
    /// <summary>The smallest chance worth a map or a table row: below it, the forecast is that nothing is expected.</summary>
    public const double Noticeable = 0.01;

    /// <summary>Whether any unit's chance reaches <see cref="Noticeable"/> in a month forecast.</summary>
    public bool Worth => Forecast is { } f && f.Units.Any(u => u.Months.Any(m => m.Probability >= Noticeable));
}
