using System.Diagnostics;
using System.Globalization;
using Dyad.Bench.Import;
using Dyad.Bench.Linking;

namespace Dyad.Bench.Stores;

/// <summary>
/// The two stores side by side on an ACLED-size file (the real global ACLED export scaled by the peers' scale_csv.py,
/// its copies a week apart, as the linking benchmark makes it): './dyad import' into a DuckDB file and into a PostgreSQL
/// database, then the main queries, each the whole command in a process of its own (medians of the runs), with Dyad's
/// peak memory and the store's size on disk. PostgreSQL is a throwaway cluster on loopback (scripts/postgres-cluster.sh,
/// durable: fsync on) unless --postgres names a server.
/// </summary>
internal static class StoresBenchmark
{
    public static int Run(string[] args)
    {
        var rows = int.Parse(BenchSetup.Option(args, "--rows", "2000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(BenchSetup.Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var root = BenchSetup.RepositoryRoot();
        var dyad = Path.Combine(root, "dyad");
        var work = BenchSetup.Work();
        var acled = LinkingBenchmark.SpreadAcled(BenchSetup.Shared(root), rows);

        var cluster = Path.Combine(work, "postgres-cluster");
        var server = BenchSetup.Option(args, "--postgres", "");
        var started = server.Length == 0;
        if (started)
        {
            if (Directory.Exists(cluster))
            {
                // A cluster an interrupted run left behind: stopped if it still runs, then made anew.
                if (File.Exists(Path.Combine(cluster, "data", "postmaster.pid")))
                {
                    Script(root, "stop", cluster);
                }

                Directory.Delete(cluster, recursive: true);
            }

            server = Script(root, "start", cluster, "54377", "--durable").Trim();
        }

        try
        {
            var postgres = server[..server.LastIndexOf('/')] + "/dyad_bench";
            Psql(server, "DROP DATABASE IF EXISTS dyad_bench WITH (FORCE)");
            Psql(server, "CREATE DATABASE dyad_bench");
            var duckDb = Path.Combine(work, $"stores_{rows}.duckdb");
            File.Delete(duckDb);
            File.Delete(duckDb + ".wal");

            Console.WriteLine($"DuckDB and PostgreSQL on {rows:N0} ACLED-size events; each step a ./dyad command; medians of {runs} run(s) (import: one).");
            Console.WriteLine($"{"step",-58} {"DuckDB s",9} {"MB",6} {"PostgreSQL s",13} {"MB",6}");
            Step("import (parse, store, places, actors, incidents)", 1, dyad, ["import", acled, "--json"], duckDb, postgres);
            Step("stats (counts by dataset, country, year, actor)", runs, dyad, ["stats", "--json"], duckDb, postgres);
            Step("events --country Afghanistan --from 2022 --limit 1000", runs, dyad, ["events", "--country", "Afghanistan", "--from", "2022", "--limit", "1000", "--format", "json"], duckDb, postgres);
            Step("events --actor taliban --limit 1000", runs, dyad, ["events", "--actor", "taliban", "--limit", "1000", "--format", "json"], duckDb, postgres);
            Step("rivalry IS-K Taliban (by month)", runs, dyad, ["rivalry", "IS-K", "Taliban", "--json"], duckDb, postgres);
            Step("incidents link (every event against every other)", 1, dyad, ["incidents", "link", "--json"], duckDb, postgres);
            var pgBytes = long.Parse(Psql(postgres, "SELECT pg_database_size(current_database())").Trim(), CultureInfo.InvariantCulture);
            Console.WriteLine($"{"size on disk (MB)",-58} {new FileInfo(duckDb).Length / 1_048_576.0,9:F0} {"",6} {pgBytes / 1_048_576.0,13:F0}");
            File.Delete(duckDb);
            Psql(server, "DROP DATABASE IF EXISTS dyad_bench WITH (FORCE)");
        }
        finally
        {
            if (started)
            {
                Script(root, "stop", cluster);
            }
        }

        return 0;
    }

    private static void Step(string name, int runs, string dyad, string[] command, string duckDb, string postgres)
    {
        var onFile = Enumerable.Range(0, runs).Select(_ => MeasuredRun.Of(dyad, [.. command, "--db", duckDb])).ToList();
        var onServer = Enumerable.Range(0, runs).Select(_ => MeasuredRun.Of(dyad, [.. command, "--db", postgres])).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-58} {MeasuredRun.Median(onFile.Select(r => r.Seconds)),9:F2} {MeasuredRun.Median(onFile.Select(r => r.PeakMegabytes)),6:F0} " +
            $"{MeasuredRun.Median(onServer.Select(r => r.Seconds)),13:F2} {MeasuredRun.Median(onServer.Select(r => r.PeakMegabytes)),6:F0}"));
    }

    private static string Script(string root, params string[] arguments) =>
        MeasuredRun.Of(Path.Combine(root, "scripts", "postgres-cluster.sh"), arguments).Output;

    private static string Psql(string address, string sql)
    {
        var start = new ProcessStartInfo("psql", ["-X", "-A", "-t", "-q", "-c", sql, address]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start psql.");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"psql: {errors}");
    }
}
