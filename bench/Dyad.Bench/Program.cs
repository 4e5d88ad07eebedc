using BenchmarkDotNet.Running;
using Dyad.Bench.Attribution;
using Dyad.Bench.Forecasting;
using Dyad.Bench.Import;
using Dyad.Bench.Linking;
using Dyad.Bench.Rivalry;
using Dyad.Bench.Server;
using Dyad.Bench.Stores;

// bench import [--rows 200000,2000000] [--runs 3]: Dyad's import beside pandas' load of the same files, in one run.
// bench attribution [--rows 200000]: Dyad's backtests (walk-forward and split) beside scikit-learn's on GTD 2021; training speed, scoring, a 12-step walk-forward at scale.
// bench walkforward [--rows 12000] [--from 2014-01-01] [--also-search-every 1] [--choices]: a 36-step monthly walk-forward on a one-country file beside scikit-learn's (--choices: what searches six months apart choose, on validation).
// bench forecast [--from 2014-01] [--actor TTP]: Dyad's forecast backtest beside scikit-learn's on UCDP GED Pakistan district-months.
// bench rivalry [--rows 2000000] [--runs 3]: Dyad's rivalry on a 2M-row store beside pandas' groupby of the same file.
// bench linking [--sizes 200000:20000,2000000:200000] [--runs 3]: ./dyad incidents link on ACLED-size against GTD-size files.
// bench stores [--rows 2000000] [--runs 3] [--postgres ADDRESS]: DuckDB and PostgreSQL side by side on ACLED-size files.
// bench server [--rows 2000000] [--seconds 300] [--rate 500] [--connections 50]: wrk against 'dyad serve' on that store.
// bench micro [BenchmarkDotNet arguments]: micro-benchmarks of the hot paths.
return args.FirstOrDefault() switch
{
    "import" => ImportComparison.Run(args[1..]),
    "attribution" => AttributionComparison.Run(args[1..]),
    "walkforward" => WalkForwardBenchmark.Run(args[1..]),
    "forecast" => ForecastComparison.Run(args[1..]),
    "rivalry" => RivalryComparison.Run(args[1..]),
    "linking" => LinkingBenchmark.Run(args[1..]),
    "stores" => StoresBenchmark.Run(args[1..]),
    "server" => ServerBenchmark.Run(args[1..]),
    "micro" => RunMicro(args[1..]),
    _ => Usage(),
};

static int RunMicro(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ImportComparison).Assembly).Run(args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Dyad.Bench -- import [--rows 200000,2000000] [--runs 3]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Dyad.Bench -- attribution [--rows 200000]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Dyad.Bench -- walkforward [--rows 12000] [--from 2014-01-01] [--also-search-every 1] [--choices]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Dyad.Bench -- forecast [--from 2014-01] [--actor TTP]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Dyad.Bench -- rivalry [--rows 2000000] [--runs 3]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Dyad.Bench -- linking [--sizes 200000:20000,2000000:200000] [--runs 3]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Dyad.Bench -- stores [--rows 2000000] [--runs 3] [--postgres ADDRESS]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Dyad.Bench -- server [--rows 2000000] [--seconds 300] [--rate 500] [--connections 50]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Dyad.Bench -- micro [--filter *]");
    return 2;
}
