using Dyad.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace Dyad.Cli.Hosting;

/// <summary>
/// The command line's logs: Microsoft's console logger on standard error (standard output keeps results), quiet
/// (warnings only) unless the command was given --verbose — which is known only once its settings are parsed, after the
/// container is built, so the level is a switch that the interceptor turns.
/// </summary>
internal sealed class CliLogging : ICommandInterceptor
{
    private volatile bool _verbose;

    public void Intercept(CommandContext context, CommandSettings settings) => _verbose = settings is StoreSettings { Verbose: true };

    public void Add(IServiceCollection services) => services.AddLogging(logging => logging
        .AddFilter(Shows)
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        })
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));

    /// <summary>Whether a message is written: warnings always, Dyad's information when --verbose.</summary>
    public bool Shows(string? category, LogLevel level) => level >= LogLevel.Warning || (_verbose && level >= LogLevel.Information && category?.StartsWith("Dyad", StringComparison.Ordinal) == true);
}
