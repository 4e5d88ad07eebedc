using System.Globalization;
using System.Text.Json;
using Dyad.Bench.Import;

namespace Dyad.Bench.Forecasting;

/// <summary>
/// The forecast's targets, side by side in one run: Dyad's walk-forward backtest and the peer (../shared/peers/
/// forecast_peer.py, scikit-learn gradient boosting on lagged counts, retrained monthly) on UCDP GED for Pakistan,
/// district-months of TTP events, monthly from 2014-01, each with its persistence and unit-rate baselines. The peer
/// tests the districts with a TTP event anywhere in the file; Dyad's matching subset is "districts where it ever
/// happened in the data" (Dyad places districts by the gazetteer, so the two sets differ by a few districts, shown).
/// Needs ../shared and Debian's python3-sklearn and python3-pandas.
/// </summary>
internal static class ForecastComparison
{
    private const string File = "data/ucdp/ged_api_pakistan_BatonVatrushka.csv";

    public static int Run(string[] args)
    {
        var from = BenchSetup.Option(args, "--from", "2014-01");
        var actor = BenchSetup.Option(args, "--actor", "TTP");
        var root = BenchSetup.RepositoryRoot();
        var shared = BenchSetup.Shared(root);
        var file = Path.Combine(shared, File);
        if (!System.IO.File.Exists(file))
        {
            Console.Error.WriteLine($"{file} is missing: the benchmark needs ../shared beside the repository.");
            return 1;
        }

        var dyad = Path.Combine(root, "dyad");
        var db = Path.Combine(BenchSetup.Work(), "forecast.duckdb");
        System.IO.File.Delete(db);
        MeasuredRun.Of(dyad, "import", file, "--db", db, "--json");
        var peerRun = MeasuredRun.Of("/usr/bin/python3", Path.Combine(shared, "peers", "forecast_peer.py"), file, "--from", from, "--unit", "adm_2", "--actor", actor, "--since", "2003");
        var dyadRun = MeasuredRun.Of(dyad, "forecast", "--backtest", "--from", from, "--actor", actor, "--since", "2003", "--db", db, "--json");
        using var peer = JsonDocument.Parse(peerRun.Output);
        using var ours = JsonDocument.Parse(dyadRun.Output);

        Console.WriteLine($"Forecast of at least one {actor} event per district and month, {File}, walked forward monthly from {from}: Dyad beside forecast_peer.py (scikit-learn).");
        Console.WriteLine($"{"who",-6} {"set",-44} {"unit-months",11} {"base",6} {"forecast",-20} {"Brier",7} {"log-loss",8} {"AUC",6} {"ECE",7}");
        var p = peer.RootElement;
        foreach (var forecast in new[] { "model", "persistence", "unit_rate" })
        {
            Console.WriteLine(Line("peer", $"{p.GetProperty("units").GetInt32()} districts with a {actor} event in the file", p.GetProperty("unit_months_tested").GetInt32(),
                p.GetProperty("base_rate").GetDouble(), forecast, p.GetProperty(forecast)));
        }

        foreach (var subset in ours.RootElement.GetProperty("subsets").EnumerateArray())
        {
            foreach (var forecast in new[] { "model", "persistence", "unit_rate" })
            {
                var model = subset.GetProperty("model");
                Console.WriteLine(Line("dyad", subset.GetProperty("name").GetString()!, model.GetProperty("count").GetInt32(), model.GetProperty("base_rate").GetDouble(), forecast,
                    subset.GetProperty(forecast)));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Whole commands: peer {peerRun.Seconds:F1} s, dyad forecast --backtest {dyadRun.Seconds:F1} s (peak {dyadRun.PeakMegabytes:F0} MB). Targets: Dyad's Brier and AUC better than the peer's, ECE <= 0.02."));
        System.IO.File.Delete(db);
        return 0;
    }

    private static string Line(string who, string set, int count, double baseRate, string forecast, JsonElement scores) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{who,-6} {set,-44} {count,11:N0} {baseRate,6:P1} {forecast,-20} {scores.GetProperty("brier").GetDouble(),7:F4} {scores.GetProperty("log_loss").GetDouble(),8:F4} {(scores.TryGetProperty("auc", out var auc) && auc.ValueKind == JsonValueKind.Number ? auc.GetDouble().ToString("F3", CultureInfo.InvariantCulture) : "–"),6} {(scores.TryGetProperty("ece", out var ece) ? ece : scores.GetProperty("expected_calibration_error")).GetDouble(),7:F4}");
}
