using Spectre.Console;

namespace Dyad.Cli.Hosting;

/// <summary>
/// Where a command writes: <see cref="Console"/> for people (tables, progress, colour), <see cref="Data"/> for machines
/// (JSON, CSV, GeoJSON on standard output, never wrapped or coloured), <see cref="Errors"/> for messages.
/// </summary>
public sealed record CliOutput(IAnsiConsole Console, TextWriter Data, TextWriter Errors, bool Interactive)
{
    public static CliOutput ForProcess()
    {
        var stdout = new StreamWriter(System.Console.OpenStandardOutput()) { AutoFlush = true };
        return new CliOutput(AnsiConsole.Console, stdout, System.Console.Error,
            Interactive: !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected);
    }
}
