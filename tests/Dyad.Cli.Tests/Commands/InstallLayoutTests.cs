using System.Security.Cryptography;
using System.Text.Json;
using Dyad.App;
using Dyad.App.Configuration;
using Dyad.App.Diagnostics;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>
/// What ships and what is the user's, kept apart: the user's additions go to their Dyad folder (DYAD_HOME, a folder of
/// this test process's own) and are read over the shipped registry, which no command changes; the default store and
/// what names another; the version; the doctor.
/// </summary>
public sealed class InstallLayoutTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Shipped => Path.Combine(DyadFolders.ShippedRegistry, "actors.json");

    [Fact]
    public async Task Should_Add_An_Alias_To_The_Users_Layer_Read_It_Over_The_Shipped_Registry_And_Never_Change_What_Ships()
    {
        var shippedBefore = SHA256.HashData(File.ReadAllBytes(Shipped));
        var userFile = Path.Combine(IsolatedUserFolder.Path, "registry", "actors.json");

        var added = await CliRun.Of("actors", "add-alias", "iskp", "Invented Layer Cell");
        added.ExitCode.ShouldBe(0, added.Errors);
        added.Console.ShouldContain(userFile);
        (await CliRun.Of("actors", "add-alias", "haqqani-network", "Invented Layer Front", "--dataset", "gtd")).ExitCode.ShouldBe(0);

        (await CliRun.Of("actors", "resolve", "Invented Layer Cell")).Console.ShouldContain("iskp");
        (await CliRun.Of("actors", "resolve", "Invented Layer Front", "--dataset", "gtd")).Console.ShouldContain("haqqani-network");
        // The user's entry adds to the shipped actor: its own names still resolve, and it keeps its relations.
        var registry = RegistryFiles.LoadActors(null);
        registry.Resolve("ISKP").ActorIds.ShouldBe(["iskp"]);
        registry.WithMembers("islamic-state").ShouldContain("iskp");
        SHA256.HashData(File.ReadAllBytes(Shipped)).ShouldBe(shippedBefore);
        using var user = JsonDocument.Parse(File.ReadAllText(userFile));
        user.RootElement.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldBe(["iskp", "haqqani-network"]);

        var taken = await CliRun.Of("actors", "add-alias", "taliban", "Invented Layer Cell");
        taken.ExitCode.ShouldNotBe(0);
        taken.Errors.ShouldContain("already resolves to iskp");
    }

    [Fact]
    public async Task Should_Keep_Every_Name_When_Analysts_Add_At_Once()
    {
        var registry = _folder.File("actors.json");
        File.Copy(Shipped, registry);

        var runs = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => CliRun.Of("actors", "add-alias", "iskp", $"Invented Concurrent Cell {i}", "--registry", registry)));

        runs.ShouldAllBe(r => r.ExitCode == 0);
        var changed = RegistryFiles.LoadActors(registry);
        Enumerable.Range(1, 6).ShouldAllBe(i => changed.Resolve($"Invented Concurrent Cell {i}").ActorIds.Contains("iskp"));
        Directory.GetFiles(_folder.Path, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void Should_Merge_A_Layer_Into_The_Entries_It_Names_And_Add_The_Others()
    {
        var below = JsonLayers.Parse("""{"about": "shipped", "actors": [{"id": "a", "name": "A", "names": ["A1"]}], "spellingVariants": {"x": "y"}}""", "shipped");
        JsonLayers.Merge(below, JsonLayers.Parse("""
            // a user's file may hold comments
            {"about": "mine", "actors": [{"id": "a", "names": ["A2", "A1"]}, {"id": "b", "name": "B", "names": []}], "spellingVariants": {"z": "w"}}
            """, "user"));

        below["about"]!.GetValue<string>().ShouldBe("shipped");
        below["actors"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ShouldBe(["a", "b"]);
        below["actors"]![0]!["names"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["A1", "A2"]);
        below["actors"]![0]!["name"]!.GetValue<string>().ShouldBe("A");
        below["spellingVariants"]!.AsObject().Select(p => p.Key).ShouldBe(["x", "z"]);
    }

    [Fact]
    public void Should_Open_The_Store_A_Project_File_Names_Relative_To_Its_Folder_Else_The_Default_In_The_Users_Folder()
    {
        StoreChoice.Default(_folder.Path).ShouldBe(new StoreChoice(Path.Combine(IsolatedUserFolder.Path, "dyad.duckdb"), "the default"));

        _folder.Write(StoreChoice.ProjectFile, """{"db": "data/team.duckdb"}""");
        StoreChoice.Default(_folder.Path).ShouldBe(new StoreChoice(_folder.File("data/team.duckdb"), "./dyad.json"));

        _folder.Write(StoreChoice.ProjectFile, """{"db": 3}""");
        Should.Throw<DyadException>(() => StoreChoice.Default(_folder.Path)).Message.ShouldStartWith(_folder.File(StoreChoice.ProjectFile));
        _folder.Write(StoreChoice.ProjectFile, "{ not json");
        Should.Throw<DyadException>(() => StoreChoice.Default(_folder.Path)).Kind.ShouldBe(DyadErrorKind.BadInput);
    }

    [Fact]
    public async Task Should_Say_Which_Store_It_Opened_When_No_Db_Named_It()
    {
        var named = await CliRun.Of("stats", "--db", _folder.File("named.duckdb"));
        named.Errors.ShouldNotContain("dyad: store");

        // A fresh user has no store yet: the read says which it looked for, and makes none.
        var stats = await CliRun.Of("stats", "--json");
        stats.ExitCode.ShouldBe(3, stats.Errors);
        stats.Errors.ShouldContain($"dyad: store {Path.Combine(IsolatedUserFolder.Path, "dyad.duckdb")} (the default; --db names another)");
        stats.Errors.ShouldContain("no store there");
        File.Exists(Path.Combine(IsolatedUserFolder.Path, "dyad.duckdb")).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_Print_Its_Version_And_Commit()
    {
        var run = await CliRun.Of("--version");
        run.ExitCode.ShouldBe(0);
        run.Console.Trim().ShouldBe(DyadVersion.Text);
        DyadVersion.Number.ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task Should_Check_What_Dyad_Needs_And_Exit_Zero_Only_When_All_Is_Well()
    {
        var run = await CliRun.Of("doctor", "--json", "--db", _folder.File("doctor.duckdb"));
        using var json = JsonDocument.Parse(run.Data);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        checks.Select(c => c.GetProperty("name").GetString()).ShouldContain("DuckDB (the embedded store)");
        checks.Single(c => c.GetProperty("name").GetString() == "the store's folder").GetProperty("ok").GetBoolean().ShouldBeTrue();
        checks.Where(c => !c.GetProperty("ok").GetBoolean()).ShouldAllBe(c => c.GetProperty("fix").GetString()!.Length > 0);
        var ok = json.RootElement.GetProperty("ok").GetBoolean();
        ok.ShouldBe(checks.All(c => c.GetProperty("ok").GetBoolean()));
        run.ExitCode.ShouldBe(ok ? 0 : 6);
        json.RootElement.GetProperty("version").GetString().ShouldBe(DyadVersion.Full);
    }

    [Fact]
    public void Should_Explain_A_Native_Library_That_Would_Not_Load_And_Leave_Other_Errors_Alone()
    {
        var missing = Doctor.NativeLibraryMissing(new InvalidOperationException("training failed",
            new DllNotFoundException("Unable to load shared library 'lib_lightgbm' or one of its dependencies.")));

        missing.ShouldNotBeNull();
        missing.Ok.ShouldBeFalse();
        missing.Name.ShouldStartWith("LightGBM");
        missing.Fix.ShouldNotBeNullOrWhiteSpace();
        Doctor.NativeLibraryMissing(new InvalidOperationException("something else")).ShouldBeNull();
    }
}
