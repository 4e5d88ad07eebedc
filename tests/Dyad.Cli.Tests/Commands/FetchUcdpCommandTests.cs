using System.Text.Json;
using Dyad.App.Fetching;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>dyad fetch ucdp against a stand-in for the UCDP API on loopback (nothing here can reach the internet).</summary>
[Collection(nameof(FetchUcdpCommandTests))]
public sealed class FetchUcdpCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly UcdpStub _stub = new();

    public FetchUcdpCommandTests()
    {
        Environment.SetEnvironmentVariable(DatasetFetch.UcdpTokenVariable, UcdpStub.Token);
        _stub.Release("23.1",
            (1, "2021-05-08", "Taleban", "IS", 4), (2, "2021-05-09", "Taleban", "IS", 2), (3, "2021-05-10", "Government of Afghanistan", "Taleban", 7),
            (4, "2021-05-11", "Taleban", "IS", 1), (5, "2021-05-12", "IS", "Civilians", 9));
        // The next release: 2 revised (3 killed, not 2), 4 dropped, 6 new.
        _stub.Release("23.2",
            (1, "2021-05-08", "Taleban", "IS", 4), (2, "2021-05-09", "Taleban", "IS", 3), (3, "2021-05-10", "Government of Afghanistan", "Taleban", 7),
            (5, "2021-05-12", "IS", "Civilians", 9), (6, "2021-05-13", "Taleban", "IS", 5));
    }

    public void Dispose()
    {
        _stub.Dispose();
        _folder.Dispose();
    }

    private string Db => _folder.File("store.duckdb");

    private Task<CliRun> Fetch(string version) => CliRun.Of("fetch", "ucdp", "--version", version, "--country", "700", "--url", _stub.Api, "--db", Db, "--json");

    [Fact]
    public async Task Should_Fetch_Every_Page_Through_Throttling_And_Import_The_Release()
    {
        _stub.ThrottleOnce.Add("23.1/1");

        var run = await Fetch("23.1");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        json.RootElement.GetProperty("fetch").GetProperty("pages").GetInt32().ShouldBe(3);
        json.RootElement.GetProperty("import").GetProperty("imported").GetInt64().ShouldBe(5);
        _stub.Requests["23.1/1"].ShouldBe(2, "the throttled page was asked again after the Retry-After the server gave");
        (await CliRun.Of("events", "--db", Db, "--actor", "IS-K", "--format", "csv")).Data.TrimEnd().Split('\n').Length.ShouldBe(5, "4 events name IS, read as IS-K in Afghanistan");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Should_Take_The_Token_And_The_Store_From_The_Users_Configuration_File()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "file modes are Unix's");
        var config = _folder.Write("config.json", JsonSerializer.Serialize(new Dictionary<string, string> { ["ucdp_token"] = UcdpStub.Token, ["db"] = Db }));
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Environment.SetEnvironmentVariable(DatasetFetch.UcdpTokenVariable, null);
        Environment.SetEnvironmentVariable(App.Configuration.UserConfiguration.FileVariable, config);
        try
        {
            var run = await CliRun.Of("fetch", "ucdp", "--version", "23.1", "--country", "700", "--url", _stub.Api, "--json");
            run.ExitCode.ShouldBe(0, run.Errors);
            File.Exists(Db).ShouldBeTrue("the store the configuration names");

            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var exposed = await CliRun.Of("fetch", "ucdp", "--version", "23.1", "--url", _stub.Api, "--db", Db);
            exposed.ExitCode.ShouldBe(3);
            exposed.Errors.ShouldContain("chmod 600");
        }
        finally
        {
            Environment.SetEnvironmentVariable(App.Configuration.UserConfiguration.FileVariable, null);
            Environment.SetEnvironmentVariable(DatasetFetch.UcdpTokenVariable, UcdpStub.Token);
        }
    }

    [Fact]
    public async Task Should_Go_On_From_The_First_Missing_Page_After_A_Failure()
    {
        _stub.Failing.Add("23.1/2");
        var failed = await Fetch("23.1");
        _stub.Failing.Clear();

        var resumed = await Fetch("23.1");

        failed.ExitCode.ShouldBe(5);
        failed.Errors.ShouldContain("the pages fetched so far are kept");
        (await CliRun.Of("stats", "--db", Db, "--json")).Data.ShouldContain("\"events\":5,");
        resumed.ExitCode.ShouldBe(0, resumed.Errors);
        _stub.Requests["23.1/0"].ShouldBe(1, "a page fetched before the failure is not fetched again");
        _stub.Requests["23.1/1"].ShouldBe(1);
    }

    [Fact]
    public async Task Should_Revise_And_Withdraw_When_A_Newer_Release_Is_Fetched()
    {
        (await Fetch("23.1")).ExitCode.ShouldBe(0);

        var newer = await Fetch("23.2");

        newer.ExitCode.ShouldBe(0, newer.Errors);
        using var json = JsonDocument.Parse(newer.Data);
        var import = json.RootElement.GetProperty("import");
        (import.GetProperty("imported").GetInt64(), import.GetProperty("revised").GetInt64(), import.GetProperty("withdrawn").GetInt64()).ShouldBe((1, 1, 1));
        (await CliRun.Of("events", "--db", Db, "--as-of", "23.1", "--format", "csv")).Data.TrimEnd().Split('\n').Length.ShouldBe(6);
    }

    [Fact]
    public async Task Should_Say_Plainly_When_The_Token_Is_Refused()
    {
        Environment.SetEnvironmentVariable(DatasetFetch.UcdpTokenVariable, "wrong");
        try
        {
            var run = await Fetch("23.1");

            run.ExitCode.ShouldBe(5);
            run.Errors.ShouldContain("DYAD_UCDP_TOKEN");
            File.Exists(Db).ShouldBeTrue();
            (await CliRun.Of("stats", "--db", Db, "--json")).Data.ShouldContain("\"events\":0,");
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetFetch.UcdpTokenVariable, UcdpStub.Token);
        }
    }
}
