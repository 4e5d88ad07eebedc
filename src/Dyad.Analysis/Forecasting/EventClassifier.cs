using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Dyad.Analysis.Forecasting;

/// <summary>
/// ML.NET's LightGBM binary trainer on <see cref="ForecastFeatures"/>: the probability of at least one event. Small
/// trees, a slow rate and many months per leaf, because a district-month with an event is rare and a few busy districts
/// would otherwise be learnt by heart. The same rows and seed give the same model.
/// </summary>
internal sealed class EventClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _schema;

    private EventClassifier(MLContext ml, ITransformer model, SchemaDefinition schema) => (_ml, _model, _schema) = (ml, model, schema);

    public static EventClassifier Train(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, ForecastSettings settings)
    {
        var ml = new MLContext(settings.Seed);
        var schema = Schema(features[0].Length);
        var rows = features.Select((f, i) => new Row { Features = f, Label = labels[i] });
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = settings.Iterations,
            LearningRate = settings.LearningRate,
            NumberOfLeaves = settings.Leaves,
            // A small store's few hundred unit-months would allow no leaf at all: a leaf needs at most a hundredth of them.
            MinimumExampleCountPerLeaf = Math.Clamp(features.Count / 100, 5, settings.MinimumMonthsPerLeaf),
            HandleMissingValue = true,
            Seed = settings.Seed,
            NumberOfThreads = settings.Threads,
            Silent = true,
            Booster = new GradientBooster.Options { L2Regularization = settings.L2 },
        });
        using (LightGbmGate.Enter(settings.Threads))
        {
            try
            {
                return new EventClassifier(ml, trainer.Fit(ml.Data.LoadFromEnumerable(rows, schema)), schema);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Runtime.InteropServices.SEHException)
            {
                // LightGBM's own refusals (a fatal error in its native code comes back as an exception): Dyad's message, not a bug report.
                throw DyadException.BadInput(
                    $"cannot tell: the forecast model could not be trained on the data selected ({features.Count:N0} unit-months, {labels.Count(l => l):N0} with an event): LightGBM said \"{e.Message}\". " +
                    "Widen the question (more months, or the country where the actors are) or ask for a kind of event that happens more often.", inner: e);
            }
        }
    }

    public double[] Predict(IReadOnlyList<float[]> features)
    {
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(features.Select(f => new Row { Features = f }), _schema));
        return [.. scored.GetColumn<float>("Probability").Select(p => (double)p)];
    }

    private static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(Row), SchemaDefinition.Direction.Read);
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
