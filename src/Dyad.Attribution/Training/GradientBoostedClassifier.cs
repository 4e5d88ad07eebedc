using Dyad.Attribution.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

namespace Dyad.Attribution.Training;

/// <summary>
/// ML.NET's LightGBM multiclass trainer over the attribution features: categories one-hot encoded (LightGBM splits
/// them as categories), numbers as they are, NaN as missing, and the masked text (when the catalog reads it) as ML.NET's
/// bag of words and pairs of words, kept to those in at least <see cref="MinimumDocuments"/> training attacks and then to
/// the <see cref="TextSlots"/> that tell the most about the group (mutual information with the label, on the training
/// attacks only). Probabilities come back in the order of the classes given.
/// </summary>
internal sealed class GradientBoostedClassifier
{
    private const string ScoreColumn = "Score";
    private const string FeaturesColumn = "Features";
    private const string TextColumn = "TextWords";
    private const int MinimumDocuments = 5;
    private const int TextSlots = 300;
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ITransformer _featurizer;
    private readonly ITransformer _trees;
    private readonly SchemaDefinition _schema;
    private readonly SchemaDefinition _denseSchema;
    private readonly int[] _slotOfClass;

    private GradientBoostedClassifier(MLContext ml, ITransformer model, SchemaDefinition schema, IReadOnlyList<string> classes)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        // Scored as one chain, the trees read the one-hot and word columns as a sparse vector and look every split's
        // feature up by binary search. Scoring the features first and giving the trees the same values as a dense
        // vector gives the same probabilities in less time (a third less scoring in a walk-forward over 200,000 events).
        var steps = ((IEnumerable<ITransformer>)model).ToList();
        _featurizer = new TransformerChain<ITransformer>([.. steps[..^1]]);
        _trees = steps[^1];
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), schema);
        var features = (VectorDataViewType)_featurizer.GetOutputSchema(empty.Schema)[FeaturesColumn].Type;
        _denseSchema = SchemaDefinition.Create(typeof(DenseFeatures), SchemaDefinition.Direction.Read);
        _denseSchema[nameof(DenseFeatures.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Size);
        // The model's score slots follow its label keys; map them back to the caller's classes by name.
        var probe = model.Transform(empty);
        VBuffer<ReadOnlyMemory<char>> names = default;
        probe.Schema[ScoreColumn].GetSlotNames(ref names);
        var slots = names.DenseValues().Select(n => n.ToString()).ToList();
        _slotOfClass = [.. classes.Select(c => slots.IndexOf(c))];
        if (probe.Schema.GetColumnOrNull(TextColumn) is { } text && text.HasSlotNames())
        {
            VBuffer<ReadOnlyMemory<char>> words = default;
            text.GetSlotNames(ref words);
            Vocabulary = [.. words.DenseValues().Select(w => w.ToString())];
        }
    }

    /// <summary>The words and pairs of words the model reads from the masked text ("school", "girls|school"); empty without text.</summary>
    public IReadOnlyList<string> Vocabulary { get; } = [];

    /// <exception cref="OperationCanceledException">Cancelled: at once, even in the middle of LightGBM's fit (see below).</exception>
    public static GradientBoostedClassifier Train(IReadOnlyList<FeatureRow> rows, IReadOnlyList<string> classes, FeatureCatalog catalog, BoosterSettings booster, TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var threads = options.ThreadsFor(rows.Count);
        var ml = new MLContext(options.Seed);
        var schema = Schema(catalog.Numbers.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var classData = ml.Data.LoadFromEnumerable(classes.Select(c => new ClassName { Label = c }));
        var features = FeatureCatalog.CategoryColumns.Select(c => c + "Code").Append(nameof(FeatureRow.Numeric)).ToList();
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(FeatureRow.Label), keyData: classData)
            .Append(ml.Transforms.Categorical.OneHotEncoding([.. FeatureCatalog.CategoryColumns.Select(c => new InputOutputColumnPair(c + "Code", c))]));
        if (catalog.UsesText)
        {
            pipeline = pipeline
                .Append(ml.Transforms.Text.FeaturizeText(TextColumn, new TextFeaturizingEstimator.Options
                {
                    WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                    CharFeatureExtractor = null,
                    StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English },
                    Norm = TextFeaturizingEstimator.NormFunction.None,
                    KeepNumbers = false,
                    KeepPunctuations = false,
                    KeepDiacritics = false,
                }, nameof(FeatureRow.Text)))
                .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(TextColumn, count: MinimumDocuments))
                .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation(TextColumn, labelColumnName: "LabelKey", slotsInOutput: TextSlots));
            features.Add(TextColumn);
        }

        pipeline = pipeline
            .Append(ml.Transforms.Concatenate(FeaturesColumn, [.. features]))
            .Append(ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = FeaturesColumn,
                NumberOfIterations = booster.Iterations,
                LearningRate = booster.LearningRate,
                NumberOfLeaves = booster.Leaves,
                MinimumExampleCountPerLeaf = booster.MinimumExamplesPerLeaf,
                // One-hot columns as plain features: LightGBM's categorical splits need 100 attacks per category by
                // default, which a province or district in a few months of data seldom has.
                UseCategoricalSplit = false,
                HandleMissingValue = true,
                Seed = options.Seed,
                NumberOfThreads = threads,
                Silent = true,
                Booster = new GradientBooster.Options { L2Regularization = booster.L2, FeatureFraction = booster.FeatureFraction },
            }));
        // LightGBM's native loop never looks at a token, and one fit can take minutes: the fit runs on a pool thread and
        // the caller stops waiting when cancelled. An abandoned fit ends on its own and its model is let go; the process
        // that asked to stop (the CLI on Ctrl-C) does not wait for it.
        var fit = Task.Run(() =>
        {
            using (LightGbmGate.Enter(threads))
            {
                return pipeline.Fit(data);
            }
        }, CancellationToken.None);
        var model = SideBySide.Finished(fit, cancellationToken);

        return new GradientBoostedClassifier(ml, model, schema, classes);
    }

    public static GradientBoostedClassifier Load(Stream stream, int numberCount, IReadOnlyList<string> classes, int seed)
    {
        var ml = new MLContext(seed);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmMulticlassTrainer).Assembly);
        var model = ml.Model.Load(stream, out _);
        return new GradientBoostedClassifier(ml, model, Schema(numberCount), classes);
    }

    public void Save(Stream stream, int numberCount) =>
        _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), Schema(numberCount)).Schema, stream);

    /// <summary>Each row's probability for each class, in the order of the classes the model was made with.</summary>
    public float[][] Predict(IReadOnlyList<FeatureRow> rows)
    {
        var featurized = _featurizer.Transform(_ml.Data.LoadFromEnumerable(rows, _schema));
        var dense = featurized.GetColumn<VBuffer<float>>(FeaturesColumn).Select(f => new DenseFeatures { Features = f.DenseValues().ToArray() });
        var scored = _trees.Transform(_ml.Data.LoadFromEnumerable(dense, _denseSchema));
        var result = new float[rows.Count][];
        var i = 0;
        foreach (var scores in scored.GetColumn<float[]>(ScoreColumn))
        {
            var probabilities = new float[_slotOfClass.Length];
            for (var k = 0; k < probabilities.Length; k++)
            {
                probabilities[k] = _slotOfClass[k] >= 0 ? scores[_slotOfClass[k]] : 0f;
            }

            result[i++] = probabilities;
        }

        return result;
    }

    /// <summary>How a <see cref="FeatureRow"/> is read: its numbers as one vector of the catalog's length.</summary>
    internal static SchemaDefinition Schema(int numberCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow), SchemaDefinition.Direction.Read);
        schema[nameof(FeatureRow.Numeric)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, numberCount);
        return schema;
    }

    private sealed class DenseFeatures
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class ClassName
    {
        public string Label { get; set; } = "";
    }
}
