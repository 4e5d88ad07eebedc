using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Dyad.Bench.Import;

namespace Dyad.Bench.Attribution;

/// <summary>
/// Issue 31's target, side by side in one run: a 36-step monthly walk-forward (2014 to 2016) on a one-country file of
/// 12,000 attacks over 2000–2016, by Dyad (its default schedule of searches, and optionally a search at every step as
/// before) and by the peer (../shared/peers/gtd_attribution.py) on the same file and steps. The file is the real GTD
/// 2021 rows, repeated to 12,000 and spread evenly over the seventeen years, every row put in one country: the groups
/// keep their real counts (one dominant, the Taliban, and a few dozen others), the attacks their real features.
/// Also checks Dyad's estimate of the whole walk-forward's time, made after its first step, against the time measured.
/// With --choices, instead: what searches six months apart choose on their validation slices (see <see cref="Choices"/>).
/// </summary>
internal static class WalkForwardBenchmark
{
    public static int Run(string[] args)
    {
        var rows = int.Parse(BenchSetup.Option(args, "--rows", "12000"), CultureInfo.InvariantCulture);
        var from = BenchSetup.Option(args, "--from", "2014-01-01");
        var every = BenchSetup.Option(args, "--also-search-every", "");
        var root = BenchSetup.RepositoryRoot();
        var shared = BenchSetup.Shared(root);
        var dyad = Path.Combine(root, "dyad");
        var file = OneCountry(shared, rows);
        var db = Path.Combine(BenchSetup.Work(), $"walkforward_{rows}.duckdb");
        File.Delete(db);
        File.Delete(db + ".wal");
        MeasuredRun.Of(dyad, "import", file, "--db", db, "--json");

        if (args.Contains("--choices"))
        {
            Choices(dyad, db, DateOnly.Parse(from, CultureInfo.InvariantCulture));
            File.Delete(db);
            return 0;
        }

        Console.WriteLine($"Walk-forward, monthly from {from}, on {rows:N0} attacks in one country (GTD 2021's rows spread over 2000–2016): Dyad beside scikit-learn (gtd_attribution.py).");
        Console.WriteLine($"{"who",-28} {"seconds",8} {"train",6} {"test",6} {"accuracy",9} {"macro-F1",9} {"Brier",7}  notes");
        var peer = MeasuredRun.Of("/usr/bin/python3", Path.Combine(shared, "peers", "gtd_attribution.py"), file, "--split", from, "--walk-forward");
        using (var p = JsonDocument.Parse(peer.Output))
        {
            var r = p.RootElement;
            Console.WriteLine(Line("peer (scikit-learn)", peer.Seconds, r.GetProperty("n_train").GetInt32(), r.GetProperty("n_test").GetInt32(), r.GetProperty("accuracy").GetDouble(),
                r.GetProperty("macro_f1").GetDouble(), r.GetProperty("brier").GetDouble(), $"peak {peer.PeakMegabytes:F0} MB"));
        }

        var schedules = new List<string> { "" };
        if (every != "")
        {
            schedules.Add(every);
        }

        foreach (var schedule in schedules)
        {
            var arguments = new List<string> { "backtest", "--walk-forward", "--from", from, "--db", db, "--json" };
            if (schedule != "")
            {
                arguments.AddRange(["--search-every", schedule]);
            }

            var run = MeasuredRun.Of(dyad, [.. arguments]);
            using var report = JsonDocument.Parse(run.Output);
            var r = report.RootElement;
            var all = r.GetProperty("subsets")[0].GetProperty("model");
            var steps = r.GetProperty("steps");
            var first = steps[0].GetProperty("train_seconds").GetDouble();
            Console.WriteLine(Line(schedule == "" ? "dyad (default schedule)" : $"dyad (--search-every {schedule})", run.Seconds, r.GetProperty("training_attacks").GetInt32(),
                r.GetProperty("test_attacks").GetInt32(), all.GetProperty("accuracy").GetDouble(), all.GetProperty("macro_f1").GetDouble(), all.GetProperty("brier").GetDouble(),
                $"{r.GetProperty("searches").GetInt32()} searches in {steps.GetArrayLength()} steps; training {r.GetProperty("train_seconds").GetDouble():F0} s (first step {first:F0} s); " +
                $"estimated after the first step {r.GetProperty("estimated_seconds").GetDouble():F0} s; peak {run.PeakMegabytes:F0} MB"));
        }

        File.Delete(db);
        return 0;
    }

