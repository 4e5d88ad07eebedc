using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dyad.Store.Accounts;
using Dyad.Web.Endpoints;
using Dyad.Web.Hosting;

namespace Dyad.Web.Tests;

/// <summary>Who may do what, what a viewer never sees, and what an attacker's requests come to.</summary>
public sealed class SecurityTests(ServedStore served) : IClassFixture<ServedStore>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly object NewSource = new { code = "REUTERS-TEST", type = "news-agency", publisher = "Reuters" };

    [Fact]
    public async Task Should_Refuse_Writes_Without_A_Token_With_401_And_A_Viewers_With_403()
    {
        (await served.Anonymous().PostAsJsonAsync("/api/sources", NewSource, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await served.Anonymous().GetAsync("/api/events", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await served.WithToken(UserRole.Viewer).PostAsJsonAsync("/api/sources", NewSource, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await served.WithToken(UserRole.Analyst).GetAsync("/api/users", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await served.WithToken(UserRole.Analyst).GetAsync("/api/audit", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var viewer = await served.SignedIn(UserRole.Viewer);
        (await viewer.PostAsJsonAsync("/api/sources", NewSource, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_Never_Show_A_Viewer_A_Protected_Source_In_Pages_Api_Or_Exports()
    {
        var viewer = served.WithToken(UserRole.Viewer);
        var analyst = served.WithToken(UserRole.Analyst);
        (await analyst.GetStringAsync("/api/sources", Cancel)).ShouldContain(ServedStore.InterviewCode);
        (await viewer.GetStringAsync("/api/sources", Cancel)).ShouldNotContain(ServedStore.InterviewCode);
        (await viewer.GetAsync($"/api/sources/{ServedStore.InterviewCode}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await analyst.GetStringAsync("/api/claims", Cancel)).ShouldContain(ServedStore.InterviewCode);
        (await viewer.GetStringAsync("/api/claims", Cancel)).ShouldNotContain(ServedStore.InterviewCode);

        // The event recorded from the interview keeps its coded fields for the viewer, but nothing that leads to the interview.
        foreach (var export in new[] { "/api/events?dataset=analyst&limit=1000", "/api/events.csv?dataset=analyst", "/api/events.geojson?dataset=analyst" })
        {
            var seen = await viewer.GetStringAsync(export, Cancel);
            seen.ShouldNotContain(ServedStore.InterviewCode);
            seen.ShouldNotContain(ServedStore.InterviewNote);
        }

        (await analyst.GetStringAsync("/api/events.csv?dataset=analyst", Cancel)).ShouldContain(ServedStore.InterviewCode);

        var events = await viewer.GetFromJsonAsync<JsonElement>("/api/events?dataset=analyst&province=Nangarhar&from=2016-02-10&to=2016-02-10", Cancel);
        var id = events.GetProperty("events")[0].GetProperty("id").GetInt64();
        var page = await viewer.GetStringAsync($"/api/events/{id}", Cancel);
        page.ShouldNotContain(ServedStore.InterviewCode);
        page.ShouldNotContain(ServedStore.InterviewNote);
        page.ShouldNotContain("madrasa");
        (await analyst.GetStringAsync($"/api/events/{id}", Cancel)).ShouldContain(ServedStore.InterviewNote);
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("x'); DROP TABLE events; --")]
    [InlineData("%' UNION SELECT name, password_hash FROM users --")]
    [InlineData("\\'; SELECT pg_sleep(5); --")]
    [InlineData("2021' OR '1'='1")]
    public async Task Should_Treat_SQL_In_Every_Filter_As_Text(string attack)
    {
        var client = served.WithToken(UserRole.Viewer);
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/events?limit=1&count=true", Cancel)).GetProperty("total").GetInt64();
        foreach (var filter in new[] { "actor", "against", "country", "province", "district", "from", "to", "dataset", "type", "as_of" })
        {
            var query = filter == "against" ? $"actor=IS-K&against={Uri.EscapeDataString(attack)}" : $"{filter}={Uri.EscapeDataString(attack)}";
            var response = await client.GetAsync($"/api/events?{query}&count=true", Cancel);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("total").GetInt64().ShouldBe(0, $"{filter}={attack}");
            }
            else
            {
                (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
            }

            (await client.GetAsync($"/api/events/counts?{query}", Cancel)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
            (await client.GetAsync($"/api/rivalry?a={Uri.EscapeDataString(attack)}&b=Taliban", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await client.GetFromJsonAsync<JsonElement>("/api/events?limit=1&count=true", Cancel)).GetProperty("total").GetInt64().ShouldBe(before);
    }

    [Fact]
    public async Task Should_Say_What_Is_Wrong_With_A_Body_And_Name_An_Upload_By_Its_Own_Name()
    {
        var analyst = served.WithToken(UserRole.Analyst);
        var broken = await analyst.PostAsync("/api/sources", new StringContent("{\"code\": \"X\", \"type\":", System.Text.Encoding.UTF8, "application/json"), Cancel);
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await broken.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString()!.ShouldContain("LineNumber");

        using var wrong = new MultipartFormDataContent { { new StringContent("a,b,c\n1,2,3\n"), "file", "my-notes.csv" } };
        var error = await FailedUpload(analyst, wrong);
        error.ShouldStartWith("my-notes.csv: the header is not one Dyad knows");
        error.ShouldNotContain("uploads");
    }

    [Theory]
    [InlineData("/index.html")]
    [InlineData("/event.html")]
    [InlineData("/rivalry.html")]
    [InlineData("/import.html")]
    [InlineData("/audit.html")]
    [InlineData("/unclaimed.html")]
    [InlineData("/login.html")]
    public async Task Should_Serve_Pages_That_Their_Own_Policy_Lets_Run(string page)
    {
        // The policy allows style and script from files only: an inline one is dropped by the browser, and the layout
        // it held (the events table's scroll box beside the map) silently with it.
        var html = await served.Anonymous().GetStringAsync(page, Cancel);

        html.ShouldNotContain("style=");
        html.ShouldNotContain("<style");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<script(?![^>]*\ssrc=)[^>]*>").ShouldBeFalse("an inline script");
        html.ShouldNotContain(" onclick=");
    }

    [Fact]
    public async Task Should_Say_A_Binary_Upload_Is_Not_A_Table_Without_Printing_Its_Bytes()
    {
        var analyst = served.WithToken(UserRole.Analyst);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01, 0xFF, 0xFE, 0x2C, 0x07];
        using var photo = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "photo.csv" } };

        var error = await FailedUpload(analyst, photo);

        error.ShouldStartWith("photo.csv: not a text table or a workbook Dyad can read");
        error.ShouldNotContain("PNG");
        error.ShouldNotContain("\u0000");
    }

    /// <summary>Uploads <paramref name="content"/>, waits for its import to end, and returns the error it failed with.</summary>
    private static async Task<string> FailedUpload(HttpClient analyst, MultipartFormDataContent content)
    {
        var upload = await analyst.PostAsync("/api/imports", content, Cancel);
        JsonElement job;
        do
        {
            await Task.Delay(100, Cancel);
            job = await analyst.GetFromJsonAsync<JsonElement>(upload.Headers.Location!, Cancel);
        }
        while (job.GetProperty("state").GetString() is "queued" or "running");

        job.GetProperty("state").GetString().ShouldBe("failed");
        return job.GetProperty("error").GetString()!;
    }

    [Fact]
    public async Task Should_Refuse_An_Oversized_Upload_And_Keep_A_Traversing_File_Name_In_Its_Folder()
    {
        var analyst = served.WithToken(UserRole.Analyst);
        using var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[3 * 1024 * 1024]), "file", "big.csv" } };
        var refused = await analyst.PostAsync("/api/imports", big, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        ImportEndpoints.UploadName("../../../etc/passwd").ShouldBe("passwd");
        ImportEndpoints.UploadName("..\\..\\windows\\win.ini").ShouldBe("win.ini");
        ImportEndpoints.UploadName("..").ShouldBe("upload");
        ImportEndpoints.UploadName("/").ShouldBe("upload");
        ImportEndpoints.UploadName(".hidden.csv").ShouldBe("hidden.csv");

        var outside = Path.Combine(Path.GetDirectoryName(served.Db)!, "evil.csv");
        using var traversing = new MultipartFormDataContent { { new StringContent("not,a,dataset\n1,2,3\n"), "file", "../../evil.csv" } };
        var accepted = await analyst.PostAsync("/api/imports", traversing, Cancel);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var job = await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        job.GetProperty("file").GetString().ShouldBe("evil.csv");
        File.Exists(outside).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_Refuse_A_Browsers_Write_With_A_Forged_Or_Missing_Antiforgery_Token()
    {
        var analyst = await served.SignedIn(UserRole.Analyst);
        analyst.DefaultRequestHeaders.Remove(DyadServer.AntiforgeryHeader);
        analyst.DefaultRequestHeaders.Add(DyadServer.AntiforgeryHeader, "CfDJ8forged-token-that-no-server-issued");
        var forged = await analyst.PostAsJsonAsync("/api/sources", NewSource, Cancel);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync(Cancel)).ShouldContain("Antiforgery");

        analyst.DefaultRequestHeaders.Remove(DyadServer.AntiforgeryHeader);
        (await analyst.PostAsJsonAsync("/api/sources", NewSource, Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await ServedStore.Antiforgery(analyst);
        (await analyst.PostAsJsonAsync("/api/sources", new { code = "REUTERS-TEST-2", type = "news-agency" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Should_Refuse_A_Tampered_Session_Cookie()
    {
        var client = served.Anonymous();
        await ServedStore.Antiforgery(client);
        var login = await client.PostAsJsonAsync("/api/session", new { name = "viewer", password = ServedStore.Password }, Cancel);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DyadServer.SessionCookie + "=", StringComparison.Ordinal));
        var value = cookie.Split(';')[0][(DyadServer.SessionCookie.Length + 1)..];

        using var fresh = served.Anonymous();
        var good = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        good.Headers.Add("Cookie", $"{DyadServer.SessionCookie}={value}");
        (await fresh.SendAsync(good, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var tampered = value[..^6] + (value[^6] == 'A' ? 'B' : 'A') + value[^5..];
        var bad = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        bad.Headers.Add("Cookie", $"{DyadServer.SessionCookie}={tampered}");
        (await fresh.SendAsync(bad, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_Lock_Out_A_Brute_Forced_Login_Even_For_The_Right_Password()
    {
        var client = served.Anonymous();
        await ServedStore.Antiforgery(client);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await client.PostAsJsonAsync("/api/session", new { name = "admin", password = $"guess-{i}" }, Cancel)).StatusCode);
        }

        answers.Take(4).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        answers.Skip(4).ShouldAllBe(s => s == HttpStatusCode.Locked);
        (await client.PostAsJsonAsync("/api/session", new { name = "admin", password = ServedStore.Password }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Locked);

        // Guessing names tells nothing: an unknown user is answered as a wrong password.
        (await client.PostAsJsonAsync("/api/session", new { name = "nobody", password = "x" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var audit = await served.WithToken(UserRole.Analyst).GetAsync("/api/audit?type=user&id=admin", Cancel);
        audit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_Keep_Tokens_Only_As_Hashes_And_End_Them_With_Their_User()
    {
        var admin = served.WithToken(UserRole.Admin);
        var added = await admin.PostAsJsonAsync("/api/users", new { name = "temp", role = "analyst" }, Cancel);
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var issued = await admin.PostAsync("/api/users/temp/tokens", null, Cancel);
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("token").GetString()!;

        using (var store = Store.DuckDb.DuckDbEventStore.Open(served.Db))
        {
            store.Tokens("temp").Single().Hash.ShouldNotBe(token);
        }

        var temp = served.Anonymous();
        temp.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await temp.GetAsync("/api/session", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync("/api/users/temp", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await temp.GetAsync("/api/session", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.DeleteAsync("/api/users/admin", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
