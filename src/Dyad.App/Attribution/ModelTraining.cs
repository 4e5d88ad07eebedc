using System.Diagnostics;
using Dyad.App.Hosting;
using Dyad.Attribution;
using Dyad.Attribution.Evaluation;
using Dyad.Attribution.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dyad.App.Attribution;

/// <summary>
/// Training a model and testing one on a store's attacks: what <c>dyad model train</c> and <c>dyad backtest</c> do,
/// for any front end.
/// </summary>
public sealed class ModelTraining(TimeProvider clock, ILogger<ModelTraining>? log = null)
{
    private readonly ILogger _log = log ?? (ILogger)NullLogger.Instance;

    /// <summary>A model trained on the store's attacks with a known perpetrator (before <paramref name="until"/> when given).</summary>
    /// <exception cref="DyadException">BadUsage: a group the registry does not know; BadInput: too few attacks to train on.</exception>
    public AttributionModel Train(string db, string? registry, ModelRequest request, DateOnly? until, CancellationToken cancellationToken)
    {
        var (sources, attacks) = AttackSources.Load(db, registry);
        var watch = Stopwatch.StartNew();
        var model = new AttributionTrainer(sources.Setting, clock).Train(attacks, request.ToTrainingOptions(sources.Registries.Actors, until), cancellationToken);
        _log.Trained(model.Metadata.TrainingAttacks, model.Metadata.Classes.Count, model.Metadata.Booster.Leaves, watch.Elapsed.TotalSeconds);
        return model;
    }

    /// <summary>A backtest of the store's attacks by <paramref name="plan"/>; <paramref name="progress"/> hears of each step done.</summary>
    /// <exception cref="DyadException">BadUsage: a group the registry does not know; BadInput: nothing to test, or too little to train on.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: the steps done are let go.</exception>
    public BacktestReport Backtest(string db, string? registry, ModelRequest request, BacktestPlan plan, IProgress<BacktestProgress>? progress, CancellationToken cancellationToken)
    {
        var (sources, attacks) = AttackSources.Load(db, registry);
        var watch = Stopwatch.StartNew();
        var report = new Backtest(sources.Setting, clock).Run(attacks, plan, request.ToTrainingOptions(sources.Registries.Actors, until: null), progress, cancellationToken);
        _log.BacktestDone(report.Steps.Count, report.TestAttacks, report.Searches, watch.Elapsed.TotalSeconds, report.Stopped ? " (stopped when asked)" : "");
        return report;
    }
}
