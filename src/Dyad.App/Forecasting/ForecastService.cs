using System.Globalization;
using Dyad.Analysis.Forecasting;
using Dyad.Events;
using Dyad.Store;

namespace Dyad.App.Forecasting;

/// <summary>
/// The monthly forecast over one store: reads the events in scope, places each in its district (its province where no
/// district is known), marks those of the kind asked for, and forecasts or backtests.
/// </summary>
public sealed class ForecastService(Registries registries, ForecastSettings? settings = null)
{
    private readonly Forecaster _forecaster = new(settings ?? new ForecastSettings());

    /// <exception cref="DyadException">BadUsage: an actor the registry does not know, or a clash without two sides. BadInput: too little data.</exception>
    public ForecastResult Forecast(IEventStore store, ForecastRequest request, int months)
    {
        var events = InScope(store, request);
        var result = _forecaster.Forecast(SeriesOf(events, request), months);
        var countries = events.Select(e => e.Event.Place.Country).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return result with { Stale = Stale(store.Coverage(), countries, result.DataTo) };
    }

    /// <summary>
    /// The countries whose event files all end more than a month before the data do (another country's file runs on):
    /// a month after a source ends is not a month without events, and a forecast there rests on old data.
    /// </summary>
    private static List<string> Stale(IReadOnlyList<FileCoverage> coverage, IReadOnlySet<string> countries, DateOnly dataTo)
    {
        var eventFiles = coverage.Where(c => !Datasets.IsYearlyTable(c.Dataset) && c.Countries is not null).ToList();
        return [.. countries.Order(StringComparer.Ordinal)
            .Select(country => (Country: country, Last: eventFiles.Where(f => f.Countries!.Contains(country, StringComparer.OrdinalIgnoreCase)).Select(f => (DateOnly?)f.To).Max()))
            .Where(c => c.Last is { } last && last < dataTo.AddMonths(-1))
            .Select(c => string.Create(CultureInfo.InvariantCulture,
                $"No source in the store covers {c.Country} after {c.Last:d MMMM yyyy}: its months since count as months without events, so its chances rest on data that old."))];
    }

    /// <exception cref="DyadException">BadUsage, as <see cref="Forecast"/>; BadInput: the months asked for cannot be tested.</exception>
    public ForecastBacktest Backtest(IEventStore store, ForecastRequest request, DateOnly from, DateOnly? to, CancellationToken cancellationToken = default) =>
        _forecaster.Backtest(Series(store, request), from, to, cancellationToken);

    /// <summary>Every unit's monthly counts of the kind and of all events in the request's scope.</summary>
    public ForecastSeries Series(IEventStore store, ForecastRequest request) => SeriesOf(InScope(store, request), request);

    /// <summary>The events a forecast counts: those of its period and country, with a month (and of the actors' countries).</summary>
    private List<StoredEvent> InScope(IEventStore store, ForecastRequest request)
    {
        // Events known only to the year have no month (UCDP's yearly tables, reduced extracts): a monthly series leaves them out.
        var events = store.Events(new EventFilter(Country: request.Country, From: request.Since, IncludeText: false))
            .Where(e => (request.Until is not { } until || e.Event.Date.Start < until) && e.Event.Date.Precision != DatePrecision.Year)
            .ToList();
        if (request.Country is null && ActorsOf(request) is { } actors)
        {
            // The candidates are the units of the countries where the actors asked about have events: a forecast of
            // IS-K against the Taliban ranks Afghan and Pakistani districts, not every place any file in the store holds.
            var countries = events.Where(e => e.Actor1Ids.Any(actors.Contains) || e.Actor2Ids.Any(actors.Contains))
                .Select(e => e.Event.Place.Country).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            events = [.. events.Where(e => e.Event.Place.Country is not { } country || countries.Contains(country))];
        }

        return events;
    }

    private ForecastSeries SeriesOf(List<StoredEvent> events, ForecastRequest request)
    {
        var ofKind = KindTest(request);
        var places = new UnitPlaces(registries.Gazetteer, events);
        var placed = events.Select(e => (Event: e, Unit: places.UnitOf(e))).ToList();
        var centres = placed.Where(p => p.Unit is not null && p.Event.Event.Place is { Latitude: not null, Longitude: not null })
            .GroupBy(p => p.Unit!.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Average(p => p.Event.Event.Place.Latitude!.Value), g.Average(p => p.Event.Event.Place.Longitude!.Value)), StringComparer.Ordinal);
        return ForecastSeries.Of(
            [.. placed.Select(p => new UnitEvent(p.Event.Event.Date.Start, p.Unit is { } unit ? unit with { Centre = centres.TryGetValue(unit.Key, out var c) ? c : null } : null, ofKind(p.Event)))],
            request.Since, request.Until?.AddDays(-1));
    }

    private Func<StoredEvent, bool> KindTest(ForecastRequest request)
    {
        var actor = request.Actor is { } a ? Members(a) : null;
        var against = request.Against is { } b ? Members(b) : null;
        bool Involves(StoredEvent e, HashSet<string> side) => e.Actor1Ids.Any(side.Contains) || e.Actor2Ids.Any(side.Contains);
        return request.What switch
        {
            ForecastKind.Clash when actor is null || against is null =>
                throw DyadException.BadUsage("a clash is between two sides: name them with --actor and --against (--actor IS-K --against Taliban)."),
            ForecastKind.Clash => e => (e.Actor1Ids.Any(actor.Contains) && e.Actor2Ids.Any(against.Contains)) || (e.Actor1Ids.Any(against.Contains) && e.Actor2Ids.Any(actor.Contains)),
            ForecastKind.MassCasualty => e => e.Event.Deaths.Best >= ForecastRequest.MassCasualtyDeaths && (actor is null || Involves(e, actor)),
            _ when against is not null => throw DyadException.BadUsage("--against names the other side of a clash: use it with --what clash."),
            _ => e => actor is null || Involves(e, actor),
        };
    }

    /// <summary>Every actor id the question names (both sides of a clash, with their members); null when it names none.</summary>
    private HashSet<string>? ActorsOf(ForecastRequest request) =>
        request.Actor is null && request.Against is null ? null
            : [.. new[] { request.Actor, request.Against }.OfType<string>().SelectMany(Members)];

    private HashSet<string> Members(string name) => registries.Actors.WithMembers(registries.Actors.Require(name).Id).ToHashSet(StringComparer.Ordinal);
}
