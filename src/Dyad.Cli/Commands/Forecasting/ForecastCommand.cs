using System.ComponentModel;
using Dyad.App;
using Dyad.App.Forecasting;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Forecasting;

public sealed class ForecastSettings : StoreJsonSettings
{
    [CommandOption("--what <KIND>")]
    [Description("events (default: the actor's events, or all), clash (--actor against --against) or mass-casualty (10 or more killed).")]
    public string? What { get; init; }

    [CommandOption("--actor <NAME>")]
    [Description("Whose events: a registry id or any of its names, its members included.")]
    public string? Actor { get; init; }

    [CommandOption("--against <NAME>")]
    [Description("With --what clash: the other side.")]
    public string? Against { get; init; }

    [CommandOption("--country <COUNTRY>")]
    [Description("Only events in this country (as the source names it).")]
    public string? Country { get; init; }

    [CommandOption("--since <PERIOD>")]
    [Description("History from this year, month or day (default: the first event's month).")]
    public string? Since { get; init; }

    [CommandOption("--until <PERIOD>")]
    [Description("Only events before this year, month or day: the forecast as it would have been made then.")]
    public string? Until { get; init; }

    [CommandOption("--for <MONTHS>")]
    [Description("How many months ahead, 1 to 3 (default 3).")]
    public int For { get; init; } = 3;

    [CommandOption("--top <N>")]
    [Description("How many units to list, likeliest first (default 20; the JSON has all).")]
    public int Top { get; init; } = 20;

    [CommandOption("--backtest")]
    [Description("Score the forecast instead: each month from --from forecast by a model trained on the months before it, beside persistence and each unit's own rate.")]
    public bool Backtest { get; init; }

    [CommandOption("--from <PERIOD>")]
    [Description("With --backtest: the first month tested (a year, month or day).")]
    public string? From { get; init; }

    [CommandOption("--to <PERIOD>")]
    [Description("With --backtest: the last month tested (default: the data's last).")]
    public string? To { get; init; }

    public ForecastQuestion Question => new(What, Actor, Against, Country, Since, Until);

    public override ValidationResult Validate() =>
        Question.Problem(option => "--" + option) is { } problem ? ValidationResult.Error(problem)
        : For is < 1 or > 3 ? ValidationResult.Error("--for is 1, 2 or 3 months.")
        : Top < 1 ? ValidationResult.Error("--top must be at least 1.")
        : Backtest && From is null ? ValidationResult.Error("--backtest needs --from: the first month to test.")
        : !Backtest && (From is not null || To is not null) ? ValidationResult.Error("--from and --to belong to --backtest; a forecast starts after the data's last month (--until to go back).")
        : DayOption.ValidatePeriod(From, To);
}

public sealed class ForecastCommand(CliOutput output) : AsyncCommand<ForecastSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ForecastSettings settings, CancellationToken cancellationToken)
    {
        var service = new ForecastService(RegistryFiles.Load(settings.Registry));
        using var store = EventStores.Open(settings.Db);
        if (settings.Backtest)
        {
            var backtest = service.Backtest(store, settings.Question.ToRequest(), DayOption.ParseFrom(settings.From)!.Value, DayOption.ParseTo(settings.To), cancellationToken);
            output.Result(settings.Json, backtest, () => ForecastRenderer.RenderBacktest(output.Console, backtest));
        }
        else
        {
            var forecast = service.Forecast(store, settings.Question.ToRequest(), settings.For);
            output.Result(settings.Json, forecast, () => ForecastRenderer.RenderForecast(output.Console, forecast, settings.Top));
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