    /// <summary>
    /// What a search every six months would choose, on its own validation slice (never a test step): each search's
    /// boosters with their validation log-loss, and what keeping the previous search's booster would have cost on this
    /// slice — the evidence for <c>SearchSchedule.Default</c>.
    /// </summary>
    private static void Choices(string dyad, string db, DateOnly from)
    {
        Console.WriteLine("Searches six months apart, on each training's newest fifth (validation, never a test step):");
        Console.WriteLine($"{"until",-10} {"train",6} {"chosen",-16} candidates' validation log-loss; the previous choice's cost here");
        string? previous = null;
        var model = Path.ChangeExtension(db, ".choices.model.zip");
        for (var until = from; until < from.AddYears(3); until = until.AddMonths(6))
        {
            using var trained = JsonDocument.Parse(MeasuredRun.Of(dyad, "model", "train", "--db", db, "--until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "--out", model, "--json").Output);
            var metadata = trained.RootElement.GetProperty("metadata");
            var scores = metadata.GetProperty("candidates").EnumerateArray()
                .Select(c => (Booster: Name(c.GetProperty("booster")), LogLoss: c.GetProperty("log_loss").GetDouble())).ToList();
            var best = scores.MinBy(c => c.LogLoss);
            var cost = previous is null ? "" : string.Create(CultureInfo.InvariantCulture,
                $"; keeping {previous}: {scores.Single(c => c.Booster == previous).LogLoss / best.LogLoss - 1:+0.0%;-0.0%;0.0%}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{until:yyyy-MM-dd} {metadata.GetProperty("training_attacks").GetInt32(),6} {best.Booster,-16} {string.Join(", ", scores.Select(c => $"{c.Booster} {c.LogLoss:F4}"))}{cost}"));
            previous = best.Booster;
        }

        File.Delete(model);
    }

    private static string Name(JsonElement booster) => string.Create(CultureInfo.InvariantCulture,
        $"{booster.GetProperty("leaves").GetInt32()} leaves/{booster.GetProperty("iterations").GetInt32()}");

    /// <summary>GTD 2021's rows repeated to <paramref name="rows"/>, spread evenly over 2000–2016 in their order, all in one country; made once.</summary>
    private static string OneCountry(string shared, int rows)
    {
        var file = Path.Combine(BenchSetup.Work(), $"gtd_one_country_{rows}.csv");
        if (File.Exists(file))
        {
            return file;
        }

        var scaled = BenchSetup.ScaledGtd(shared, rows);
        var days = (new DateOnly(2016, 12, 31).DayNumber - new DateOnly(2000, 1, 1).DayNumber).ToString(CultureInfo.InvariantCulture);
        var select = $"""
            WITH numbered AS (SELECT *, row_number() OVER () - 1 AS n FROM read_csv('{scaled}', all_varchar = true, header = true)),
            dated AS (SELECT *, DATE '2000-01-01' + CAST(n * {days} // {rows} AS INTEGER) AS day FROM numbered)
            SELECT * EXCLUDE (n, day) REPLACE (year(day)::VARCHAR AS iyear, month(day)::VARCHAR AS imonth, day(day)::VARCHAR AS iday,
                   'Afghanistan' AS country_txt, '4' AS country) FROM dated ORDER BY day
            """;
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SET preserve_insertion_order = true; COPY ({select}) TO '{file}' (HEADER, DELIMITER ',')";
        command.ExecuteNonQuery();
        return file;
    }

    private static string Line(string who, double seconds, int train, int test, double accuracy, double f1, double brier, string notes) =>
        string.Create(CultureInfo.InvariantCulture, $"{who,-28} {seconds,8:F0} {train,6} {test,6} {accuracy,9:F4} {f1,9:F4} {brier,7:F4}  {notes}");
}
