using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Dyad.Bench.Import;

/// <summary>
/// Dyad's import of GTD files of 200,000 and 2,000,000 rows (made from the real 2021 file with the peers'
/// scale_csv.py), and of the real 2021 workbook, beside pandas' load of the same files (pandas_rivalry.py's read_csv;
/// read_excel with openpyxl for the workbook), in one run, runs interleaved so that both meet the same machine. Dyad
/// runs as a user runs it: ./dyad import FILE --db NEW.duckdb, a process per run. Beside them, DuckDB's own read_csv
/// of the CSV into a table in memory (every column as text), and DuckDB copying the events Dyad stored into a new table
/// of the same store, to disk: what the engine itself costs to parse the file, and to store the parsed events, before
/// any of Dyad's work. Needs ../shared (the data and the peers), Debian's python3-pandas and
/// python3-openpyxl, and GNU time (package time).
/// </summary>
internal static class ImportComparison
{
    private const string GtdXlsx = "data/gtd/globalterrorismdb_2021Jan-June_1222dist.xlsx";

    public static int Run(string[] args)
    {
        var rows = BenchSetup.Option(args, "--rows", "200000,2000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var runs = int.Parse(BenchSetup.Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var root = BenchSetup.RepositoryRoot();
        var shared = BenchSetup.Shared(root);
        if (!File.Exists(Path.Combine(shared, BenchSetup.GtdCsv)))
        {
            Console.Error.WriteLine($"{Path.Combine(shared, BenchSetup.GtdCsv)} is missing: the benchmark needs ../shared beside the repository.");
            return 1;
        }

        Console.WriteLine($"Dyad import vs pandas load, GTD rows from {BenchSetup.GtdCsv}, {runs} run(s) each, interleaved; medians.");
        Console.WriteLine($"{"file",-28} {"rows",10} {"dyad s",8} {"dyad MB",8} {"pandas load s",14} {"pandas MB",10} {"pandas / dyad",14} {"duckdb read_csv s",18} {"duckdb store s",15}");
        foreach (var count in rows)
        {
            var file = BenchSetup.ScaledGtd(shared, count);
            Compare(root, file, count, runs, () => PandasCsv(shared, file), () => DuckDbReadCsv(file));
        }

        var workbook = Path.Combine(shared, GtdXlsx);
        if (File.Exists(workbook))
        {
            Compare(root, workbook, null, runs, () => PandasExcel(workbook), null);
        }

        return 0;
    }

    private static void Compare(string root, string file, int? expectedRows, int runs, Func<(MeasuredRun Run, double Load)> pandas, Func<double>? engine)
    {
        var dyad = new List<MeasuredRun>();
        var peer = new List<(MeasuredRun Run, double Load)>();
        var engineSeconds = new List<double>();
        var storeSeconds = new List<double>();
        long imported = 0;
        for (var run = 0; run < runs; run++)
        {
            var db = Path.Combine(BenchSetup.Work(), "bench_import.duckdb");
            File.Delete(db);
            File.Delete(db + ".wal");
            var measured = MeasuredRun.Of(Path.Combine(root, "dyad"), "import", file, "--db", db, "--json");
            imported = Imported(measured.Output, expectedRows);
            dyad.Add(measured);
            storeSeconds.Add(DuckDbStoreCopy(db));
            File.Delete(db);
            peer.Add(pandas());
            if (engine is not null)
            {
                engineSeconds.Add(engine());
            }
        }

        var dyadSeconds = MeasuredRun.Median(dyad.Select(d => d.Seconds));
        var pandasLoad = MeasuredRun.Median(peer.Select(p => p.Load));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(file),-28} {imported,10:N0} {dyadSeconds,8:F2} {MeasuredRun.Median(dyad.Select(d => d.PeakMegabytes)),8:F0} {pandasLoad,14:F2} " +
            $"{MeasuredRun.Median(peer.Select(p => p.Run.PeakMegabytes)),10:F0} {pandasLoad / dyadSeconds,13:F2}x " +
            $"{(engineSeconds.Count == 0 ? "" : MeasuredRun.Median(engineSeconds).ToString("F2", CultureInfo.InvariantCulture)),18} {MeasuredRun.Median(storeSeconds),15:F2}"));
    }

    private static (MeasuredRun, double) PandasCsv(string shared, string file)
    {
        var run = MeasuredRun.Of("/usr/bin/python3", Path.Combine(shared, "peers", "pandas_rivalry.py"), file);
        using var json = JsonDocument.Parse(run.Output);
        return (run, json.RootElement.GetProperty("seconds_load").GetDouble());
    }

    /// <summary>pandas' read_excel with openpyxl, as a notebook loads the official workbook; timed inside Python like the CSV peer.</summary>
    private static (MeasuredRun, double) PandasExcel(string workbook)
    {
        const string Script = "import sys, time, pandas as pd\nt = time.perf_counter()\npd.read_excel(sys.argv[1], engine='openpyxl')\nprint(time.perf_counter() - t)";
        var run = MeasuredRun.Of("/usr/bin/python3", "-c", Script, workbook);
        return (run, double.Parse(run.Output.Trim(), CultureInfo.InvariantCulture));
    }

    private static double DuckDbReadCsv(string file)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE t AS SELECT * FROM read_csv('{file.Replace("'", "''", StringComparison.Ordinal)}', all_varchar = true)";
        command.ExecuteNonQuery();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>DuckDB writing the store's events again, into a new table, and checkpointing it to disk.</summary>
    private static double DuckDbStoreCopy(string db)
    {
        using var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = db }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        var watch = Stopwatch.StartNew();
        command.CommandText = "CREATE TABLE events_copy AS SELECT * FROM events; CHECKPOINT;";
        command.ExecuteNonQuery();
        return watch.Elapsed.TotalSeconds;
    }

    private static long Imported(string output, int? expected)
    {
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.GetProperty("files")[0];
        var imported = file.GetProperty("imported").GetInt64();
        if (expected is { } rows && imported != rows)
        {
            throw new InvalidOperationException($"Dyad imported {imported} of {rows} rows: {output}");
        }

        return imported;
    }
}
