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
        var console = AnsiConsole.Console;
        console.Profile.Width = Width(Environment.GetEnvironmentVariable("COLUMNS"), System.Console.IsOutputRedirected ? null : console.Profile.Width);
        return new CliOutput(console, stdout, System.Console.Error,
            Interactive: !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected);
    }

    /// <summary>The width of output written when no terminal says how wide it is (a file, a pipe, a log).</summary>
    public const int UnboundedWidth = 200;

    /// <summary>
    /// The width tables are laid out for: <c>$COLUMNS</c> when set (as the shell sets it, or the user does to ask), else
    /// the terminal's, else <see cref="UnboundedWidth"/>. Written to a file or a pipe, Spectre would assume 80 columns,
    /// and a table of nine columns wrapped its cells every six characters into a log nobody can read.
    /// </summary>
    public static int Width(string? columns, int? terminal) =>
        int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var named) && named >= 20 ? named
        : terminal ?? UnboundedWidth;
}
