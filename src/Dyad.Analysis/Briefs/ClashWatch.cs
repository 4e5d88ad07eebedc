using Dyad.Analysis.Forecasting;

namespace Dyad.Analysis.Briefs;

/// <summary>The clash forecast a brief shows under "What to watch next", the command that backtests it, or why there is none.</summary>
public sealed record ClashWatch(ForecastResult? Forecast, string Backtest, string? Reason = null)
{
    /// <summary>Whether any unit's chance reaches <see cref="ForecastResult.Noticeable"/> in a month forecast.</summary>
    public bool Worth => Forecast?.AnyNoticeable == true;
}
