using System.Diagnostics;
using Dyad.Store.DuckDb;
using Dyad.Testing;

namespace Dyad.Store.Tests.DuckDb;

/// <summary>One process writes a DuckDB store at a time: a second is refused, whatever DuckDB's own lock does.</summary>
public sealed class StoreFileLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static bool Flock => File.Exists("/usr/bin/flock");

    [Fact]
    public void Should_Hold_The_File_Against_Other_Processes_While_Any_Store_Of_This_Process_Has_It_Open()
    {
        Assert.SkipUnless(Flock, "flock(1) (Debian's util-linux) is needed to play the other process.");
        var db = _folder.File("store.duckdb");
        var first = DuckDbEventStore.Open(db);
        var second = DuckDbEventStore.Open(db);
        OtherProcessCanLock(db).ShouldBeFalse();
        first.Dispose();
        OtherProcessCanLock(db).ShouldBeFalse("a server's other connections still hold it");
        second.Dispose();
        OtherProcessCanLock(db).ShouldBeTrue();
    }

    [Fact]
    public void Should_Refuse_A_Store_Another_Process_Holds_Before_Touching_It()
    {
        Assert.SkipUnless(Flock, "flock(1) (Debian's util-linux) is needed to play the other process.");
        var db = _folder.File("store.duckdb");
        DuckDbEventStore.Open(db).Dispose();
        var before = File.ReadAllBytes(db);
        using var other = Process.Start(new ProcessStartInfo("/usr/bin/flock", ["-x", db, "sleep", "30"]))!;
        try
        {
            for (var i = 0; i < 50 && OtherProcessCanLock(db); i++)
            {
                Thread.Sleep(100);
            }

            var refused = Should.Throw<DyadException>(() => DuckDbEventStore.Open(db));
            refused.Kind.ShouldBe(DyadErrorKind.Conflict);
            refused.Message.ShouldContain("open in another Dyad process");
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            other.WaitForExit();
        }

        // The other process's lock goes with it, a moment after it is killed; this one holds nothing.
        for (var i = 0; i < 50 && !OtherProcessCanLock(db); i++)
        {
            Thread.Sleep(100);
        }

        OtherProcessCanLock(db).ShouldBeTrue();
        File.ReadAllBytes(db).ShouldBe(before);
    }

    /// <summary>Whether another process can take the lock at once.</summary>
    private static bool OtherProcessCanLock(string path)
    {
        using var flock = Process.Start(new ProcessStartInfo("/usr/bin/flock", ["-n", "-x", path, "true"]))!;
        flock.WaitForExit();
        return flock.ExitCode == 0;
    }
}
