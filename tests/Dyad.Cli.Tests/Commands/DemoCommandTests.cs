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
}
