using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Dyad.Bench.Import;

namespace Dyad.Bench.Linking;

/// <summary>
/// Linking incidents across datasets at scale: ACLED-size files (2,000,000 and 200,000 rows, from the real global
/// ACLED export) against GTD-size files (200,000 and 20,000 rows, from the real 2021 GTD file), both made by the
/// peers' scale_csv.py. scale_csv.py repeats a file's rows with new ids, so every copy would fall on the same days
/// and points as the first — a density no real dataset has; each copy k is therefore moved k weeks later (GTD's
/// also a year later, onto ACLED's 2022), which spreads the 2,000,000 ACLED rows over four and a half years, about
/// ACLED's real density. The files are imported once; then './dyad incidents link' (the whole command, a process per
/// run) is timed, medians of the runs, with its peak memory.
/// </summary>
internal static class LinkingBenchmark
{
    private const string AcledCsv = "data/acled/acledR_acled_old_deletion_dummy_global9000.csv";

    public static int Run(string[] args)
    {
        var sizes = BenchSetup.Option(args, "--sizes", "200000:20000,2000000:200000").Split(',')
            .Select(s => s.Split(':')).Select(p => (Acled: int.Parse(p[0], CultureInfo.InvariantCulture), Gtd: int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        var runs = int.Parse(BenchSetup.Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var root = BenchSetup.RepositoryRoot();
        var shared = BenchSetup.Shared(root);
        var dyad = Path.Combine(root, "dyad");
        var work = BenchSetup.Work();

        Console.WriteLine($"./dyad incidents link on ACLED-size against GTD-size files (scale_csv.py, copies spread a week apart), {runs} run(s); medians.");
        Console.WriteLine($"{"ACLED rows",11} {"GTD rows",9} {"import s",9} {"link s",7} {"link MB",8} {"candidates",11} {"links",7} {"multi-dataset",14}");
        foreach (var (acledRows, gtdRows) in sizes)
        {
            var acled = SpreadAcled(shared, acledRows);
            var gtd = SpreadGtd(shared, gtdRows);
            var db = Path.Combine(work, $"linking_{acledRows}_{gtdRows}.duckdb");
            File.Delete(db);
            File.Delete(db + ".wal");
            var import = MeasuredRun.Of(dyad, "import", acled, gtd, "--db", db, "--json");
            var linked = Enumerable.Range(0, runs).Select(_ => MeasuredRun.Of(dyad, "incidents", "link", "--db", db, "--json")).ToList();
            using var report = JsonDocument.Parse(linked[^1].Output);
            var r = report.RootElement;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{acledRows,11:N0} {gtdRows,9:N0} {import.Seconds,9:F1} {MeasuredRun.Median(linked.Select(l => l.Seconds)),7:F1} " +
                $"{MeasuredRun.Median(linked.Select(l => l.PeakMegabytes)),8:F0} {r.GetProperty("candidates").GetInt64(),11:N0} {r.GetProperty("links").GetInt64(),7:N0} " +
                $"{r.GetProperty("multi_dataset").GetInt64(),14:N0}"));
            File.Delete(db);
        }

        return 0;
    }

    /// <summary>An ACLED-size file of <paramref name="rows"/> rows from the real global ACLED export, its copies a week apart.</summary>
    public static string SpreadAcled(string shared, int rows) => Spread(Scaled(shared, AcledCsv, "acled", rows), "acled", 9000);

    /// <summary>The GTD 2021 file scaled to <paramref name="rows"/>, its copies a week apart from a year later (2022 to spring 2023).</summary>
    public static string SpreadGtd(string shared, int rows) => Spread(BenchSetup.ScaledGtd(shared, rows), "gtd", 4960);

    private static string Scaled(string shared, string relative, string name, int rows)
    {
        var file = Path.Combine(BenchSetup.Work(), $"{name}_{rows}.csv");
        if (!File.Exists(file))
        {
            MeasuredRun.Of("/usr/bin/python3", Path.Combine(shared, "peers", "scale_csv.py"), Path.Combine(shared, relative), file,
                "--rows", rows.ToString(CultureInfo.InvariantCulture));
        }

        return file;
    }

    /// <summary>The scaled file with its copy k moved k weeks later (GTD's a year more), made once with DuckDB.</summary>
    private static string Spread(string scaled, string dataset, int originalRows)
    {
        var spread = Path.ChangeExtension(scaled, ".spread.csv");
        if (File.Exists(spread))
        {
            return spread;
        }

        var copy = $"((row_number() OVER () - 1) // {originalRows})";
        var select = dataset == "gtd"
            ? $"""
              WITH numbered AS (SELECT *, {copy} AS copy FROM read_csv('{scaled}', all_varchar = true, header = true)),
              shifted AS (SELECT *, make_date(iyear::INT, imonth::INT, greatest(iday::INT, 1)) + INTERVAL 365 DAY + copy * INTERVAL 7 DAY AS day FROM numbered)
              SELECT * EXCLUDE (copy, day) REPLACE (year(day)::VARCHAR AS iyear, month(day)::VARCHAR AS imonth,
                     CASE WHEN iday = '0' THEN '0' ELSE day(day)::VARCHAR END AS iday) FROM shifted
              """
            : $"""
              WITH numbered AS (SELECT *, {copy} AS copy FROM read_csv('{scaled}', all_varchar = true, header = true)),
              shifted AS (SELECT *, event_date::DATE + copy * INTERVAL 7 DAY AS day FROM numbered)
              SELECT * EXCLUDE (copy, day) REPLACE (strftime(day, '%Y-%m-%d') AS event_date, year(day)::VARCHAR AS year) FROM shifted
              """;
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SET preserve_insertion_order = true; COPY ({select}) TO '{spread}' (HEADER, DELIMITER ',')";
        command.ExecuteNonQuery();
        return spread;
    }
}
