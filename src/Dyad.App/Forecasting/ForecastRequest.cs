namespace Dyad.App.Forecasting;

/// <summary>What a forecast is of.</summary>
public enum ForecastKind
{
    /// <summary>Any event of the actor (on either side), or any event at all when no actor is named.</summary>
    Events,

    /// <summary>An event with the actor on one side and the other actor on the other.</summary>
    Clash,

    /// <summary>An event (of the actor, when one is named) that killed at least <see cref="ForecastRequest.MassCasualtyDeaths"/> people (best estimate).</summary>
    MassCasualty,
}

/// <summary>A forecast's question: the kind of event, whose, where, and from which months the store's history is read.</summary>
/// <param name="Since">The first month of history (default: the first event's).</param>
/// <param name="Until">Only events before this day: the forecast as it would have been made then (default: all).</param>
public sealed record ForecastRequest(ForecastKind What = ForecastKind.Events, string? Actor = null, string? Against = null, string? Country = null,
    DateOnly? Since = null, DateOnly? Until = null)
{
    public const int MassCasualtyDeaths = 10;
}
