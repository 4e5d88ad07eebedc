using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Dyad.Web.Hosting;

/// <summary>
/// Answers to read requests computed lately, by what was asked and what the reader may see: a team asks the same
/// pages, counts and rivalries again and again, and each reads a large part of the store. Any write through this
/// server forgets them all; a change made elsewhere (the command line on the same PostgreSQL store) is seen within
/// <see cref="Kept"/>.
/// </summary>
public sealed class QueryCache(TimeProvider clock)
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    /// <summary>Enough for a team's usual questions; when full, the cache starts again.</summary>
    private const int MaxEntries = 2048;

    private readonly ConcurrentDictionary<string, (object Answer, long Generation, DateTimeOffset Computed)> _answers = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>The request's answer as computed lately for a reader who may see as much, or computed now.</summary>
    /// <param name="seesProtected">Whether the reader may see restricted and protected sources (answers differ by it).</param>
    public async ValueTask<T> Answer<T>(HttpRequest request, bool seesProtected, Func<ValueTask<T>> compute)
        where T : notnull
    {
        var key = $"{(seesProtected ? "all" : "public")}|{request.Path}{request.QueryString}";
        var generation = Interlocked.Read(ref _generation);
        var now = clock.GetUtcNow();
        if (_answers.TryGetValue(key, out var kept) && kept.Generation == generation && now - kept.Computed < Kept && kept.Answer is T answer)
        {
            return answer;
        }

        var computed = await compute();
        if (_answers.Count >= MaxEntries)
        {
            _answers.Clear();
        }

        _answers[key] = (computed, generation, now);
        return computed;
    }

    /// <summary>Forgets every answer: the store changed.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _answers.Clear();
    }
}
