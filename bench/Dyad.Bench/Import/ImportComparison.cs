using System.Globalization;
using System.Text.Json;

namespace Dyad.Bench.Import;

/// <summary>
/// Dyad's import of GTD files of 200,000 and 2,000,000 rows (made from the real 2021 file with the peers'
/// scale_csv.py) beside pandas' load of the same files (pandas_rivalry.py), in one run, runs interleaved so that
/// both meet the same machine. Dyad runs as a user runs it: ./dyad import FILE --db NEW.duckdb, a process per run.
/// Needs ../shared (the data and the peers), Debian's python3-pandas and GNU time (package time).
/// </summary>
internal static class ImportComparison
{
    public static int Run(string[] args)
    {
        var rows = BenchSetup.Option(args, "--rows", "200000,2000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var runs = int.Parse(BenchSetup.Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var root = BenchSetup.RepositoryRoot();
        var shared = BenchSetup.Shared(root);
        var work = BenchSetup.Work();
        if (!File.Exists(Path.Combine(shared, BenchSetup.GtdCsv)))
        {
            Console.Error.WriteLine($"{Path.Combine(shared, BenchSetup.GtdCsv)} is missing: the benchmark needs ../shared beside the repository.");
            return 1;
        }

        Console.WriteLine($"Dyad import vs pandas load, GTD rows from {BenchSetup.GtdCsv}, {runs} run(s) each, interleaved; medians.");
        Console.WriteLine($"{"rows",10} {"dyad s",8} {"dyad MB",8} {"pandas load s",14} {"pandas total s",15} {"pandas MB",10} {"pandas load / dyad",19}");
        foreach (var count in rows)
        {
            var file = BenchSetup.ScaledGtd(shared, count);

            var dyad = new List<MeasuredRun>();
            var pandas = new List<(MeasuredRun Run, double Load)>();
            for (var run = 0; run < runs; run++)
            {
                var db = Path.Combine(work, $"bench_{count}.duckdb");
                File.Delete(db);
                File.Delete(db + ".wal");
                var imported = MeasuredRun.Of(Path.Combine(root, "dyad"), "import", file, "--db", db, "--json");
                Check(imported.Output, count);
                dyad.Add(imported);
                File.Delete(db);

                var peer = MeasuredRun.Of("/usr/bin/python3", Path.Combine(shared, "peers", "pandas_rivalry.py"), file);
                using var json = JsonDocument.Parse(peer.Output);
                pandas.Add((peer, json.RootElement.GetProperty("seconds_load").GetDouble()));
            }

            var dyadSeconds = MeasuredRun.Median(dyad.Select(d => d.Seconds));
            var pandasLoad = MeasuredRun.Median(pandas.Select(p => p.Load));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count,10:N0} {dyadSeconds,8:F2} {MeasuredRun.Median(dyad.Select(d => d.PeakMegabytes)),8:F0} {pandasLoad,14:F2} " +
                $"{MeasuredRun.Median(pandas.Select(p => p.Run.Seconds)),15:F2} {MeasuredRun.Median(pandas.Select(p => p.Run.PeakMegabytes)),10:F0} {pandasLoad / dyadSeconds,18:F2}x"));
        }

        return 0;
    }

    private static void Check(string output, int rows)
    {
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.GetProperty("files")[0];
        if (file.GetProperty("imported").GetInt64() != rows)
        {
            throw new InvalidOperationException($"Dyad imported {file.GetProperty("imported")} of {rows} rows: {output}");
        }
    }
}
