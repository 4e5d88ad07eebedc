using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dyad.Web.Tests;

/// <summary>A logger provider that keeps every message it is given, for a test to read.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _messages = new();

    public IReadOnlyList<(string Category, string Message)> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _messages);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, string)> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue((category, formatter(state, exception)));
    }
}
