using System.ComponentModel;
using System.Globalization;
using System.Text;
using Dyad.App;
using Dyad.App.Events;
using Dyad.App.Views;
using Dyad.Store;
using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>The filters of <c>dyad events</c>, as query parameters.</summary>
public sealed record EventQueryParameters
{
    [Description("A registry id or any of an actor's names (IS-K, Taleban, داعش), its members included.")]
    public string? Actor { get; init; }

    [Description("With actor: only events in which this actor is on the other side (the dyad).")]
    public string? Against { get; init; }

    [Description("With actor: also events whose source leaves the actor open between it and another.")]
    [FromQuery(Name = "include_ambiguous")]
    public bool? IncludeAmbiguous { get; init; }

    public string? Country { get; init; }

    [Description("A gazetteer province by any of its names or its id (Nangarhar, Ningarhar, af/nangarhar).")]
    public string? Province { get; init; }

    public string? District { get; init; }

    [Description("A year, month or day: 2021, 2021-08 or 2021-08-15.")]
    public string? From { get; init; }

    public string? To { get; init; }

    public string? Dataset { get; init; }

    public string? Type { get; init; }

    [Description("A release, file name or import id: the events as they stood after that import.")]
    [FromQuery(Name = "as_of")]
    public string? AsOf { get; init; }

    public EventRequest ToRequest(int? limit) => new()
    {
        Actor = Actor,
        Against = Against,
        IncludeAmbiguous = IncludeAmbiguous ?? false,
        Country = Country,
        Province = Province,
        District = District,
        From = From,
        To = To,
        Dataset = Dataset,
        Type = Type,
        AsOf = AsOf,
        Limit = limit,
    };
}

/// <summary>A page of events, and where the next one starts.</summary>
/// <param name="Next">The cursor for the next page (pass it as <c>after</c>); null on the last page.</param>
/// <param name="Total">How many events match, when asked for with <c>count=true</c>.</param>
/// <param name="Notes">What the names in the filters were taken to mean.</param>
public sealed record EventPage(IReadOnlyList<EventView> Events, string? Next, long? Total, IReadOnlyList<string> Notes);

/// <summary>The events: filtered pages, exports, one event's dossier, and counts for the map and timeline.</summary>
internal static class EventEndpoints
{
    public const int DefaultPageSize = 100;

