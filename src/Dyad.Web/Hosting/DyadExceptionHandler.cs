using Dyad.Store;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dyad.Web.Hosting;

/// <summary>
/// Turns Dyad's errors into RFC 7807 problem details with the status that says what went wrong (the CLI's exit codes,
/// as HTTP): bad input or usage 400, not found 404, conflict 409, a server that cannot be reached 503. A file's row
/// and column go with the problem. Anything else is a bug: 500, with no detail given away.
/// </summary>
internal sealed class DyadExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = (exception as DyadException ?? StoreErrors.AsDyad(exception, "the store")) is { } dyad
            ? Problem(dyad)
            : exception is BadHttpRequestException bad
                ? new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = "Bad request",
                    // The JSON reader's own words say where the body went wrong (path, line, position).
                    Detail = bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message,
                }
                : null;
        if (problem is null)
        {
            return false;
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Problem(DyadException e)
    {
        var (status, title) = e.Kind switch
        {
            DyadErrorKind.BadInput => (StatusCodes.Status400BadRequest, "Bad input"),
            DyadErrorKind.BadUsage => (StatusCodes.Status400BadRequest, "Bad request"),
            DyadErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            DyadErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            _ => (StatusCodes.Status503ServiceUnavailable, "Unavailable"),
        };
        var problem = new ProblemDetails { Status = status, Title = title, Detail = e.Message };
        if (e.Row is { } row)
        {
            problem.Extensions["row"] = row;
        }

        if (e.Column is { } column)
        {
            problem.Extensions["column"] = column;
        }

        return problem;
    }
}
