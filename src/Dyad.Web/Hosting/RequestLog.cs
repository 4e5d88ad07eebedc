using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dyad.Web.Hosting;

/// <summary>
/// One line a request: its method, path (never its query, which may hold names an analyst searched for), status, time and
/// who asked. Written at Information, so that it shows with <c>dyad serve --verbose</c> and not otherwise.
/// </summary>
internal static partial class RequestLog
{
    public const string Category = "Dyad.Web.Requests";

    /// <param name="logger">The <see cref="Category"/> logger, made once when the server starts.</param>
    public static async Task Write(ILogger logger, HttpContext context, RequestDelegate next)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Served(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {Status} in {Milliseconds:0.0} ms ({User})")]
    private static partial void Served(ILogger logger, string method, string path, int status, double milliseconds, string user);
}
