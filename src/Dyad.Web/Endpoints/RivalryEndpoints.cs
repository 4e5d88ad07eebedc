using System.ComponentModel;
using Dyad.Analysis.Rivalry;
using Dyad.App.Briefs;
using Dyad.App.Rivalry;
using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>The two sides and the slice of time and place, as query parameters (those of <c>dyad rivalry</c>).</summary>
public sealed record RivalryParameters
{
    [Description("One side: any name or id the registry resolves (IS-K, ISKP, داعش …).")]
    public required string A { get; init; }

    [Description("The other side (taliban …).")]
    public required string B { get; init; }

    [Description("A year, month or day: 2021, 2021-08 or 2021-08-15.")]
    public string? From { get; init; }

    public string? To { get; init; }

    [Description("Countries, comma-separated.")]
    public string? Country { get; init; }

    [Description("month (default), quarter or year.")]
    public string? By { get; init; }

    public RivalryQuestion Question => new(A, B, From, To, Country, By);
}

/// <summary>The rivalry between two sides: its measures, and its brief as HTML or PDF.</summary>
internal static class RivalryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var rivalry = api.MapGroup("/rivalry").WithTags("Rivalry");
        rivalry.MapGet("", async ([AsParameters] RivalryParameters query, HttpContext context, StorePool pool, RivalryService service, QueryCache cache) =>
            TypedResults.Ok(await cache.Answer(context.Request, Roles.SeesProtected(context.User), async () =>
            {
                using var lease = await pool.Rent(CancellationToken.None);
                return service.Compute(lease.Store, query.Question.ToRequest()).Result;
            }))).Produces<RivalryResult>().WithSummary("The rivalry's measures: clashes over time and by province, what each side did and the part it played, the incidents left open between groups, territory, leadership losses and what followed (fields: docs/rivalry-json.md).");
        rivalry.MapGet("/brief.{format}", Brief).DisableRequestTimeout()
            .WithSummary("The rivalry's brief, as in 'dyad report': findings as sentences, charts, the map, and a footnote for every file used (html or pdf), or its figures as data (json: docs/rivalry-json.md).");
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> Brief(string format, [AsParameters] RivalryParameters query, HttpContext context, StorePool pool,
        RivalryService service, TimeProvider clock)
    {
        if (format is not ("html" or "pdf" or "json"))
        {
            return TypedResults.NotFound();
        }

        var folder = Directory.CreateTempSubdirectory("dyad-brief-");
        context.Response.RegisterForDispose(new TemporaryFolder(folder));
        var file = Path.Combine(folder.FullName, $"brief.{format}");
        using (var lease = await pool.Rent(context.RequestAborted))
        {
            new BriefWriter(service, clock).Write(lease.Store, query.Question.ToRequest(), file, query.Question.ReportCommandLine(null, $"brief.{format}"));
        }

        // The brief carries its own styles and its charts as data: it may use those, and nothing else.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'";
        return TypedResults.PhysicalFile(file, format switch { "pdf" => "application/pdf", "json" => "application/json; charset=utf-8", _ => "text/html; charset=utf-8" },
            format == "pdf" ? $"{query.A}-{query.B}-brief.pdf" : null);
    }

    /// <summary>Removes a folder when the response that used it is done.</summary>
    private sealed class TemporaryFolder(DirectoryInfo folder) : IDisposable
    {
        public void Dispose() => folder.Delete(recursive: true);
    }
}
