using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Dyad.Cli.Tests.Commands;

/// <summary>
/// A stand-in for the UCDP API on loopback, answering in its documented format — pages of
/// <c>{"TotalCount","TotalPages","PreviousPageUrl","NextPageUrl","Result":[…]}</c> — with its token check (401), and
/// the throttling (429 with Retry-After) and failures (503) a real fetch meets. It counts the requests for each page.
/// </summary>
internal sealed class UcdpStub : LoopbackStub
{
    public const string Token = "stub-token";

    private readonly Dictionary<string, List<object>> _releases = [];

    /// <summary>The API's address, as --url takes it.</summary>
    public string Api => Url + "api/";

    public int PageSize { get; init; } = 2;

    /// <summary>How long each answer takes, as a slow network would.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Requests per page, by "version/page".</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    /// <summary>Pages ("version/page") that answer 429 to their first request.</summary>
    public HashSet<string> ThrottleOnce { get; } = [];

    /// <summary>Pages ("version/page") that answer 503 to every request.</summary>
    public HashSet<string> Failing { get; } = [];

    /// <summary>A release's events: (id, day, side A, side B, best deaths), in Afghanistan (Gleditsch-Ward 700).</summary>
    public void Release(string version, params (int Id, string Day, string SideA, string SideB, int Best)[] events) =>
        _releases[version] = [.. events.Select(e => (object)new Dictionary<string, object?>
        {
            ["id"] = e.Id, ["relid"] = $"AFG-{e.Id}", ["year"] = int.Parse(e.Day[..4], System.Globalization.CultureInfo.InvariantCulture),
            ["type_of_violence"] = 2, ["side_a"] = e.SideA, ["side_b"] = e.SideB, ["country"] = "Afghanistan", ["country_id"] = 700,
            ["adm_1"] = "Nangarhar province", ["adm_2"] = "Achin district", ["latitude"] = 34.13, ["longitude"] = 70.70, ["where_prec"] = 1,
            ["date_prec"] = 1, ["date_start"] = e.Day, ["date_end"] = e.Day, ["best"] = e.Best, ["low"] = e.Best, ["high"] = e.Best,
            ["source_headline"] = "An invented headline", ["event_clarity"] = 1,
        })];

    protected override void Answer(HttpListenerContext context)
    {
        Thread.Sleep(Latency);
        var response = context.Response;
        var segments = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var version = segments.Length == 3 && segments[1] == "gedevents" ? segments[2] : "";
        var page = int.Parse(context.Request.QueryString["page"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var key = $"{version}/{page}";
        var count = Requests.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (context.Request.Headers["x-ucdp-access-token"] != Token)
        {
            Reply(response, 401, """{"message":"A valid access token is required."}""");
        }
        else if (!_releases.TryGetValue(version, out var events))
        {
            Reply(response, 404, """{"message":"No such version."}""");
        }
        else if (Failing.Contains(key) || (ThrottleOnce.Contains(key) && count == 1))
        {
            response.AddHeader("Retry-After", "0");
            Reply(response, Failing.Contains(key) ? 503 : 429, """{"message":"Slow down."}""");
        }
        else
        {
            var pages = Math.Max(1, (events.Count + PageSize - 1) / PageSize);
            Reply(response, 200, JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["TotalCount"] = events.Count,
                ["TotalPages"] = pages,
                ["PreviousPageUrl"] = "",
                ["NextPageUrl"] = page + 1 < pages ? $"{Api}gedevents/{version}?page={page + 1}" : "",
                ["Result"] = events.Skip(page * PageSize).Take(PageSize).ToList(),
            }));
        }
    }
}
