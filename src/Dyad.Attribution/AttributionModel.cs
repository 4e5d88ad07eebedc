using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Attribution.Calibration;
using Dyad.Attribution.Features;
using Dyad.Attribution.Training;

namespace Dyad.Attribution;

/// <summary>
/// A trained attribution model: the LightGBM classifier, its temperature and verdict thresholds, and its metadata.
/// Saved as one .zip with <c>metadata.json</c> beside ML.NET's <c>model.zip</c>.
/// </summary>
public sealed class AttributionModel
{
    private const string MetadataEntry = "metadata.json";
    private const string ClassifierEntry = "model.zip";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    internal AttributionModel(ModelMetadata metadata, GradientBoostedClassifier classifier)
    {
        Metadata = metadata;
        Classifier = classifier;
        Catalog = new FeatureCatalog(metadata.Classes, metadata.Options.GroupActivity, metadata.Features.Any(f => f.Kind == FeatureKind.Text), group => metadata.ClassNames[AttributionTrainer.IndexOf(metadata.Classes, group)]);
    }

    public ModelMetadata Metadata { get; }

    internal FeatureCatalog Catalog { get; }

    internal GradientBoostedClassifier Classifier { get; }

    /// <summary>Calibrated probabilities, one array per row, in the order of <see cref="ModelMetadata.Classes"/>.</summary>
    internal float[][] Probabilities(IReadOnlyList<FeatureRow> rows) =>
        [.. Classifier.Predict(rows).Select(p => TemperatureScaling.Apply(p, Metadata.Temperature))];

    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using (var entry = zip.CreateEntry(MetadataEntry).Open())
            {
                JsonSerializer.Serialize(entry, Metadata, Json);
            }

            using var classifier = zip.CreateEntry(ClassifierEntry).Open();
            using var buffer = new MemoryStream();
            Classifier.Save(buffer, Catalog.Numbers.Count);
            buffer.Position = 0;
            buffer.CopyTo(classifier);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="DyadException">BadInput: the file is missing, not a Dyad model, or made by another model format.</exception>
    public static AttributionModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DyadException(DyadErrorKind.NotFound, $"{path}: no model file there; train one with 'dyad model train'.");
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            var metadataEntry = zip.GetEntry(MetadataEntry) ?? throw DyadException.BadInput($"{path}: not a Dyad model file (it has no {MetadataEntry}).", path);
            using var document = JsonDocument.Parse(Read(metadataEntry));
            var format = document.RootElement.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : 0;
            if (format != ModelMetadata.CurrentFormat)
            {
                var by = document.RootElement.TryGetProperty("dyadVersion", out var v) ? $" (made by Dyad {v})" : "";
                throw DyadException.BadInput(
                    $"{path}: model format {format}{by}; this Dyad reads format {ModelMetadata.CurrentFormat}. Train the model again with 'dyad model train'.", path);
            }

            var metadata = document.Deserialize<ModelMetadata>(Json) ?? throw DyadException.BadInput($"{path}: the model's metadata is empty.", path);
            var classifierEntry = zip.GetEntry(ClassifierEntry) ?? throw DyadException.BadInput($"{path}: the model file has no classifier ({ClassifierEntry}).", path);
            using var classifier = new MemoryStream(Read(classifierEntry));
            return new AttributionModel(metadata, GradientBoostedClassifier.Load(classifier, metadata.Features.Count(d => d.Kind == FeatureKind.Number), metadata.Classes, metadata.Options.Seed));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or InvalidOperationException or FormatException or IOException or ArgumentException)
        {
            throw DyadException.BadInput($"{path}: not a readable Dyad model file: {e.Message}", path, inner: e);
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
