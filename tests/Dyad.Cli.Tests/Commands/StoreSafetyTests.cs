using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>A user's data is sacred: no command writes to a file that is not a store, replaces a store it did not make, or reads a path as options.</summary>
public sealed class StoreSafetyTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _gtd;

    public StoreSafetyTests()
    {
        _gtd = _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(2), Fixtures.GtdRow(3)));
        CliRun.Of("import", _gtd, "--db", Db).GetAwaiter().GetResult().ExitCode.ShouldBe(0);
    }

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    [Fact]
    public async Task The_demo_never_replaces_a_store_or_a_file_it_did_not_make()
    {
        var notes = _folder.Write("notes.txt", "an analyst's notes");

        var onStore = await CliRun.Of("demo", "--db", Db);
        var onFile = await CliRun.Of("demo", "--db", notes);

        onStore.ExitCode.ShouldBe(2);
        onStore.Errors.ShouldContain("not a store the demo made");
        (await CliRun.Of("stats", "--db", Db)).Console.ShouldContain("3 events");
        onFile.ExitCode.ShouldBe(2);
        File.ReadAllText(notes).ShouldBe("an analyst's notes");
    }

    [Fact]
    public async Task The_demo_never_writes_into_a_PostgreSQL_database()
    {
        var run = await CliRun.Of("demo", "--db", "postgres://ana:secret@127.0.0.1:1/team");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("DuckDB file");
        run.Errors.ShouldNotContain("secret");
        Directory.Exists("postgres:").ShouldBeFalse("no folder is made of the address");
    }

    [Fact]
    public async Task A_store_path_with_a_semicolon_is_a_path()
    {
        var folder = Directory.CreateDirectory(_folder.File("a;b=c")).FullName;

        var run = await CliRun.Of("import", _gtd, "--db", Path.Combine(folder, "s.duckdb"));

        run.ExitCode.ShouldBe(0, run.Errors);
        File.Exists(Path.Combine(folder, "s.duckdb")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_db_that_is_not_a_store_is_refused_before_anything_is_written()
    {
        var notes = _folder.Write("notes.csv", "an,analyst's,notes\n");

        var run = await CliRun.Of("import", _gtd, "--db", notes);

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain("not a Dyad store");
        File.ReadAllText(notes).ShouldBe("an,analyst's,notes\n");
    }

    [Fact]
    public async Task A_store_made_by_a_newer_dyad_exits_4_not_as_a_bug()
    {
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_versions (version) VALUES (999)";
            command.ExecuteNonQuery();
        }

        var run = await CliRun.Of("stats", "--db", Db);

        run.ExitCode.ShouldBe(4);
        run.Errors.ShouldContain("made by a newer Dyad");
        run.Errors.ShouldNotContain("bug");
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("events")]
    [InlineData("rivalry", "IS-K", "Taliban")]
    public async Task A_read_command_on_a_mistyped_db_makes_no_store(params string[] command)
    {
        var typo = _folder.File("sotre.duckdb");

        var run = await CliRun.Of([.. command, "--db", typo]);

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain($"{typo}: no store there");
        run.Errors.ShouldContain("dyad import");
        File.Exists(typo).ShouldBeFalse();
    }

    [Fact]
    public async Task An_import_that_reads_nothing_leaves_no_new_store_and_an_existing_one_as_it_was()
    {
        var fresh = _folder.File("fresh.duckdb");

        var intoNew = await CliRun.Of("import", _folder.File("missing.csv"), "--db", fresh);
        var intoOld = await CliRun.Of("import", _folder.File("missing.csv"), "--db", Db);

        intoNew.ExitCode.ShouldBe(3);
        intoNew.Errors.ShouldContain("missing.csv");
        File.Exists(fresh).ShouldBeFalse();
        File.Exists(fresh + ".wal").ShouldBeFalse();
        intoOld.ExitCode.ShouldBe(3);
        (await CliRun.Of("stats", "--db", Db)).Console.ShouldContain("3 events");
    }

    [Fact]
    public async Task A_folder_this_user_may_not_write_is_named_as_a_permission_not_a_bug()
    {
        // /sys refuses new files even to root, as a read-only folder refuses them to an ordinary user.
        if (!Directory.Exists("/sys"))
        {
            Assert.Skip("needs Linux's /sys, a folder no user may make files in");
        }

        var run = await CliRun.Of("import", _gtd, "--db", "/sys/dyad-test.duckdb");

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain("permission denied");
        run.Errors.ShouldContain("may not make files in the folder /sys");
        run.Errors.ShouldNotContain("bug");
    }
}
