using Dyad.App;
using Dyad.App.Importing;
using Dyad.Store.DuckDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Dyad.Cli.Tests.Hosting;

/// <summary>What the application layer logs: each file with its counts and time, the derivation's time; nothing of a store's password.</summary>
public sealed class ApplicationLogTests
{
    [Fact]
    public void An_import_logs_each_file_s_counts_and_time_and_the_derivation()
    {
        var db = Path.Combine(Path.GetTempPath(), $"dyad-log-{Guid.NewGuid():N}.duckdb");
        var sample = Directory.GetFiles(Path.Combine(Dyad.Testing.SharedData.RepositoryRoot, "data", "samples", "ucdp"), "ged*").Order(StringComparer.Ordinal).First();
        var log = new FakeLogger<ImportBatch>();
        try
        {
            using (var store = DuckDbEventStore.Open(db))
            {
                new ImportBatch(null, null, null, "test") { Log = log }.Run(store, () => RegistryFiles.Load(null), [sample], null, TestContext.Current.CancellationToken);
            }

            var messages = log.Collector.GetSnapshot();
            messages.ShouldContain(m => m.Level == LogLevel.Information && m.Message.StartsWith($"imported {Path.GetFileName(sample)}: read ", StringComparison.Ordinal)
                && m.Message.Contains(" = imported ") && m.Message.EndsWith(" s", StringComparison.Ordinal));
            messages.ShouldContain(m => m.Message.StartsWith("derived places, actors and incidents", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(db);
            File.Delete(db + ".wal");
        }
    }
}
