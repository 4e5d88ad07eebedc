using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dyad.Store.Accounts;
using nietras.SeparatedValues;

namespace Dyad.Web.Tests;

/// <summary>The HTTP API on a real store: the same answers as the CLI, through the server's own pipeline.</summary>
public sealed class ApiTests(ServedStore served) : IClassFixture<ServedStore>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_List_IS_K_Events_In_Nangarhar_Page_By_Page_Without_Losing_Or_Repeating_One()
    {
        var client = served.WithToken(UserRole.Viewer);
        var first = await client.GetFromJsonAsync<JsonElement>("/api/events?actor=ISKP&province=Ningarhar&limit=5&count=true", Cancel);
        var total = first.GetProperty("total").GetInt64();
        total.ShouldBeGreaterThan(5);
        first.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain(n => n!.Contains("af/nangarhar", StringComparison.Ordinal));

        var seen = new List<long>();
        var page = first;
        while (true)
        {
            foreach (var e in page.GetProperty("events").EnumerateArray())
            {
                e.GetProperty("admin1_id").GetString().ShouldBe("af/nangarhar");
                (e.GetProperty("actor1_ids").EnumerateArray().Concat(e.GetProperty("actor2_ids").EnumerateArray()).Select(a => a.GetString())).ShouldContain("iskp");
                seen.Add(e.GetProperty("id").GetInt64());
            }

            if (!page.TryGetProperty("next", out var next))
            {
                break;
            }

            page = await client.GetFromJsonAsync<JsonElement>($"/api/events?actor=ISKP&province=Ningarhar&limit=5&after={next.GetString()}", Cancel);
        }

        seen.Count.ShouldBe((int)total);
        seen.Distinct().Count().ShouldBe(seen.Count);
    }

    [Fact]
    public async Task Should_Filter_The_Dyad_To_Clashes_Between_The_Two_Sides()
    {
        var client = served.WithToken(UserRole.Viewer);
        var dyad = await client.GetFromJsonAsync<JsonElement>("/api/events?actor=IS-K&against=Taliban&limit=1000", Cancel);
        var events = dyad.GetProperty("events").EnumerateArray().ToList();
        events.ShouldNotBeEmpty();
        foreach (var e in events)
        {
            var one = e.GetProperty("actor1_ids").EnumerateArray().Select(a => a.GetString()).ToList();
            var two = e.GetProperty("actor2_ids").EnumerateArray().Select(a => a.GetString()).ToList();
            ((one.Contains("iskp") && two.Contains("taliban")) || (one.Contains("taliban") && two.Contains("iskp"))).ShouldBeTrue();
        }

        var all = await client.GetFromJsonAsync<JsonElement>("/api/events?actor=IS-K&limit=1000", Cancel);
        all.GetProperty("events").GetArrayLength().ShouldBeGreaterThan(events.Count);
    }

    [Fact]
    public async Task Should_Export_The_Filtered_Events_As_Csv_And_GeoJson()
    {
        var client = served.WithToken(UserRole.Viewer);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/events?actor=IS-K&province=Nangarhar&limit=1000", Cancel);
        var csv = await client.GetStringAsync("/api/events.csv?actor=IS-K&province=Nangarhar", Cancel);
        csv.ShouldStartWith("id,dataset,dataset_id,date_start");
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(new StringReader(csv));
        var ids = new List<long>();
        foreach (var row in reader)
        {
            ids.Add(row["id"].Parse<long>());
        }

        ids.ShouldBe(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));

        using var geojson = JsonDocument.Parse(await client.GetStringAsync("/api/events.geojson?actor=IS-K&province=Nangarhar", Cancel));
        geojson.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        geojson.RootElement.GetProperty("features").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Should_Show_An_Event_With_Its_Verbatim_Row_And_Attribute_It()
    {
        var client = served.WithToken(UserRole.Viewer);
        var events = await client.GetFromJsonAsync<JsonElement>("/api/events?actor=IS-K&dataset=ucdp-ged&limit=1", Cancel);
        var id = events.GetProperty("events")[0].GetProperty("id").GetInt64();
        var dossier = await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}", Cancel);
        dossier.GetProperty("raw").GetString().ShouldNotBeNullOrEmpty();

        var attribution = await Eventually(() => client.GetAsync($"/api/attribution/{id}", Cancel));
        var answer = await attribution.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var probabilities = answer.GetProperty("attribution").GetProperty("probabilities").EnumerateArray().Select(p => p.GetProperty("probability").GetDouble()).ToList();
        probabilities.Sum().ShouldBe(1, 0.01);
        answer.GetProperty("attribution").GetProperty("verdict").GetString().ShouldBeOneOf("attributed", "leaning", "cannot_tell");

        var unclaimed = await Eventually(() => client.GetAsync("/api/attribution/unclaimed?limit=5", Cancel));
        (await unclaimed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task Should_Give_The_Rivalry_And_Its_Brief()
    {
        var client = served.WithToken(UserRole.Viewer);
        var rivalry = await client.GetFromJsonAsync<JsonElement>("/api/rivalry?a=IS-K&b=Taliban&by=year", Cancel);
        rivalry.GetProperty("a").GetProperty("id").GetString().ShouldBe("iskp");
        rivalry.GetProperty("timeline").EnumerateArray().Sum(p => p.GetProperty("dyadic_events").GetInt64()).ShouldBeGreaterThan(0);

        var brief = await client.GetAsync("/api/rivalry/brief.html?a=IS-K&b=Taliban", Cancel);
        brief.StatusCode.ShouldBe(HttpStatusCode.OK);
        brief.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await brief.Content.ReadAsStringAsync(Cancel)).ShouldContain("dyad report IS-K Taliban");
        var data = await client.GetFromJsonAsync<JsonElement>("/api/rivalry/brief.json?a=IS-K&b=Taliban", Cancel);
        data.GetProperty("rivalry").GetProperty("a").GetProperty("id").GetString().ShouldBe("iskp");
        data.GetProperty("command").GetString()!.ShouldContain("brief.json");

        var bad = await client.GetAsync("/api/rivalry?a=IS-K&b=nobody-at-all", Cancel);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString()!.ShouldContain("nobody-at-all");
    }

    [Fact]
    public async Task Should_Forecast_Per_District_And_Backtest_It_As_The_Cli_Does()
    {
        var client = served.WithToken(UserRole.Viewer);
        var forecast = await client.GetFromJsonAsync<JsonElement>("/api/forecast?actor=IS-K&country=Afghanistan&for=2", Cancel);
        forecast.GetProperty("expected").GetArrayLength().ShouldBe(2);
        forecast.GetProperty("units").EnumerateArray().First().GetProperty("unit").GetProperty("key").GetString()!.ShouldStartWith("af/");

        var backtest = await client.GetFromJsonAsync<JsonElement>("/api/forecast/backtest?actor=IS-K&country=Afghanistan&from=2018-01&to=2018-06", Cancel);
        backtest.GetProperty("unit_months").GetInt32().ShouldBe(backtest.GetProperty("units").GetInt32() * 6);
        backtest.GetProperty("subsets")[0].GetProperty("model").GetProperty("brier").GetDouble().ShouldBeInRange(0, 1);

        var bad = await client.GetAsync("/api/forecast?what=clash&actor=IS-K", Cancel);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString()!.ShouldContain("a clash is between two sides");
        (await client.GetAsync("/api/forecast/backtest?actor=IS-K", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Record_A_Claim_And_Correct_It_Only_Against_The_Version_Read()
    {
        var analyst = served.WithToken(UserRole.Analyst);
        var source = await analyst.PostAsJsonAsync("/api/sources", new { code = "AMAQ-TEST-1", type = "propaganda-outlet", publisher = "Amaq", grade = "C3" }, Cancel);
        source.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await analyst.PostAsJsonAsync("/api/claims",
            new { text = "ISKP claimed killing 4 Taliban militants in Achin, Nangarhar on 12 May 2016.", source = "AMAQ-TEST-1", date = "2016-05-13" }, Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("claim").GetProperty("id").GetInt32();

        var read = await analyst.GetAsync($"/api/claims/{id}", Cancel);
        var version = read.Headers.ETag!.Tag;
        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/claims/{id}") { Content = JsonContent.Create(new { corrections = new[] { "killed=5" } }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0000000000000000\""));
        (await analyst.SendAsync(stale, Cancel)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var correct = new HttpRequestMessage(HttpMethod.Patch, $"/api/claims/{id}") { Content = JsonContent.Create(new { corrections = new[] { "killed=5" } }) };
        correct.Headers.IfMatch.Add(new EntityTagHeaderValue(version));
        var corrected = await analyst.SendAsync(correct, Cancel);
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync(Cancel));
        (await corrected.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("killed").GetInt32().ShouldBe(5);

        var audit = await served.WithToken(UserRole.Admin).GetFromJsonAsync<JsonElement>($"/api/audit?type=claim&id={id}", Cancel);
        audit.EnumerateArray().Select(c => (c.GetProperty("by").GetString(), c.GetProperty("action").GetString())).ShouldBe([("analyst", "create"), ("analyst", "update")]);
    }

    [Fact]
    public async Task Should_Import_An_Upload_In_The_Background_With_Reconciled_Counts()
    {
        var analyst = served.WithToken(UserRole.Analyst);
        var ucdp = Path.Combine(Dyad.Testing.SharedData.RepositoryRoot, "data", "samples", "ucdp", "ged231_afghanistan_pakistan.csv");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(ucdp, Cancel)), "file", "ged231_afghanistan_pakistan.csv" } };
        var upload = await analyst.PostAsync("/api/imports", form, Cancel);
        upload.StatusCode.ShouldBe(HttpStatusCode.Accepted, await upload.Content.ReadAsStringAsync(Cancel));
        var job = await upload.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        JsonElement done;
        do
        {
            await Task.Delay(200, Cancel);
            done = await analyst.GetFromJsonAsync<JsonElement>(upload.Headers.Location!, Cancel);
        }
        while (done.GetProperty("state").GetString() is "queued" or "running");

        done.GetProperty("state").GetString().ShouldBe("done", done.ToString());
        var counts = done.GetProperty("outcome");
        // The same file is already in the store: every row is read again and none is new (a few revise what a later sample file said of them).
        counts.GetProperty("read").GetInt64().ShouldBe(counts.GetProperty("imported").GetInt64() + counts.GetProperty("revised").GetInt64()
            + counts.GetProperty("duplicates").GetInt64() + counts.GetProperty("rejected").GetInt64());
        counts.GetProperty("imported").GetInt64().ShouldBe(0);
        counts.GetProperty("duplicates").GetInt64().ShouldBeGreaterThan(0);
        job.GetProperty("by").GetString().ShouldBe("analyst");

        var audit = await served.WithToken(UserRole.Admin).GetFromJsonAsync<JsonElement>("/api/audit?type=import", Cancel);
        audit.EnumerateArray().ShouldContain(c => c.GetProperty("by").GetString() == "analyst" && c.GetProperty("record_id").GetString() == "ged231_afghanistan_pakistan.csv");
    }

    [Fact]
    public async Task Should_Let_An_Analyst_Settle_A_Link_And_Record_Who_Did()
    {
        var viewer = served.WithToken(UserRole.Viewer);
        var nangarhar = await viewer.GetFromJsonAsync<JsonElement>("/api/events?actor=IS-K&province=Nangarhar&dataset=ucdp-ged&limit=2", Cancel);
        var ids = nangarhar.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.Count.ShouldBe(2);
        var decision = new { events = ids, same = true, note = "one attack, reported twice" };
        (await viewer.PostAsJsonAsync("/api/incidents/decisions", decision, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var settled = await served.WithToken(UserRole.Analyst).PostAsJsonAsync("/api/incidents/decisions", decision, Cancel);
        settled.StatusCode.ShouldBe(HttpStatusCode.OK, await settled.Content.ReadAsStringAsync(Cancel));
        var incidents = await viewer.GetFromJsonAsync<JsonElement>($"/api/incidents?event_id={ids[0]}", Cancel);
        incidents.EnumerateArray().ShouldHaveSingleItem().GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(ids, ignoreOrder: true);
        var audit = await served.WithToken(UserRole.Admin).GetFromJsonAsync<JsonElement>("/api/audit?type=link-decision", Cancel);
        audit.EnumerateArray().ShouldContain(c => c.GetProperty("by").GetString() == "analyst");
    }

    [Fact]
    public async Task Should_Describe_Itself_In_An_OpenApi_Document()
    {
        using var document = JsonDocument.Parse(await served.Anonymous().GetStringAsync("/openapi/v1.json", Cancel));
        document.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/events", "/api/events.csv", "/api/rivalry", "/api/forecast", "/api/forecast/backtest", "/api/attribution/{id}", "/api/claims", "/api/imports", "/api/users" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
    }

    /// <summary>Asks again while the server answers 503 (its attribution model is being prepared).</summary>
    private static async Task<HttpResponseMessage> Eventually(Func<Task<HttpResponseMessage>> ask)
    {
        for (var i = 0; ; i++)
        {
            var response = await ask();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || i == 60)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
                return response;
            }

            await Task.Delay(1000, Cancel);
        }
    }
}
