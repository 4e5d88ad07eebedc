using Dyad.Connectors;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Connectors;

public sealed class RequestBudgetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Two_fetches_at_once_never_spend_more_than_the_day_s_allowance()
    {
        var taken = 0;
        var refused = 0;
        void Fetch()
        {
            // Each fetch its own budget over the same folder, as two commands or two server jobs have.
            var budget = new RequestBudget(_folder.Path, "ucdp", 150, TimeProvider.System);
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    budget.Take();
                    Interlocked.Increment(ref taken);
                }
                catch (DyadException e) when (e.Kind == DyadErrorKind.Unavailable)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }

        await Task.WhenAll(Task.Run(Fetch, TestContext.Current.CancellationToken), Task.Run(Fetch, TestContext.Current.CancellationToken));

        taken.ShouldBe(150);
        refused.ShouldBe(50);
        new RequestBudget(_folder.Path, "ucdp", 150, TimeProvider.System).Used.ShouldBe(150);
    }
}
