using System.Globalization;
using Dyad.App;
using Dyad.App.Incidents;
using Dyad.App.Records;
using Dyad.App.Views;
using Dyad.Claims;
using Dyad.Store;
using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>A claim statement to record, as <c>dyad claims add</c> takes it.</summary>
/// <param name="Corrections">Fields the parser read wrong, as FIELD=VALUE (killed=4, place=Chapa Dara).</param>
public sealed record ClaimInput(string Text, string Source, DateOnly? Date, string? Original, string? Language, IReadOnlyList<string>? Corrections, bool? DryRun);

/// <summary>Corrections to a stored claim, as <c>dyad claims set</c> takes them.</summary>
public sealed record ClaimCorrections(IReadOnlyList<string> Corrections);

/// <summary>An analyst's decision about links: <c>same</c> (confirm) or not (split), about events by id or DATASET:ID.</summary>
public sealed record LinkDecisionInput(IReadOnlyList<string> Events, bool Same, string? Note);

/// <summary>An incident and the reports of it.</summary>
public sealed record IncidentView(long Id, IReadOnlyList<string> Datasets, IReadOnlyList<EventView> Events, IReadOnlyList<Dyad.Incidents.IncidentLink> Links);

/// <summary>The analysts' own records — sources, claims — the incidents, and the record of every change to them.</summary>
internal static class RecordEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/sources").WithTags("Sources");
        sources.MapGet("", async (HttpContext context, StorePool pool) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var disclosure = Disclosure.For(lease.Store, Roles.SeesProtected(context.User));
            return TypedResults.Ok(lease.Store.Sources().Where(disclosure.Shows).Select(s => SourceView.Of(s, disclosure.SeesProtected)).ToList());
        }).WithSummary("The sources the reader may see (a viewer: the public ones), with their citation.");
        sources.MapGet("/{code}", async (string code, HttpContext context, StorePool pool) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var disclosure = Disclosure.For(lease.Store, Roles.SeesProtected(context.User));
            return lease.Store.FindSource(code) is { } source && disclosure.Shows(source)
                ? Results.Ok(new { Source = SourceView.Of(source, disclosure.SeesProtected), Changes = lease.Store.Changes("source", source.Code) })
                : NotFound($"No source {code} in the store.");
        }).WithSummary("One source, with the record of its changes.");
        sources.MapPost("", async (SourceInput input, HttpContext context, StorePool pool) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var source = lease.Store.AddSource(input.ToSource(), Roles.NameOf(context.User));
            return TypedResults.Created($"/api/sources/{Uri.EscapeDataString(source.Code)}", SourceView.Of(source, showProtected: true));
        }).RequireAuthorization(Roles.Write).WithSummary("Adds a source (analysts).");

        var claims = api.MapGroup("/claims").WithTags("Claims");
        claims.MapGet("", async (HttpContext context, StorePool pool) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var disclosure = Disclosure.For(lease.Store, Roles.SeesProtected(context.User));
            var byId = lease.Store.Sources().ToDictionary(s => s.Id);
            return TypedResults.Ok(lease.Store.Claims().Where(disclosure.Shows).Select(c => ClaimView.Claim(c, byId[c.SourceId], disclosure.SeesProtected)).ToList());
        }).WithSummary("The claims the reader may see (a viewer: those of public sources).");
        claims.MapGet("/{id:int}", async (int id, HttpContext context, StorePool pool, Registries registries) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var disclosure = Disclosure.For(lease.Store, Roles.SeesProtected(context.User));
            if (lease.Store.FindClaim(id) is not { } claim || !disclosure.Shows(claim))
            {
                return NotFound($"No claim {id} in the store.");
            }

            var source = lease.Store.FindSource(claim.SourceId.ToString(CultureInfo.InvariantCulture))!;
            var evidence = ClaimEvidenceSearch.For(lease.Store, lease.Store, new ClaimMatcher(registries.Actors), claim);
            context.Response.Headers.ETag = ClaimRecording.Version(claim);
            return Results.Ok(ClaimView.Of(new ClaimRecording.Recorded(evidence, []), source, disclosure.SeesProtected));
        }).WithSummary("One claim, the events it may be about, and the other statements about them; its ETag is the version a correction is made against.");
        claims.MapPost("", async (ClaimInput input, HttpContext context, StorePool pool, Registries registries) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var source = lease.Store.FindSource(input.Source) ?? throw new DyadException(DyadErrorKind.NotFound, $"No source '{input.Source}' in the store: add it first.");
            if (string.IsNullOrWhiteSpace(input.Text))
            {
                throw DyadException.BadUsage("text: the statement is needed.");
            }

            var recorded = ClaimRecording.Record(lease.Store, registries, source, input.Text, input.Date, input.Corrections ?? [], Roles.NameOf(context.User),
                input.DryRun ?? false, input.Original, input.Language);
            return TypedResults.Created($"/api/claims/{recorded.Evidence.Claim.Id}", ClaimView.Of(recorded, source, showProtected: true));
        }).RequireAuthorization(Roles.Write).WithSummary("Records a claim: parsed, corrected, stored with its source and set against the events (analysts).");
        claims.MapPatch("/{id:int}", async (int id, ClaimCorrections body, HttpContext context, StorePool pool, Registries registries) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var read = ClaimRecording.Find(lease.Store, id);
            // The analyst corrects the version they read: a claim changed since is refused, never overwritten.
            if (context.Request.Headers.IfMatch.ToString() is not { Length: > 0 } ifMatch)
            {
                return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match needed",
                    detail: "Send the ETag of the claim as you read it (GET /api/claims/{id}) in If-Match, so that a correction never overwrites another analyst's.");
            }

            if (ifMatch != ClaimRecording.Version(read))
            {
                return Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed since read",
                    detail: $"Claim {id} changed since you read it; read it again and correct that version.");
            }

            var (claim, source) = ClaimRecording.Correct(lease.Store, registries, read, body.Corrections, Roles.NameOf(context.User));
            context.Response.Headers.ETag = ClaimRecording.Version(claim);
            return Results.Ok(ClaimView.Claim(claim, source, showProtected: true));
        }).RequireAuthorization(Roles.Write).WithSummary("Corrects a claim's fields, against the version read (If-Match); the old values are kept in the record of changes (analysts).");

        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("", async (HttpContext context, StorePool pool, string? from, string? to, string? country, int? limit, [FromQuery(Name = "event_id")] long? eventId) =>
        {
            if (Periods.Problem("from", from, "to", to) is { } problem)
            {
                throw DyadException.BadUsage(problem);
            }

            using var lease = await pool.Rent(context.RequestAborted);
            var disclosure = Disclosure.For(lease.Store, Roles.SeesProtected(context.User));
            var found = lease.Store.Incidents(new IncidentFilter(Periods.From(from), Periods.To(to), country, Math.Clamp(limit ?? 100, 1, 1000), eventId));
            return TypedResults.Ok(found.Select(i => new IncidentView(i.Id, i.Datasets, [.. i.Events.Select(e => EventView.From(disclosure.Apply(e)))], i.Links)).ToList());
        }).WithSummary("Incidents reported more than once, with their reports and the links that joined them.");

        incidents.MapPost("/decisions", async (LinkDecisionInput decision, HttpContext context, StorePool pool, Registries registries) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            var disclosure = Disclosure.For(lease.Store, Roles.SeesProtected(context.User));
            var (count, changed) = LinkDecisions.Decide(lease.Store, registries.Actors, decision.Events, decision.Same, Roles.NameOf(context.User), decision.Note);
            return TypedResults.Ok(new { Decisions = count, Incidents = changed.Select(i => new IncidentView(i.Id, i.Datasets, [.. i.Events.Select(e => EventView.From(disclosure.Apply(e)))], i.Links)) });
        }).RequireAuthorization(Roles.Write).WithSummary("Settles links (analysts): same incident or different ones, as 'dyad incidents confirm' and 'split' do; kept with who and when, and the incidents linked again.");

        api.MapGet("/audit", async (HttpContext context, StorePool pool, string? type, string? id) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            return TypedResults.Ok(lease.Store.Changes(type, id));
        }).RequireAuthorization(Roles.Manage).WithTags("Audit")
            .WithSummary("Every change to an analyst's record, a user or a token, and every import made through the server: who, when, what, before and after (admins).");
    }

    private static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
