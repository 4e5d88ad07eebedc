using Dyad.App.Views;
using Spectre.Console;

namespace Dyad.Cli.Hosting;

/// <summary>
/// Where a command writes: <see cref="Console"/> for people (tables, progress, colour), <see cref="Data"/> for machines
/// (JSON, CSV, GeoJSON on standard output, never wrapped or coloured), <see cref="Errors"/> for messages.
/// </summary>
public sealed record CliOutput(IAnsiConsole Console, TextWriter Data, TextWriter Errors, bool Interactive)
{
    /// <summary>A command's result: JSON on <see cref="Data"/> when the user asked for --json, else the terminal rendering.</summary>
    public void Result<T>(bool json, T value, Action render)
    {
        if (json)
        {
            DyadJson.Write(Data, value);
        }
        else
        {
            render();
        }
    }

    public static CliOutput ForProcess()
    {
        var stdout = new StreamWriter(System.Console.OpenStandardOutput()) { AutoFlush = true };
        return new CliOutput(AnsiConsole.Console, stdout, System.Console.Error,
            Interactive: !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected);
    }
}
