using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dyad.App;
using Dyad.App.Importing;
using Dyad.App.Records;
using Dyad.Store.Accounts;
using Dyad.Store.DuckDb;
using Dyad.Testing;
using Dyad.Web.Accounts;
using Dyad.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dyad.Web.Tests;

/// <summary>
/// A server over a real DuckDB store: the UCDP samples and the article's case file that ship with Dyad, and a
/// protected interview with an event and a claim taken from it; an admin, an analyst and a viewer, each with a
/// password and an API token. Each test class gets its own copy of the store, made once per run.
/// </summary>
public class ServedStore : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string InterviewCode = "TEST-INTERVIEW-7";
    /// <summary>The day of the unclaimed attack the store holds.</summary>
    public const string UnclaimedDay = "2019-12-02";

    public const string InterviewNote = "the interviewee said the cell met in a madrasa";

    private static readonly Lazy<string> Template = new(BuildTemplate);
    private readonly TempFolder _folder = new();

    public WebApplication App { get; private set; } = null!;

    public string Db => _folder.File("served.duckdb");

    public Dictionary<UserRole, string> Tokens { get; } = [];

    /// <summary>Whether the server listens on a real port (the browser tests) rather than in memory.</summary>
    protected virtual bool RealServer => false;

    /// <summary>Whether the server logs each request and import, as <c>dyad serve --verbose</c>; they are kept in <see cref="Logged"/>.</summary>
    protected virtual bool Verbose => false;

    /// <summary>What the server logged at Information or above, message by message.</summary>
    public LogCapture Logged { get; } = new();

    public Uri Address => new(App.Urls.First());

    public async ValueTask InitializeAsync()
    {
        File.Copy(Template.Value, Db);
        using (var store = DuckDbEventStore.Open(Db))
        {
            var accounts = new UserAccounts(store, TimeProvider.System);
            foreach (var role in Enum.GetValues<UserRole>())
            {
                var name = role.ToString().ToLowerInvariant();
                accounts.Add(name, role, "test");
                accounts.SetPassword(name, Password, "test");
                Tokens[role] = accounts.IssueToken(name, "test");
            }
        }

        App = DyadServer.Build(new ServerOptions
        {
            Db = Db,
            Urls = "http://127.0.0.1:0",
            StateFolder = _folder.File("server"),
            MaxUploadBytes = 2 * 1024 * 1024,
            LockoutAttempts = 5,
            Verbose = Verbose,
        }, builder =>
        {
            builder.Logging.AddProvider(Logged);
            if (!RealServer)
            {
                builder.WebHost.UseTestServer();
            }
        });
        await App.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client that is not signed in.</summary>
    public HttpClient Anonymous() => new(new CookieJar(App.GetTestServer().CreateHandler())) { BaseAddress = new Uri("http://localhost") };

    /// <summary>A client that signs every request with the role's API token.</summary>
    public HttpClient WithToken(UserRole role)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
        return client;
    }

    /// <summary>A browser-like client signed in with the role's password: it keeps its cookies and sends the antiforgery token with writes.</summary>
    public async Task<HttpClient> SignedIn(UserRole role)
    {
        var client = Anonymous();
        await Antiforgery(client);
        var response = await client.PostAsJsonAsync("/api/session", new { name = role.ToString().ToLowerInvariant(), password = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        // An antiforgery token is the signed-in user's: the one read before signing in is no longer good.
        await Antiforgery(client);
        return client;
    }

    /// <summary>Reads the antiforgery token (and its cookie) as the dashboard does.</summary>
    public static async Task<string> Antiforgery(HttpClient client)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/session/antiforgery");
        var token = answer.GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Remove(DyadServer.AntiforgeryHeader);
        client.DefaultRequestHeaders.Add(DyadServer.AntiforgeryHeader, token);
        return token;
    }

    /// <summary>The store every test class starts from, built once: the shipped samples and a protected interview.</summary>
    private static string BuildTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dyad-tests", "web-template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var samples = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "samples"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var interview = Path.Combine(folder, "interview-records.csv");
        File.WriteAllText(interview,
            "record_id,event_date,country,admin1,admin2,location,actor1,actor2,actor_roles,attack_type,deaths,wounded,claimed,source,notes\n" +
            $"interview-1,2016-02-10,Afghanistan,Nangarhar,Achin,Achin,Islamic State Khorasan Province,Taliban,perpetrator-target,Armed Assault,3,,false,{InterviewCode},\"{InterviewNote}\"\n");
        // An attack nobody claimed, recorded from a public source: what the dashboard's attribution is for.
        var unclaimed = Path.Combine(folder, "unclaimed-records.csv");
        File.WriteAllText(unclaimed,
            "record_id,event_date,country,admin1,admin2,location,actor1,actor2,actor_roles,attack_type,deaths,wounded,claimed,source,notes\n" +
            $"unclaimed-1,{UnclaimedDay},Afghanistan,Nangarhar,Jalalabad,Jalalabad,Unknown,Taliban,perpetrator-target,Bombing/Explosion,4,6,false,STEWART-2020,\"A roadside bomb under a Taliban vehicle; no one claimed it.\"\n");
        var path = Path.Combine(folder, "template.duckdb");
        var registries = RegistryFiles.Load(Dyad.Testing.Registries.ActorsPath);
        using var store = DuckDbEventStore.Open(path);
        store.AddSource(new SourceInput { Code = InterviewCode, Type = "interview", Title = "A cadre of IS-K, Achin", Protection = "protected" }.ToSource(), "test");
        new ImportBatch(null, null, null, "test").Run(store, () => registries, [.. samples, interview, unclaimed], null, CancellationToken.None);
        var source = store.FindSource(InterviewCode)!;
        ClaimRecording.Record(store, registries, source, "ISKP fighters killed 3 Taliban in Achin, Nangarhar on 10 February 2016.", new DateOnly(2016, 2, 20), [], "test");
        return path;
    }

    /// <summary>Keeps the cookies a server sets and sends them back, as a browser does.</summary>
    private sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (_cookies.GetCookieHeader(uri) is { Length: > 0 } header)
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    _cookies.SetCookies(uri, cookie);
                }
            }

            return response;
        }
    }
}
