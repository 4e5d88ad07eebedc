using Dyad.Web.Imports;

namespace Dyad.Web.Tests;

public sealed class ImportJobRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static ImportJob Job(int minutesAgo, ImportState state) =>
        new($"job{minutesAgo}", "f.csv", "analyst", Now.AddMinutes(-minutesAgo), state, state == ImportState.Done ? 1 : 0, null, null);

    [Fact]
    public void The_server_forgets_finished_imports_after_a_day_or_beyond_the_latest_hundred_and_never_one_under_way()
    {
        var jobs = new List<ImportJob> { Job(60 * 25, ImportState.Done), Job(60 * 30, ImportState.Running), Job(60 * 26, ImportState.Queued), Job(5, ImportState.Failed) };
        jobs.AddRange(Enumerable.Range(10, 120).Select(m => Job(m, ImportState.Done)));

        var expired = ImportJobs.Expired(jobs, Now).ToHashSet();

        expired.ShouldContain("job1500", "finished more than a day ago");
        expired.ShouldNotContain("job1800", "still running");
        expired.ShouldNotContain("job1560", "still queued");
        expired.ShouldNotContain("job5");
        expired.Count.ShouldBe(jobs.Count(j => j.State is ImportState.Done or ImportState.Failed) - ImportJobs.KeepFinished);
    }
}
