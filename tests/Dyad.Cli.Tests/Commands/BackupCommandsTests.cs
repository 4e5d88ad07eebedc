using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>backup and restore: a whole store and back, and never over a file that is there.</summary>
public sealed class BackupCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public BackupCommandsTests()
    {
        CliRun.Of("import", _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(2, "Taliban"))), "--db", Db).GetAwaiter().GetResult().ExitCode.ShouldBe(0);
        CliRun.Of("sources", "add", "--db", Db, "--code", "AMAQ-2020-05-08", "--type", "news-agency", "--publisher", "Amaq News Agency")
            .GetAwaiter().GetResult().ExitCode.ShouldBe(0);
    }

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    [Fact]
    public async Task Should_Restore_Every_Event_And_Record_Into_A_Store_That_Takes_New_Ones()
    {
        var backup = _folder.File("backup.duckdb");
        var restored = _folder.File("restored.duckdb");

        (await CliRun.Of("backup", "--db", Db, "--out", backup)).ExitCode.ShouldBe(0);
        var restore = await CliRun.Of("restore", backup, "--db", restored, "--json");
        var added = await CliRun.Of("sources", "add", "--db", restored, "--code", "ISK-30", "--type", "interview", "--title", "Invented interview");

        restore.ExitCode.ShouldBe(0, restore.Errors);
        restore.Data.ShouldContain("\"events\":2");
        added.ExitCode.ShouldBe(0, added.Errors);
        (await CliRun.Of("sources", "list", "--db", restored, "--json")).Data.ShouldContain("AMAQ-2020-05-08");
        (await CliRun.Of("stats", "--db", Db, "--json")).Data.ShouldContain("\"events\":2,", customMessage: "the backed-up store is untouched");
    }

    [Fact]
    public async Task Should_Not_Back_Up_Over_A_File_That_Is_There()
    {
        var notes = _folder.Write("notes.txt", "an analyst's notes");

        var run = await CliRun.Of("backup", "--db", Db, "--out", notes);

        run.ExitCode.ShouldBe(4);
        run.Errors.ShouldContain("exists");
        File.ReadAllText(notes).ShouldBe("an analyst's notes");
    }

    [Fact]
    public async Task Should_Not_Restore_Over_A_Store_Or_From_A_File_That_Is_No_Backup()
    {
        var backup = _folder.File("backup.duckdb");
        (await CliRun.Of("backup", "--db", Db, "--out", backup)).ExitCode.ShouldBe(0);
        var before = File.ReadAllBytes(Db);

        var over = await CliRun.Of("restore", backup, "--db", Db);
        var notBackup = await CliRun.Of("restore", _folder.Write("notes.csv", "a,b\n1,2\n"), "--db", _folder.File("new.duckdb"));

        over.ExitCode.ShouldBe(4);
        File.ReadAllBytes(Db).ShouldBe(before);
        notBackup.ExitCode.ShouldBe(3);
        notBackup.Errors.ShouldContain("not a Dyad store");
        File.Exists(_folder.File("new.duckdb")).ShouldBeFalse();
    }
}
