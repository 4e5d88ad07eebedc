using System.Diagnostics;
using System.Text;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>A kill in the middle of an import leaves the store as it was before it.</summary>
public sealed class InterruptedImportTests
{
    [Fact]
    public async Task Should_Leave_The_Store_As_It_Was_When_The_Process_Is_Killed_Midway()
    {
        using var folder = new TempFolder();
        var db = folder.File("store.duckdb");
        (await CliRun.Of("import", folder.Write("small.csv", Fixtures.Gtd(Fixtures.GtdRow(1))), "--db", db)).ExitCode.ShouldBe(0);
        var big = new StringBuilder(Fixtures.GtdHeader).Append('\n');
        for (var i = 100; i < 600_000; i++)
        {
            big.Append(Fixtures.GtdRow(i)).Append('\n');
        }

        var bigFile = folder.Write("big.csv", big.ToString());

        using (var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "dyad.dll"), "import", bigFile, "--db", db])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!)
        {
            // Wait until the import is under way — DuckDB writes a large uncommitted append straight into the store's
            // file, which grows — then kill it without warning.
            var before = new FileInfo(db).Length;
            var started = Stopwatch.StartNew();
            while (new FileInfo(db).Length < before + (4 << 20) && started.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            Assert.SkipWhen(process.HasExited, "the import finished before it could be killed; nothing to check");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var stats = await CliRun.Of("stats", "--db", db, "--json");
        stats.ExitCode.ShouldBe(0, stats.Errors);
        stats.Data.ShouldContain("\"events\":1,");
        stats.Data.ShouldContain("\"imports\":1,");
    }
}
