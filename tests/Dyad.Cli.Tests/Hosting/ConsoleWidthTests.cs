using Dyad.Cli.Hosting;

namespace Dyad.Cli.Tests.Hosting;

/// <summary>Tables fit the width the user has: $COLUMNS, else the terminal's, else (a file or a pipe) wide enough not to wrap.</summary>
public sealed class ConsoleWidthTests
{
    [Theory]
    [InlineData("132", 80, 132)]
    [InlineData("132", null, 132)]
    [InlineData(null, 100, 100)]
    [InlineData(null, null, CliOutput.UnboundedWidth)]
    [InlineData("", null, CliOutput.UnboundedWidth)]
    [InlineData("wide", 90, 90)]
    [InlineData("5", null, CliOutput.UnboundedWidth)]
    public void Tables_are_laid_out_for_COLUMNS_else_the_terminal_else_unbounded(string? columns, int? terminal, int expected) =>
        CliOutput.Width(columns, terminal).ShouldBe(expected);
}
