using Dyad.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dyad.Web.Tests;

/// <summary>The server's answers to reads: computed once, given again, refreshed in the background, forgotten on a write.</summary>
public sealed class QueryCacheTests
{
    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/events";
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public async Task Should_Compute_An_Answer_Once_However_Many_Ask_At_Once()
    {
        var cache = new QueryCache(TimeProvider.System);
        var computed = 0;
        var gate = new TaskCompletionSource();
        async Task<string> Compute()
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            return "page";
        }

        var asking = Enumerable.Range(0, 20).Select(_ => cache.Answer(Request("?actor=IS-K"), false, Compute)).ToList();
        gate.SetResult();
        (await Task.WhenAll(asking)).ShouldAllBe(a => a == "page");
        computed.ShouldBe(1);
    }

    [Fact]
    public async Task Should_Give_An_Old_Answer_While_The_Next_Is_Computed_And_Forget_All_On_A_Write()
    {
        var clock = new SteppedClock();
        var cache = new QueryCache(clock);
        var version = 1;
        Task<int> Compute() => Task.FromResult(version);

        (await cache.Answer(Request("?a=1"), false, Compute)).ShouldBe(1);
        version = 2;
        (await cache.Answer(Request("?a=1"), false, Compute)).ShouldBe(1);
        (await cache.Answer(Request("?a=1"), true, Compute)).ShouldBe(2, "a reader who sees protected sources has answers of their own");

        clock.Advance(QueryCache.Kept + TimeSpan.FromSeconds(1));
        (await cache.Answer(Request("?a=1"), false, Compute)).ShouldBe(1, "the old answer, while the next is computed");
        for (var i = 0; i < 100 && await cache.Answer(Request("?a=1"), false, Compute) == 1; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        (await cache.Answer(Request("?a=1"), false, Compute)).ShouldBe(2);
        version = 3;
        cache.Forget();
        (await cache.Answer(Request("?a=1"), false, Compute)).ShouldBe(3);
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
