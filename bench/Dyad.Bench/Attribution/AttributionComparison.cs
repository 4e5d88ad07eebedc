using System.Globalization;
using System.Text.Json;
using Dyad.Bench.Import;
using Dyad.Bench.Linking;

namespace Dyad.Bench.Attribution;

/// <summary>
/// Attribution's targets, side by side in one run: Dyad's backtest and the peer (../shared/peers/gtd_attribution.py,
/// scikit-learn) on the GTD 2021 .xlsx, walked forward monthly from 2021-03-01 (each month by a model trained on the
/// months before it) and split once at 2021-05-01, all countries and Afghanistan; then training on 200,000 events, and a
/// walk-forward over 12 monthly steps on 200,000 events (the scaled file's copies a week apart, 2022 to 2023). Dyad runs
/// as a user runs it (./dyad). Needs ../shared, Debian's python3-sklearn, python3-pandas and python3-openpyxl.
/// </summary>
internal static class AttributionComparison
{
    private const string Workbook = "data/gtd/globalterrorismdb_2021Jan-June_1222dist.xlsx";
    private const string WalkFrom = "2021-03-01";
    private const string Split = "2021-05-01";

    public static int Run(string[] args)
    {
        var rows = int.Parse(BenchSetup.Option(args, "--rows", "200000"), CultureInfo.InvariantCulture);
        var root = BenchSetup.RepositoryRoot();
        var shared = BenchSetup.Shared(root);
        var dyad = Path.Combine(root, "dyad");
        var work = BenchSetup.Work();
        if (!File.Exists(Path.Combine(shared, Workbook)))
        {
            Console.Error.WriteLine($"{Path.Combine(shared, Workbook)} is missing: the benchmark needs ../shared beside the repository.");
            return 1;
        }

        var db = Fresh(Path.Combine(work, "attribution.duckdb"));
        MeasuredRun.Of(dyad, "import", Path.Combine(shared, Workbook), "--db", db, "--json");
        Console.WriteLine($"Attribution on {Workbook}: Dyad (ML.NET LightGBM) beside scikit-learn's HistGradientBoosting (gtd_attribution.py), the same steps.");
        Console.WriteLine($"{"test",-24} {"slice",-12} {"who",-5} {"train",6} {"test",6} {"accuracy",9} {"macro-F1",9} {"Brier",7} {"ECE",7}  attributed (its accuracy): group | family | either, as stated");
        foreach (var walk in new[] { true, false })
        {
            foreach (var (slice, country) in new[] { ("all", (string?)null), ("Afghanistan", "Afghanistan") })
            {
                var test = walk ? $"walk-forward from {WalkFrom}" : $"split at {Split}";
                var peerArgs = new List<string> { Path.Combine(shared, "peers", "gtd_attribution.py"), Path.Combine(shared, Workbook), "--split", walk ? WalkFrom : Split };
                var dyadArgs = new List<string> { "backtest", "--db", db, "--json" };
                dyadArgs.AddRange(walk ? ["--walk-forward", "--from", WalkFrom] : ["--split", Split]);
                if (walk)
                {
                    peerArgs.Add("--walk-forward");
                }

                if (country is not null)
                {
                    peerArgs.AddRange(["--country", country]);
                    dyadArgs.AddRange(["--country", country]);
                }

                using var peer = JsonDocument.Parse(MeasuredRun.Of("/usr/bin/python3", [.. peerArgs]).Output);
                var p = peer.RootElement;
                Console.WriteLine(Line(test, slice, "peer", p.GetProperty("n_train").GetInt32(), p.GetProperty("n_test").GetInt32(), p.GetProperty("accuracy").GetDouble(),
                    p.GetProperty("macro_f1").GetDouble(), p.GetProperty("brier").GetDouble(), p.GetProperty("ece").GetDouble(), ""));
                using var ours = JsonDocument.Parse(MeasuredRun.Of(dyad, [.. dyadArgs]).Output);
                var all = ours.RootElement.GetProperty("subsets")[0];
                var model = all.GetProperty("model");
                var v = all.GetProperty("verdicts");
                var verdicts = string.Create(CultureInfo.InvariantCulture,
                    $"{v.GetProperty("attributed_share").GetDouble():P1} ({Percent(v.GetProperty("attributed_accuracy"))}) | {Share(v, "family_attributed")} ({Percent(v.GetProperty("family_attributed_accuracy"))}) | {v.GetProperty("attributed_any_share").GetDouble():P1} ({Percent(v.GetProperty("attributed_any_accuracy"))})");
                Console.WriteLine(Line(test, slice, "dyad", ours.RootElement.GetProperty("training_attacks").GetInt32(), ours.RootElement.GetProperty("test_attacks").GetInt32(),
                    model.GetProperty("accuracy").GetDouble(), model.GetProperty("macro_f1").GetDouble(), model.GetProperty("brier").GetDouble(),
                    model.GetProperty("expected_calibration_error").GetDouble(), verdicts));
                if (all.TryGetProperty("family", out var family) && family.ValueKind == JsonValueKind.Object)
                {
                    Console.WriteLine(Line(test, slice, "  fam", 0, family.GetProperty("count").GetInt32(), family.GetProperty("accuracy").GetDouble(), family.GetProperty("macro_f1").GetDouble(),
                        family.GetProperty("brier").GetDouble(), family.GetProperty("expected_calibration_error").GetDouble(), "(Dyad's figures one level up: families of groups)"));
                }
            }
        }

        var file = BenchSetup.ScaledGtd(shared, rows);
        var big = Fresh(Path.Combine(work, $"attribution_{rows}.duckdb"));
        MeasuredRun.Of(dyad, "import", file, "--db", big, "--json");
        var train = MeasuredRun.Of(dyad, "model", "train", "--db", big, "--json");
        using var trained = JsonDocument.Parse(train.Output);
        var attacks = trained.RootElement.GetProperty("metadata").GetProperty("training_attacks").GetInt32();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Training on {attacks:N0} attacks with a known perpetrator ({rows:N0}-row file): {train.Seconds:F1} s for the whole './dyad model train' command, peak {train.PeakMegabytes:F0} MB (target < 60 s)."));
        using var scored = JsonDocument.Parse(MeasuredRun.Of(dyad, "backtest", "--split", Split, "--db", big, "--json").Output);
        var s = scored.RootElement;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scoring {s.GetProperty("test_attacks").GetInt32():N0} attacks (features, model, calibration): {s.GetProperty("score_seconds").GetDouble():F2} s, {s.GetProperty("attacks_scored_per_second").GetDouble():N0} attacks/s (target >= 10,000/s)."));
        File.Delete(big);

        // Twelve monthly steps over the spread copies (April 2022 to March 2023; the copies run six days into April 2023,
        // which would be a thirteenth step), trained again every month and every quarter.
        var spread = Fresh(Path.Combine(work, $"attribution_{rows}_spread.duckdb"));
        MeasuredRun.Of(dyad, "import", LinkingBenchmark.SpreadGtd(shared, rows), "--db", spread, "--json");
        foreach (var retrain in new[] { "month", "quarter" })
        {
            var walk = MeasuredRun.Of(dyad, "backtest", "--walk-forward", "--from", "2022-04-01", "--to", "2023-04-01", "--retrain", retrain, "--db", spread, "--json");
            using var report = JsonDocument.Parse(walk.Output);
            var r = report.RootElement;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Walk-forward over {r.GetProperty("steps").GetArrayLength()} monthly steps on {rows:N0} events, trained again every {retrain}: {walk.Seconds:F0} s for the whole command ({r.GetProperty("train_seconds").GetDouble():F0} s training), peak {walk.PeakMegabytes:F0} MB (target < 300 s)."));
        }

        File.Delete(spread);
        File.Delete(db);
        return 0;
    }

    private static string Fresh(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
        File.Delete(Path.ChangeExtension(path, ".model.zip"));
        return path;
    }

    private static string Percent(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number ? element.GetDouble().ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static string Share(JsonElement verdicts, string count) =>
        ((double)verdicts.GetProperty(count).GetInt32() / Math.Max(1, verdicts.GetProperty("attacks").GetInt32())).ToString("P1", CultureInfo.InvariantCulture);

    private static string Line(string test, string slice, string who, int train, int test2, double accuracy, double f1, double brier, double ece, string verdicts) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{test,-24} {slice,-12} {who,-5} {train,6} {test2,6} {accuracy,9:F4} {f1,9:F4} {brier,7:F4} {ece,7:F4}  {verdicts}");
}