    public static void Map(RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("", Page).WithSummary("A page of the events that match the filters, in date order, with a cursor for the next page.");
        api.MapGet("/events.csv", (HttpContext context, [AsParameters] EventQueryParameters query, StorePool pool, Registries registries) =>
            Export(context, query, pool, registries, "text/csv; charset=utf-8", "events.csv", EventExports.Csv))
            .WithTags("Events").DisableRequestTimeout().WithSummary("Every matching event as CSV (the columns of 'dyad events --format csv').");
        api.MapGet("/events.geojson", (HttpContext context, [AsParameters] EventQueryParameters query, StorePool pool, Registries registries) =>
            Export(context, query, pool, registries, "application/geo+json", "events.geojson", (writer, rows) => EventExports.GeoJson(writer, rows)))
            .WithTags("Events").DisableRequestTimeout().WithSummary("Every matching event with coordinates as a GeoJSON FeatureCollection.");
        events.MapGet("/{id:long}", async (long id, HttpContext context, StorePool pool, Registries registries) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var dossier = EventDossier.For(lease.Store, registries, id, Disclosure.For(lease.Store, Roles.SeesProtected(context.User)));
            return TypedResults.Ok(DossierView.Of(dossier, Roles.SeesProtected(context.User)));
        }).WithSummary("One event: its verbatim source row, versions, incident, and the claims and sources about it.");
        events.MapGet("/counts", Counts).WithSummary("How many matching events (and deaths) each province or district has, and each month: what the map and timeline show.");
    }

    private static async Task<Ok<EventPage>> Page(HttpContext context, [AsParameters] EventQueryParameters query, StorePool pool, Registries registries, ServerOptions options,
        QueryCache cache, [Description("Events per page, 1 to the server's maximum (1000 by default).")] int? limit,
        [Description("The cursor a previous page gave as next.")] string? after, [Description("Also count every matching event (slower on a large store).")] bool? count)
    {
        var size = limit ?? DefaultPageSize;
        if (size < 1 || size > options.MaxPageSize)
        {
            throw DyadException.BadUsage($"limit {size}: ask for 1 to {options.MaxPageSize} events a page, and page with the cursor.");
        }

        var seesProtected = Roles.SeesProtected(context.User);
        // Computed once for all who ask at the same moment: no one request's cancellation may stop it.
        return TypedResults.Ok(await cache.Answer(context.Request, seesProtected, async () =>
        {
            using var lease = await pool.Rent(CancellationToken.None);
            var (filter, notes) = Resolve(lease.Store, registries, query, size + 1);
            filter = filter with { After = after is null ? null : Cursor.Parse(after) };
            var disclosure = Disclosure.For(lease.Store, seesProtected);
            var rows = lease.Store.Events(filter).Select(disclosure.Apply).ToList();
            var next = rows.Count > size ? Cursor.Of(rows[size - 1]) : null;
            var total = count == true ? lease.Store.CountEvents(filter with { After = null, Limit = null }) : (long?)null;
            return new EventPage([.. rows.Take(size).Select(EventView.From)], next, total, notes);
        }));
    }

    private static async Task Export(HttpContext context, EventQueryParameters query, StorePool pool, Registries registries, string contentType, string fileName,
        Action<TextWriter, IEnumerable<StoredEvent>> write)
    {
        using var lease = await pool.Rent(context.RequestAborted);
        var (filter, _) = Resolve(lease.Store, registries, query, null);
        var disclosure = Disclosure.For(lease.Store, Roles.SeesProtected(context.User));
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // The writers stream the store's rows as they come: synchronous writes to the response, in large buffered pieces.
        context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 1 << 16);
        write(writer, lease.Store.Events(filter).Select(disclosure.Apply));
    }

    private static async Task<Ok<EventCounts>> Counts(HttpContext context, [AsParameters] EventQueryParameters query, StorePool pool, Registries registries,
        QueryCache cache, [Description("1 for provinces (default), 2 for districts.")] int? level) =>
        TypedResults.Ok(await cache.Answer(context.Request, Roles.SeesProtected(context.User), async () =>
        {
            using var lease = await pool.Rent(CancellationToken.None);
            var (filter, notes) = Resolve(lease.Store, registries, query, null);
            var places = lease.Store.TallyByPlace(filter, level == 2 ? 2 : 1);
            var months = lease.Store.TallyByMonth(filter);
            return new EventCounts(
                [.. places.OrderByDescending(p => p.Events).Select(p => new KeyedCount(p.Key, registries.Gazetteer.Find(p.Key)?.Name ?? p.Key, p.Events, p.Deaths))],
                [.. months.Select(m => new KeyedCount(m.Key, m.Key, m.Events, m.Deaths))], notes);
        }));

    private static ResolvedEventRequest Resolve(IDyadStore store, Registries registries, EventQueryParameters query, int? limit) =>
        new EventQuery(registries).Resolve(store, query.ToRequest(limit), part => part.Replace('-', '_'));
}

/// <summary>Counts per place and per month.</summary>
public sealed record EventCounts(IReadOnlyList<KeyedCount> Places, IReadOnlyList<KeyedCount> Months, IReadOnlyList<string> Notes);

/// <summary>Events and deaths under one key (a gazetteer unit, a month).</summary>
public sealed record KeyedCount(string Key, string Name, long Events, long Deaths);

/// <summary>A page's cursor: the last event's day and id, as text a client passes back unchanged.</summary>
internal static class Cursor
{
    public static string Of(StoredEvent last) => $"{last.Event.Date.Start:yyyy-MM-dd}.{last.Id}";

    /// <exception cref="DyadException">BadUsage: not a cursor this server gave.</exception>
    public static EventCursor Parse(string text) =>
        text.Split('.') is [var day, var id] && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId)
            ? new EventCursor(date, eventId)
            : throw DyadException.BadUsage($"after {text}: not a cursor; pass the 'next' of the page before unchanged.");
}
