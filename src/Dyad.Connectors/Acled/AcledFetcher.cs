using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Dyad.Connectors.Acled;

/// <summary>
/// Fetches a country's ACLED events from ACLED's API (https://acleddata.com/api-documentation/) with the user's own
/// account: OAuth password grant, the 24-hour access token refreshed with the 14-day refresh token. Without a start
/// day, a fetch asks for what changed since the last completed fetch of that country, and for the events ACLED has
/// deleted since, which the import withdraws. Pages are kept as they arrive, so that an interrupted fetch, run again,
/// goes on from the first page it lacks; <see cref="Completed"/> moves the country's mark only once the events are in.
/// </summary>
public sealed class AcledFetcher(HttpClient http, Uri site, AcledCredentials credentials, string cacheFolder, TimeProvider? clock = null)
{
    public static readonly Uri PublicSite = new("https://acleddata.com/");

    /// <summary>The largest page ACLED serves.</summary>
    public const int PageSize = 5000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private string Mark(string country) => Path.Combine(cacheFolder, $"acled-{Slug(country)}-last-fetch.txt");

    public async Task<AcledFetchReport> FetchAsync(AcledFetchRequest request, CancellationToken cancellationToken = default)
    {
        var tokens = new AcledTokens(http, site, credentials, Path.Combine(cacheFolder, "acled-token.json"), _clock);
        var last = request.Since is null && File.Exists(Mark(request.Country))
            ? long.Parse(await File.ReadAllTextAsync(Mark(request.Country), cancellationToken), CultureInfo.InvariantCulture)
            : (long?)null;
        var started = _clock.GetUtcNow();
        var filter = $"country={Uri.EscapeDataString(request.Country)}"
            + (request.Since is { } since ? $"&event_date={since:yyyy-MM-dd}&event_date_where=%3E%3D" : "")
            + (last is { } after ? $"&timestamp={after}&timestamp_where=%3E%3D" : "");
        // The pages of one request are kept under its own name, so that running the same fetch again resumes it.
        var folder = Path.Combine(cacheFolder, $"acled-{Slug(request.Country)}-{(request.Since is { } day ? $"{day:yyyy-MM-dd}" : last is { } t ? $"after-{t}" : "all")}");
        var (events, fetched, kept) = await Pages(tokens, "api/acled/read", filter, folder, cancellationToken);
        var deleted = new List<string>();
        if (last is { } deletedAfter)
        {
            var (pages, _, _) = await Pages(tokens, "api/deleted/read", $"deleted_timestamp={deletedAfter}&deleted_timestamp_where=%3E%3D", folder + "-deleted", cancellationToken);
            foreach (var page in pages)
            {
                using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(page, cancellationToken));
                deleted.AddRange(document.RootElement.GetProperty("data").EnumerateArray()
                    .Select(d => d.TryGetProperty("event_id_cnty", out var id) ? id.GetString() : null).OfType<string>());
            }
        }

        var csv = Path.Combine(cacheFolder, $"acled-{Slug(request.Country)}.csv");
        var count = FetchedPages.ToCsv(events, "data", csv, ["event_id_cnty", "event_date", "actor1"]);
        return new AcledFetchReport(csv, request.Country, events.Count, fetched, kept, count, deleted, started);
    }

    /// <summary>Records that the fetch's events are in the store: the next fetch of the country asks for what changed after it began.</summary>
    public void Completed(AcledFetchReport report)
    {
        File.WriteAllText(Mark(report.Country), report.StartedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    private async Task<(List<string> Files, int Fetched, int Kept)> Pages(AcledTokens tokens, string path, string filter, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        int fetched = 0, kept = 0;
        for (var page = 1; ; page++)
        {
            var file = Path.Combine(folder, $"page-{page:D5}.json");
            if (File.Exists(file))
            {
                kept++;
            }
            else
            {
                await FetchedPages.Save(await Get(tokens, $"{path}?_format=json&{filter}&limit={PageSize}&page={page}", cancellationToken), file, cancellationToken);
                fetched++;
            }

            files.Add(file);
            using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file, cancellationToken));
            if (document.RootElement.GetProperty("data").GetArrayLength() < PageSize)
            {
                return (files, fetched, kept);
            }
        }
    }

    private async Task<byte[]> Get(AcledTokens tokens, string query, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(site, query));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.AccessToken(cancellationToken));
        using (var response = await PoliteHttp.SendAsync(http, message, "ACLED", cancellationToken))
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (PoliteHttp.IsRefusal(response.StatusCode))
            {
                throw new DyadException(DyadErrorKind.Unavailable,
                    $"ACLED refused the data ({(int)response.StatusCode}): this account's access tier does not include it{Message(body)}. Nothing was imported.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DyadException(DyadErrorKind.Unavailable,
                    $"ACLED: {query.Split('?')[0]} failed with {(int)response.StatusCode} {response.ReasonPhrase} after retries; the pages fetched so far are kept, and the same command goes on from there.");
            }

            if (Refused(body))
            {
                throw new DyadException(DyadErrorKind.Unavailable, $"ACLED refused the data: this account's access tier does not include it{Message(body)}. Nothing was imported.");
            }

            if (FetchedPages.IsPage(body, "data"))
            {
                return body;
            }

            throw new DyadException(DyadErrorKind.Unavailable, $"ACLED: {query.Split('?')[0]} answered with something that is not the API's JSON (no data); nothing of it was kept.");
        }
    }

    /// <summary>Whether ACLED answered 200 but said <c>"success": false</c>, as it does for data an account may not see.</summary>
    private static bool Refused(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>ACLED's own words for a refusal, when it gives them.</summary>
    private static string Message(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in new[] { "message", "error" })
            {
                if (document.RootElement.TryGetProperty(name, out var value))
                {
                    return $" (ACLED says: {(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())})";
                }
            }
        }
        catch (JsonException)
        {
        }

        return "";
    }

    private static string Slug(string text) => string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
}
