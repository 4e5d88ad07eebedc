using System.ComponentModel;
using Dyad.Analysis.Forecasting;
using Dyad.App;
using Dyad.App.Forecasting;
using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>What to forecast, as query parameters (the options of <c>dyad forecast</c>).</summary>
public sealed record ForecastParameters
{
    [Description("events (default), clash or mass-casualty.")]
    public string? What { get; init; }

    [Description("Whose events: any name or id the registry resolves.")]
    public string? Actor { get; init; }

    [Description("With what=clash: the other side.")]
    public string? Against { get; init; }

    [Description("Only events in this country.")]
    public string? Country { get; init; }

    [Description("History from this year, month or day.")]
    public string? Since { get; init; }

    [Description("Only events before this year, month or day.")]
    public string? Until { get; init; }

    [Description("Months ahead, 1 to 3 (default 3).")]
    public int? For { get; init; }

    [Description("With /backtest: the first month tested.")]
    public string? From { get; init; }

    [Description("With /backtest: the last month tested (default: the data's last).")]
    public string? To { get; init; }

    public ForecastQuestion Question => new(What, Actor, Against, Country, Since, Until);
}

/// <summary>The monthly forecast per district, and its walk-forward backtest.</summary>
internal static class ForecastEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var forecast = api.MapGroup("/forecast").WithTags("Forecast");
        forecast.MapGet("", async ([AsParameters] ForecastParameters query, HttpContext context, StorePool pool, Registries registries, QueryCache cache) =>
            TypedResults.Ok(await cache.Answer(context.Request, Roles.SeesProtected(context.User), async () =>
            {
                var request = query.Question.ToRequest();
                var months = query.For ?? 3;
                if (months is < 1 or > 3)
                {
                    throw DyadException.BadUsage("for is 1, 2 or 3 months.");
                }

                using var lease = await pool.Rent(CancellationToken.None);
                return new ForecastService(registries).Forecast(lease.Store, request, months);
            }))).Produces<ForecastResult>()
            .WithSummary("For every district and the coming one to three months, the chance of at least one event of the kind (as 'dyad forecast').");
        forecast.MapGet("/backtest", async ([AsParameters] ForecastParameters query, HttpContext context, StorePool pool, Registries registries, QueryCache cache) =>
            TypedResults.Ok(await cache.Answer(context.Request, Roles.SeesProtected(context.User), async () =>
            {
                var request = query.Question.ToRequest();
                var from = query.From is null ? throw DyadException.BadUsage("from is needed: the first month to test.")
                    : Periods.Problem("from", query.From, "to", query.To) is { } problem ? throw DyadException.BadUsage(problem)
                    : Periods.From(query.From)!.Value;
                using var lease = await pool.Rent(CancellationToken.None);
                return new ForecastService(registries).Backtest(lease.Store, request, from, Periods.To(query.To));
            }))).Produces<ForecastBacktest>()
            .WithSummary("The forecast walked forward month by month from 'from', beside persistence and each district's own rate (as 'dyad forecast --backtest').");
    }
}
