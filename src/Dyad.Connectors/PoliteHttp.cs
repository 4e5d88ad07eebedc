using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Dyad.Connectors;

/// <summary>
/// An HttpClient that retries what a server says to retry — 429 and 5xx, waiting as Retry-After asks, else backing off
/// exponentially with jitter — a few times, with a timeout per attempt (Microsoft.Extensions.Http.Resilience).
/// </summary>
public static class PoliteHttp
{
    public static HttpClient Create(TimeSpan firstDelay, int retries = 5)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay,
                ShouldRetryAfterHeader = true,
            })
            .AddTimeout(TimeSpan.FromSeconds(100))
            .Build();
        return new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler() })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Sends <paramref name="message"/>; a service that cannot be reached at all is Dyad's Unavailable, naming it.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage message, string service, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DyadException(DyadErrorKind.Unavailable, $"{service} ({message.RequestUri?.Host}): cannot be reached ({e.Message}); the pages fetched so far are kept.", e);
        }
    }

    /// <summary>Whether a refusal is the account's (a token missing, wrong or without access), which no retry mends.</summary>
    public static bool IsRefusal(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
