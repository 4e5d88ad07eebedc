using System.Text.Json;
using Dyad.Connectors.Acled;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>dyad fetch acled against a stand-in for ACLED's API on loopback: login, incremental fetches, deletions, refusals.</summary>
[Collection(nameof(FetchUcdpCommandTests))] // the fetch tests all set credentials (and the configuration file) in the environment
public sealed class FetchAcledCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly AcledStub _stub = new();

    public FetchAcledCommandTests()
    {
        Environment.SetEnvironmentVariable(AcledCredentials.UsernameVariable, AcledStub.Username);
        Environment.SetEnvironmentVariable(AcledCredentials.PasswordVariable, AcledStub.Password);
        var earlier = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeSeconds();
        _stub.Event("AFG1", "2021-05-08", "Taliban", "Islamic State (Afghanistan)", 3, earlier);
        _stub.Event("AFG2", "2021-05-09", "Taliban", "Islamic State (Afghanistan)", 1, earlier);
        _stub.Event("AFG3", "2021-05-10", "Islamic State (Afghanistan)", "Civilians (Afghanistan)", 6, earlier);
    }

    public void Dispose()
    {
        _stub.Dispose();
        _folder.Dispose();
    }

    private string Db => _folder.File("store.duckdb");

    private Task<CliRun> Fetch(string country = "Afghanistan") => CliRun.Of("fetch", "acled", "--country", country, "--url", _stub.Url, "--db", Db, "--json");

    private static JsonElement Import(CliRun run) => JsonDocument.Parse(run.Data).RootElement.GetProperty("import");

    [Fact]
    public async Task Should_Fetch_What_Changed_Since_The_Last_Fetch_And_Apply_Acleds_Deletions()
    {
        var first = await Fetch();
        var later = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        _stub.Event("AFG1", "2021-05-08", "Taliban", "Islamic State (Afghanistan)", 4, later);
        _stub.Event("AFG4", "2021-05-11", "Taliban", "Islamic State (Afghanistan)", 2, later);
        _stub.Delete("AFG2", later);

        var second = await Fetch();

        first.ExitCode.ShouldBe(0, first.Errors);
        Import(first).GetProperty("imported").GetInt64().ShouldBe(3);
        second.ExitCode.ShouldBe(0, second.Errors);
        var import = Import(second);
        (import.GetProperty("read").GetInt64(), import.GetProperty("imported").GetInt64(), import.GetProperty("revised").GetInt64(), import.GetProperty("withdrawn").GetInt64())
            .ShouldBe((2, 1, 1, 1), "only what changed is fetched: AFG1 revised, AFG4 new, AFG2 deleted");
        _stub.Logins.ShouldBe(1, "the day's access token is kept and used again");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Db + ".fetch/acled-token.json").ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the tokens are the user's alone");
        }
        (await CliRun.Of("events", "--db", Db, "--format", "csv")).Data.TrimEnd().Split('\n').Length.ShouldBe(4, "AFG1, AFG3 and AFG4");
    }

    [Fact]
    public async Task Should_Apply_Deletions_Alone_And_Succeed_When_Nothing_Changed()
    {
        (await Fetch()).ExitCode.ShouldBe(0);
        _stub.Delete("AFG2", DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds());

        var deletionsOnly = await Fetch();
        var nothingNew = await Fetch();

        deletionsOnly.ExitCode.ShouldBe(0, deletionsOnly.Errors);
        (Import(deletionsOnly).GetProperty("read").GetInt64(), Import(deletionsOnly).GetProperty("withdrawn").GetInt64()).ShouldBe((0, 1));
        nothingNew.ExitCode.ShouldBe(0, nothingNew.Errors);
        (await CliRun.Of("events", "--db", Db, "--format", "csv")).Data.TrimEnd().Split('\n').Length.ShouldBe(3, "AFG1 and AFG3");
    }

    [Fact]
    public async Task Should_Say_When_The_Accounts_Tier_Does_Not_Include_The_Data()
    {
        var run = await Fetch("Pakistan");

        run.ExitCode.ShouldBe(5);
        run.Errors.ShouldContain("access tier");
        run.Errors.ShouldContain("Access denied");
    }

    [Fact]
    public async Task Should_Ask_For_The_Account_In_The_Environment_And_Never_On_The_Command_Line()
    {
        Environment.SetEnvironmentVariable(AcledCredentials.PasswordVariable, null);
        try
        {
            var run = await Fetch();

            run.ExitCode.ShouldBe(2);
            run.Errors.ShouldContain(AcledCredentials.PasswordVariable);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AcledCredentials.PasswordVariable, AcledStub.Password);
        }
    }
}
