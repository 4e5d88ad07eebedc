using Dyad.Store.Accounts;

namespace Dyad.Web.Tests;

/// <summary>A server started as <c>dyad serve --verbose</c>.</summary>
public sealed class VerboseServedStore : ServedStore
{
    protected override bool Verbose => true;
}

public sealed class RequestLogTests(VerboseServedStore served) : IClassFixture<VerboseServedStore>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_verbose_server_logs_each_request_with_its_status_time_and_user_but_not_its_query()
    {
        var client = served.WithToken(UserRole.Viewer);
        (await client.GetAsync("/api/events?actor=IS-K&limit=1", Cancel)).EnsureSuccessStatusCode();
        await client.GetAsync("/api/claims/999999", Cancel);

        var requests = served.Logged.Messages.Where(m => m.Category == Hosting.RequestLog.Category).Select(m => m.Message).ToList();
        requests.ShouldContain(m => m.StartsWith("GET /api/events 200 in ", StringComparison.Ordinal) && m.EndsWith("ms (viewer)", StringComparison.Ordinal));
        requests.ShouldContain(m => m.StartsWith("GET /api/claims/999999 404 in ", StringComparison.Ordinal));
        requests.ShouldNotContain(m => m.Contains("IS-K", StringComparison.Ordinal), "a query may hold what an analyst searched for");
    }
}
