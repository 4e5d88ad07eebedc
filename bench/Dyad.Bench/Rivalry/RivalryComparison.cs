using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dyad.Actors;
using Dyad.Analysis.Rivalry;
using Dyad.Bench.Import;
using Dyad.Store;
using Dyad.Store.DuckDb;

namespace Dyad.Bench.Rivalry;

/// <summary>
/// On a 2,000,000-row GTD file (scale_csv.py), imported once, Dyad's rivalry — the whole './dyad rivalry IS-K Taliban'
/// command, and its aggregation alone (the store's query and the analysis, in process) — beside pandas_rivalry.py doing
/// the same work with --sides (keeping the two groups' rows and classing them, after its load), runs interleaved, medians.
/// </summary>
internal static class RivalryComparison
{
    public static int Run(string[] args)
    {
        var rows = int.Parse(BenchSetup.Option(args, "--rows", "2000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(BenchSetup.Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var withPeer = BenchSetup.Option(args, "--peer", "yes") != "no";
        var root = BenchSetup.RepositoryRoot();
        var shared = BenchSetup.Shared(root);
        var dyad = Path.Combine(root, "dyad");
        var work = BenchSetup.Work();
        var file = BenchSetup.ScaledGtd(shared, rows);

        var db = Store(root, rows);

        var registry = ActorRegistry.Parse(File.ReadAllText(Path.Combine(root, "data", "registry", "actors.json")));
        var a = new Side("iskp", "IS-K", registry.WithMembers("iskp"));
        var b = new Side("taliban", "Taliban", registry.WithMembers("taliban"));
        var command = new List<double>();
        var aggregation = new List<double>();
        var warm = new List<double>();
        var pandas = new List<(double Aggregate, double Total)>();
        long dyadic = 0;
        for (var run = 0; run < runs; run++)
        {
            command.Add(MeasuredRun.Of(dyad, "rivalry", "IS-K", "Taliban", "--db", db, "--json").Seconds);
            using (var store = DuckDbEventStore.Open(db))
            {
                // Cold: the first rivalry on a freshly opened store; warm: the same again, as pandas' groupby runs on a frame in memory.
                aggregation.Add(Aggregate(store, a, b, out dyadic));
                warm.Add(Aggregate(store, a, b, out _));
            }

            if (!withPeer)
            {
                continue;
            }

            using var peer = JsonDocument.Parse(MeasuredRun.Of("/usr/bin/python3", Path.Combine(shared, "peers", "pandas_rivalry.py"), file, "--sides", PeerSides).Output);
            pandas.Add((peer.RootElement.GetProperty("seconds_aggregate").GetDouble(), peer.RootElement.GetProperty("seconds_total").GetDouble()));
        }

        var dyadAggregate = MeasuredRun.Median(aggregation);
        var dyadWarm = MeasuredRun.Median(warm);
        var pandasAggregate = pandas.Count == 0 ? double.NaN : MeasuredRun.Median(pandas.Select(p => p.Aggregate));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rivalry on {rows:N0} GTD rows ({dyadic:N0} IS-K and Taliban events), {runs} runs, medians:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ./dyad rivalry IS-K Taliban (whole command, after import): {MeasuredRun.Median(command):F2} s (target < 1 s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Dyad aggregation (store query + analysis, in process):     {dyadAggregate:F3} s on a freshly opened store, {dyadWarm:F3} s again"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pandas --sides aggregation (after its load):              {pandasAggregate:F3} s; load + groupby {(pandas.Count == 0 ? double.NaN : MeasuredRun.Median(pandas.Select(p => p.Total))):F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pandas aggregation / Dyad aggregation: {pandasAggregate / dyadAggregate:F1}x fresh, {pandasAggregate / dyadWarm:F1}x again (target >= 5x)"));
        return 0;
    }

    /// <summary>GTD's names for the two groups, as the peer matches them against gname, gname2 and gname3.</summary>
    private const string PeerSides = "Khorasan Chapter of the Islamic State|Taliban";

    /// <summary>The store of <paramref name="rows"/> GTD-size events the rivalry is measured on (and the server benchmark serves), imported once.</summary>
    public static string Store(string root, int rows)
    {
        var db = Path.Combine(BenchSetup.Work(), $"rivalry_{rows}.duckdb");
        if (!File.Exists(db))
        {
            MeasuredRun.Of(Path.Combine(root, "dyad"), "import", BenchSetup.ScaledGtd(BenchSetup.Shared(root), rows), "--db", db, "--json");
        }

        return db;
    }

    private static double Aggregate(DuckDbEventStore store, Side a, Side b, out long events)
    {
        var watch = Stopwatch.StartNew();
        var cells = store.Rivalry(new RivalryQuery(a.ActorIds, b.ActorIds));
        var result = RivalryAnalysis.Compute(a, b, cells, PeriodUnit.Month, [], key => key);
        events = result.Dyad.Events + result.RolesA.Incidents + result.RolesB.Incidents;
        return watch.Elapsed.TotalSeconds;
    }
}
