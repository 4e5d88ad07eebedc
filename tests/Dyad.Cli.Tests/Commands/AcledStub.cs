using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Dyad.Cli.Tests.Commands;

/// <summary>
/// A stand-in for ACLED's API on loopback, in its documented format: OAuth at <c>/oauth/token</c> (password and refresh
/// grants), events at <c>/api/acled/read</c> (<c>{"status","success","count","data":[…]}</c>, filtered by country and
/// by <c>timestamp</c>), deletions at <c>/api/deleted/read</c>, and a 403 for a country the account's tier does not include.
/// </summary>
internal sealed class AcledStub : LoopbackStub
{
    public const string Username = "analyst@example.org";
    public const string Password = "invented-password";
    private const string AccessToken = "access-1";

    private readonly ConcurrentDictionary<string, Dictionary<string, object?>> _events = new();
    private readonly ConcurrentDictionary<string, long> _deleted = new();

    public int Logins;

    /// <summary>Adds or changes an event in Afghanistan, stamped as changed at <paramref name="timestamp"/> (Unix seconds).</summary>
    public void Event(string id, string day, string actor1, string actor2, int fatalities, long timestamp) =>
        _events[id] = new Dictionary<string, object?>
        {
            ["event_id_cnty"] = id,
            ["event_date"] = day,
            ["year"] = day[..4],
            ["time_precision"] = "1",
            ["event_type"] = "Battles",
            ["sub_event_type"] = "Armed clash",
            ["actor1"] = actor1,
            ["assoc_actor_1"] = "",
            ["actor2"] = actor2,
            ["assoc_actor_2"] = "",
            ["country"] = "Afghanistan",
            ["admin1"] = "Nangarhar",
            ["admin2"] = "Achin",
            ["location"] = "Achin",
            ["latitude"] = "34.13",
            ["longitude"] = "70.70",
            ["geo_precision"] = "1",
            ["source"] = "Invented",
            ["notes"] = "An invented clash.",
            ["fatalities"] = fatalities.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
        };

    public void Delete(string id, long timestamp)
    {
        _events.TryRemove(id, out _);
        _deleted[id] = timestamp;
    }

    protected override void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        if (path == "/oauth/token" && request.HttpMethod == "POST")
        {
            var form = System.Web.HttpUtility.ParseQueryString(new StreamReader(request.InputStream).ReadToEnd());
            var good = form["grant_type"] == "password" ? form["username"] == Username && form["password"] == Password : form["refresh_token"] == "refresh-1";
            if (good)
            {
                Interlocked.Increment(ref Logins);
            }

            Reply(context.Response, good ? 200 : 401, good
                ? $$"""{"token_type":"Bearer","expires_in":86400,"access_token":"{{AccessToken}}","refresh_token":"refresh-1"}"""
                : """{"error":"invalid_grant","error_description":"The user credentials were incorrect."}""");
            return;
        }

        if (request.Headers["Authorization"] != $"Bearer {AccessToken}")
        {
            Reply(context.Response, 401, """{"message":"Unauthorized"}""");
            return;
        }

        var query = request.QueryString;
        long Since(string name) => long.TryParse(query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        if (path == "/api/acled/read")
        {
            if (query["country"] != "Afghanistan")
            {
                Reply(context.Response, 403, """{"status":403,"success":false,"message":"Access denied: your access level does not include this data."}""");
                return;
            }

            var data = _events.Values.Where(e => long.Parse((string)e["timestamp"]!, CultureInfo.InvariantCulture) >= Since("timestamp")).OrderBy(e => (string)e["event_id_cnty"]!).ToList();
            Reply(context.Response, 200, JsonSerializer.Serialize(new { status = 200, success = true, count = data.Count, data }));
        }
        else if (path == "/api/deleted/read")
        {
            var data = _deleted.Where(d => d.Value >= Since("deleted_timestamp")).Select(d => new { event_id_cnty = d.Key, deleted_timestamp = d.Value }).ToList();
            Reply(context.Response, 200, JsonSerializer.Serialize(new { status = 200, success = true, count = data.Count, data }));
        }
        else
        {
            Reply(context.Response, 404, """{"message":"Not found"}""");
        }
    }
}
