using System.Globalization;
using System.Text.Json;
using Dyad.Bench.Import;

namespace Dyad.Bench.Attribution;

/// <summary>
/// Attribution's targets, side by side in one run: Dyad's backtest and the peer (../shared/peers/gtd_attribution.py,
/// scikit-learn) on the GTD 2021 .xlsx split at 2021-05-01, all countries and Afghanistan; then training on 200,000
/// events and scoring speed on a file made with the peers' scale_csv.py. Dyad runs as a user runs it (./dyad).
/// Needs ../shared, Debian's python3-sklearn, python3-pandas and python3-openpyxl.
/// </summary>
internal static class AttributionComparison
{
    private const string Workbook = "data/gtd/globalterrorismdb_2021Jan-June_1222dist.xlsx";
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
        Console.WriteLine($"Attribution on {Workbook}, split {Split}: Dyad (ML.NET LightGBM) beside scikit-learn's HistGradientBoosting (gtd_attribution.py).");
        Console.WriteLine($"{"slice",-12} {"who",-8} {"train",6} {"test",6} {"accuracy",9} {"macro-F1",9} {"Brier",7} {"ECE",7} {"attributed",11} {"its accuracy",13}");
        foreach (var (slice, country) in new[] { ("all", (string?)null), ("Afghanistan", "Afghanistan") })
        {
            var peerArgs = new List<string> { Path.Combine(shared, "peers", "gtd_attribution.py"), Path.Combine(shared, Workbook), "--split", Split };
            var dyadArgs = new List<string> { "backtest", "--split", Split, "--db", db, "--json" };
            if (country is not null)
            {
                peerArgs.AddRange(["--country", country]);
                dyadArgs.AddRange(["--country", country]);
            }

            using var peer = JsonDocument.Parse(MeasuredRun.Of("/usr/bin/python3", [.. peerArgs]).Output);
            var p = peer.RootElement;
            Console.WriteLine(Line(slice, "peer", p.GetProperty("n_train").GetInt32(), p.GetProperty("n_test").GetInt32(), p.GetProperty("accuracy").GetDouble(),
                p.GetProperty("macro_f1").GetDouble(), p.GetProperty("brier").GetDouble(), p.GetProperty("ece").GetDouble(), null, null));
            using var ours = JsonDocument.Parse(MeasuredRun.Of(dyad, [.. dyadArgs]).Output);
            var all = ours.RootElement.GetProperty("subsets")[0];
            var model = all.GetProperty("model");
            var verdicts = all.GetProperty("verdicts");
            Console.WriteLine(Line(slice, "dyad", ours.RootElement.GetProperty("training_attacks").GetInt32(), ours.RootElement.GetProperty("test_attacks").GetInt32(),
                model.GetProperty("accuracy").GetDouble(), model.GetProperty("macro_f1").GetDouble(), model.GetProperty("brier").GetDouble(),
                model.GetProperty("expected_calibration_error").GetDouble(), verdicts.GetProperty("attributed_share").GetDouble(), Number(verdicts.GetProperty("attributed_accuracy"))));
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

    private static double Number(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetDouble() : double.NaN;

    private static string Line(string slice, string who, int train, int test, double accuracy, double f1, double brier, double ece, double? attributed, double? attributedAccuracy) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{slice,-12} {who,-8} {train,6} {test,6} {accuracy,9:F4} {f1,9:F4} {brier,7:F4} {ece,7:F4} {(attributed is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-"),11} {(attributedAccuracy is { } b ? b.ToString("P1", CultureInfo.InvariantCulture) : "-"),13}");
}
