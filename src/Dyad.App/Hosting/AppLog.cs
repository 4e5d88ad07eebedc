using Microsoft.Extensions.Logging;

namespace Dyad.App.Hosting;

/// <summary>
/// What the application layer logs, source-generated: each import, fetch and training with its counts and its time.
/// Information level: quiet by default, shown by <c>--verbose</c> (the CLI) and <c>serve --verbose</c>. A store is named
/// by its path or its address without a password, never by a connection string.
/// </summary>
internal static partial class AppLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "imported {File}: read {Read} = imported {Imported} + revised {Revised} + duplicates {Duplicates} + rejected {Rejected}, in {Seconds:F1} s")]
    public static partial void Imported(this ILogger logger, string file, int read, int imported, int revised, int duplicates, int rejected, double seconds);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "could not import {File}: {Reason}")]
    public static partial void NotImported(this ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "derived places, actors and incidents for the new events in {Seconds:F1} s")]
    public static partial void Derived(this ILogger logger, double seconds);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "trained a model on {Attacks} attacks ({Classes} classes, booster {Leaves} leaves) in {Seconds:F1} s")]
    public static partial void Trained(this ILogger logger, int attacks, int classes, int leaves, double seconds);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "backtest: {Steps} step(s), {Attacks} attacks tested, {Searches} search(es), in {Seconds:F1} s{Stopped}")]
    public static partial void BacktestDone(this ILogger logger, int steps, int attacks, int searches, double seconds, string stopped);
}
