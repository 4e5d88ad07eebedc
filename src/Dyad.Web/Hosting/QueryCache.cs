using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Dyad.Web.Hosting;

/// <summary>
/// Answers to read requests computed lately, by what was asked and what the reader may see: a team asks the same
/// pages, counts and rivalries again and again, and each reads a large part of the store. Each answer is computed once
/// however many ask for it at the same moment. After <see cref="Kept"/> the answer is still given while it is computed
/// again in the background; any write through this server forgets them all, so that what it changed is never
/// answered from before. A change made elsewhere (the command line on the same PostgreSQL store) is seen within a
/// minute or so.
/// </summary>
public sealed class QueryCache(TimeProvider clock)
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    /// <summary>Enough for a team's usual questions; when full, the cache starts again.</summary>
    private const int MaxEntries = 2048;

    private readonly ConcurrentDictionary<string, Entry> _answers = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>The request's answer as computed lately for a reader who may see as much, or computed now.</summary>
    /// <param name="seesProtected">Whether the reader may see restricted and protected sources (answers differ by it).</param>
    public async Task<T> Answer<T>(HttpRequest request, bool seesProtected, Func<Task<T>> compute)
        where T : notnull
    {
        var key = $"{(seesProtected ? "all" : "public")}|{request.Path}{request.QueryString}";
        var generation = Interlocked.Read(ref _generation);
        var now = clock.GetUtcNow();
        var entry = _answers.AddOrUpdate(key, _ => Start(compute, generation, now), (_, kept) =>
            kept.Generation != generation || kept.Answer.IsFaulted || kept.Answer.IsCanceled ? Start(compute, generation, now) : kept);
        if (entry.Answer.IsCompletedSuccessfully && now - entry.Computed >= Kept && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
        {
            // Old but good: answered as it is, and computed again once, in the background, for the next to ask.
            var fresh = Start(compute, generation, now);
            _ = fresh.Answer.ContinueWith(done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    _answers.TryUpdate(key, fresh, entry);
                }
            }, TaskScheduler.Default);
        }

        if (_answers.Count > MaxEntries)
        {
            _answers.Clear();
        }

        return (T)await entry.Answer;
    }

    /// <summary>Forgets every answer: the store changed.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _answers.Clear();
    }

    private static Entry Start<T>(Func<Task<T>> compute, long generation, DateTimeOffset now) where T : notnull =>
        new(Task.Run(async () => (object)await compute()), generation, now);

    private sealed class Entry(Task<object> answer, long generation, DateTimeOffset computed)
    {
        public Task<object> Answer { get; } = answer;

        public long Generation { get; } = generation;

        public DateTimeOffset Computed { get; } = computed;

        /// <summary>1 once a computation of the next answer has started.</summary>
        public int Refreshing;
    }
}
