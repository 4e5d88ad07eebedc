using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Should_Build_A_Fresh_Store_From_The_Shipped_Samples_And_Show_The_Rivalry()
    {
        using var folder = new TempFolder();
        var db = folder.File("demo.duckdb");

        var first = await CliRun.Of("demo", "--db", db);
        var second = await CliRun.Of("demo", "--db", db);

        first.ExitCode.ShouldBe(0, first.Errors);
        first.Console.ShouldContain("8 IS-K–Taliban clashes");
        first.Console.ShouldContain("Nangarhar");
        first.Console.ShouldContain("2018");
        first.Console.ShouldContain("577");
        first.Console.ShouldMatch(@"read ([\d,]+) = imported [\d,]+ \+ revised [\d,]+ \+ duplicates [\d,]+ \+ rejected 0");
        second.Console.ShouldBe(first.Console, "the demo starts from a fresh store every time");
    }

    [Fact]
    public async Task Should_Not_Replace_Its_Store_While_Another_Process_Has_It_Open()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/flock"), "flock(1) (Debian's util-linux) is needed to play the server.");
        using var folder = new TempFolder();
        var db = folder.File("demo.duckdb");
        (await CliRun.Of("demo", "--db", db)).ExitCode.ShouldBe(0);
        var before = File.ReadAllBytes(db);

        // A server serving the demo's store holds it as flock(1) does here.
        using var server = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/flock", ["-x", db, "sleep", "30"]))!;
        try
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            var refused = await CliRun.Of("demo", "--db", db);
            refused.ExitCode.ShouldBe(4);
            refused.Errors.ShouldContain("open in another Dyad process");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await Task.Delay(500, TestContext.Current.CancellationToken);
        File.ReadAllBytes(db).ShouldBe(before);
    }
}
