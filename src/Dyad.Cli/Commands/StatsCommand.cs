using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class StatsCommand(CliOutput output) : AsyncCommand<StoreJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, StoreJsonSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var statistics = store.Statistics();
        output.Result(settings.Json, statistics, () => StatsRenderer.Render(output.Console, statistics));

        return Task.FromResult(ExitCodes.Success);
    }
}
