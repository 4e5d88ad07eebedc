using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Dyad.Web.Imports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web.Endpoints;

/// <summary>Imports by upload, in the background with progress; and the store's imports so far.</summary>
internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapGet("", async (HttpContext context, StorePool pool) =>
        {
            using var lease = await pool.Rent(context.RequestAborted);
            return TypedResults.Ok(lease.Store.Imports());
        }).WithSummary("Every file imported into the store, with its dataset, release and reconciled counts.");

        imports.MapPost("", Upload).RequireAuthorization(Roles.Write).DisableAntiforgery().DisableRequestTimeout()
            .WithMetadata(new RequestSizeLimitAttribute(long.MaxValue))
            .WithSummary("Uploads a file (multipart, field 'file': GTD, ACLED or UCDP in any format 'dyad import' reads, or a case file) and imports it in the background (analysts).");
        imports.MapGet("/jobs", (ImportJobs jobs) => TypedResults.Ok(jobs.All())).WithSummary("The uploads this server has imported or is importing, latest first.");
        imports.MapGet("/jobs/{id}", Results<Ok<ImportJob>, NotFound> (string id, ImportJobs jobs) =>
            jobs.Find(id) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound()).WithSummary("How far an upload's import is, and its counts when done.");
    }

    private static async Task<Results<Accepted<ImportJob>, ProblemHttpResult>> Upload(HttpContext context, ImportJobs jobs, ServerOptions options)
    {
        // The limit for uploads is the server's upload limit, not the small one of every other request; a body that
        // says it is larger is refused before it is read, and one that turns out larger is cut off when it passes it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxUploadBytes;
        }

        if (context.Request.ContentLength > options.MaxUploadBytes)
        {
            return TooLarge(options);
        }

        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "Send the file as multipart/form-data in a field named 'file'.");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge(options);
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } upload)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "Send the file in a field named 'file' (multipart/form-data); it was missing or empty.");
        }

        // The uploader's name for the file is kept only as a name: never a path, never hidden, never outside its own folder.
        var name = UploadName(upload.FileName);
        var folder = Directory.CreateDirectory(Path.Combine(jobs.UploadFolder, Guid.NewGuid().ToString("n")));
        var path = Path.Combine(folder.FullName, name);
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await upload.CopyToAsync(target, context.RequestAborted);
        }

        var job = jobs.Enqueue(path, Roles.NameOf(context.User));
        return TypedResults.Accepted($"/api/imports/jobs/{job.Id}", job);
    }

    private static ProblemHttpResult TooLarge(ServerOptions options) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
        detail: $"An upload may be at most {options.MaxUploadBytes / (1024 * 1024):N0} MB ('dyad serve --max-upload-mb' sets it); import larger files with 'dyad import'.");

    /// <summary>A file name safe to save in the upload's folder: the last part of whatever path was sent, with no character a path gives meaning to.</summary>
    public static string UploadName(string? sent)
    {
        var last = (sent ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string([.. last.Select(c => char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c)])
            .TrimStart('.').Trim();
        return clean.Length == 0 ? "upload" : clean.Length > 120 ? clean[^120..] : clean;
    }
}
