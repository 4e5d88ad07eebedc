using System.Text.Json;

namespace Dyad.Connectors.Ucdp;

/// <summary>
/// Fetches UCDP GED events from the UCDP API (https://ucdp.uu.se/apidocs/): page by page, with the access token the API
/// has required since February 2026 in the <c>x-ucdp-access-token</c> header, within its 5,000 requests a day. Each page
/// is kept as it arrives (written whole, then renamed), so that a fetch interrupted anywhere goes on, when run again,
/// from the first page it lacks. The pages are then written as one CSV in the API's own field names, which Dyad's
/// UCDP GED importer reads like any GED file.
/// </summary>
public sealed class UcdpFetcher(HttpClient http, Uri api, string token, string cacheFolder, TimeProvider? clock = null)
{
    /// <summary>The public API's address.</summary>
    public static readonly Uri PublicApi = new("https://ucdpapi.pcr.uu.se/api/");

    public const int RequestsPerDay = 5000;

    /// <summary>The largest page the API serves.</summary>
    public const int PageSize = 1000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<UcdpFetchReport> FetchAsync(UcdpFetchRequest request, CancellationToken cancellationToken = default)
    {
        var budget = new RequestBudget(cacheFolder, "ucdp", RequestsPerDay, _clock);
        var folder = Path.Combine(cacheFolder, $"ucdp-ged-{request.Version}-{request.Country ?? "all"}");
        Directory.CreateDirectory(folder);
        int? pages = null;
        int fetched = 0, kept = 0;
        var files = new List<string>();
        for (var page = 0; pages is null || page < pages; page++)
        {
            var file = Path.Combine(folder, $"page-{page:D5}.json");
            if (File.Exists(file))
            {
                kept++;
            }
            else
            {
                budget.Take();
                await FetchedPages.Save(await Get(request, page, cancellationToken), file, cancellationToken);
                fetched++;
            }

            files.Add(file);
            using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file, cancellationToken));
            pages ??= Math.Max(1, document.RootElement.GetProperty("TotalPages").GetInt32());
        }

        var csv = Path.Combine(cacheFolder, $"ucdp-ged-{request.Version}{(request.Country is null ? "" : "-" + request.Country)}.csv");
        var events = FetchedPages.ToCsv(files, "Result", csv, ["id", "side_a", "date_start"]);
        return new UcdpFetchReport(csv, request.Version, pages!.Value, fetched, kept, events, budget.Used, RequestsPerDay, _clock.GetUtcNow());
    }

    private async Task<byte[]> Get(UcdpFetchRequest request, int page, CancellationToken cancellationToken)
    {
        var query = $"gedevents/{Uri.EscapeDataString(request.Version)}?pagesize={PageSize}&page={page}"
            + (request.Country is { } country ? $"&Country={Uri.EscapeDataString(country)}" : "");
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(api, query));
        message.Headers.Add("x-ucdp-access-token", token);
        using (var response = await PoliteHttp.SendAsync(http, message, "UCDP API", cancellationToken))
        {
            if (PoliteHttp.IsRefusal(response.StatusCode))
            {
                throw new DyadException(DyadErrorKind.Unavailable,
                    $"UCDP API: the request was refused ({(int)response.StatusCode}); it needs an access token (set DYAD_UCDP_TOKEN), and this one is missing, wrong or not allowed this data.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DyadException(DyadErrorKind.Unavailable,
                    $"UCDP API: page {page} failed with {(int)response.StatusCode} {response.ReasonPhrase} after retries; the pages fetched so far are kept, and the same command goes on from there.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (FetchedPages.IsPage(body, "Result") && HasPageCount(body))
            {
                return body;
            }

            throw new DyadException(DyadErrorKind.Unavailable, $"UCDP API: page {page} is not the API's JSON (no Result and TotalPages); nothing of it was kept.");
        }
    }

    private static bool HasPageCount(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("TotalPages", out var total) && total.ValueKind == JsonValueKind.Number;
    }
}
