using System.Globalization;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Features;
using Dyad.Attribution.Training;

namespace Dyad.Attribution.Explaining;

/// <summary>
/// Attributes attacks with a trained model: calibrated probabilities, a verdict, the features that drove the top groups
/// (by occlusion: each feature group in turn set to unknown), and the most similar earlier attacks. What the store
/// knows — earlier attacks and their perpetrators — is the context, as it was when the model was trained.
/// </summary>
public sealed class Attributor
{
    private const int DriversPerGroup = 5;
    private const int DriversAgainst = 3;
    private const int WordsShown = 8;

    /// <summary>The category columns' properties, looked up once: explaining an attack sets and reads them per feature group.</summary>
    private static readonly System.Reflection.PropertyInfo[] CategoryProperties =
        [.. FeatureCatalog.CategoryColumns.Select(c => typeof(FeatureRow).GetProperty(c)!)];
    private readonly AttributionModel _model;
    private readonly AttributionSetting _setting;
    private readonly FeatureBuilder _builder;
    private readonly SimilarAttacks _similar;
    private readonly IReadOnlyList<(string Name, int[] Categories, int[] Numbers, bool Text)> _groups;
    private readonly HashSet<string> _vocabulary;

    /// <param name="known">The attacks in the store: their perpetrators (where known) and dates are the context.</param>
    public Attributor(AttributionModel model, IReadOnlyList<Attack> known, AttributionSetting setting)
    {
        _model = model;
        _setting = setting;
        var classes = model.Metadata.Classes;
        var inScope = AttributionTrainer.InScope(known, model.Metadata.Options).ToList();
        var activity = new ActivityIndex(inScope, group => AttributionTrainer.ClassIndex(classes, group), horizon: null);
        _builder = new FeatureBuilder(model.Catalog, activity, setting.Neighbours, horizon: null);
        _similar = new SimilarAttacks(inScope, setting.Display);
        var categories = FeatureCatalog.CategoryColumns.Length;
        var numbers = model.Catalog.Numbers.Count;
        _groups = [.. model.Catalog.All.Select((f, i) => (f.Group, i))
            .GroupBy(f => f.Group, f => f.i)
            .Select(g => (g.Key, g.Where(i => i < categories).ToArray(), g.Where(i => i >= categories && i < categories + numbers).Select(i => i - categories).ToArray(),
                g.Any(i => i >= categories + numbers)))];
        _vocabulary = new HashSet<string>(model.Classifier.Vocabulary.Where(w => !w.Contains('|', StringComparison.Ordinal)), StringComparer.Ordinal);
    }

    /// <exception cref="DyadException">BadInput: an attack has no date the model can use.</exception>
    public IReadOnlyList<AttackAttribution> Attribute(IReadOnlyList<Attack> attacks, bool explain = true)
    {
        var rows = attacks.Select(a => _builder.Build(a)).ToList();
        var probabilities = _model.Probabilities(rows);
        var results = new List<AttackAttribution>(attacks.Count);
        var families = _model.Metadata.FamilyLevel;
        for (var i = 0; i < attacks.Count; i++)
        {
            var ranked = Ranked(probabilities[i]);
            var evidence = FeatureBuilder.Evidence(attacks[i].Event);
            var (verdict, level) = _model.Metadata.Thresholds.For(probabilities[i], families, evidence);
            var (topUnit, unitProbability) = families.Top(probabilities[i]);
            var family = families.IsFamily[topUnit] ? new GroupProbability(families.Units[topUnit], _model.Metadata.NameOf(families.Units[topUnit]), unitProbability) : null;
            results.Add(new AttackAttribution(attacks[i], ranked, verdict, evidence,
                explain ? Drivers(rows[i], probabilities[i], ranked) : [], explain ? _similar.Find(attacks[i]) : [], level, family));
        }

        return results;
    }

    private List<GroupProbability> Ranked(float[] probabilities) =>
        [.. probabilities.Select((p, k) => new GroupProbability(_model.Metadata.Classes[k], _model.Metadata.ClassNames[k], p))
            .OrderByDescending(g => g.Probability).ThenBy(g => g.Group, StringComparer.Ordinal)];

    /// <summary>
    /// For the top group (and the runner-up when it has 10% or more), what lowered its probability most when taken away;
    /// for the top group, also what raised it most when taken away (what pushed against it).
    /// </summary>
    private List<Driver> Drivers(FeatureRow row, float[] full, List<GroupProbability> ranked)
    {
        var variants = _groups.Select(g => Without(row, g.Categories, g.Numbers, g.Text)).ToList();
        var occluded = _model.Probabilities(variants);
        var drivers = new List<Driver>();
        foreach (var (group, rank) in ranked.Take(2).Select((g, rank) => (g, rank)).Where(x => x.rank == 0 || x.g.Probability >= 0.1))
        {
            var k = AttributionTrainer.IndexOf(_model.Metadata.Classes, group.Group);
            var changes = _groups.Select((g, v) => new Driver(g.Name, Describe(row, g.Categories, g.Numbers, g.Text), group.Name, full[k] - occluded[v][k]))
                .Where(d => d.Value.Length > 0)
                .ToList();
            drivers.AddRange(changes.Where(d => d.Change > 0.005).OrderByDescending(d => d.Change).Take(DriversPerGroup));
            if (rank == 0)
            {
                drivers.AddRange(changes.Where(d => d.Change < -0.005).OrderBy(d => d.Change).Take(DriversAgainst));
            }
        }

        return drivers;
    }

    private static FeatureRow Without(FeatureRow row, int[] categories, int[] numbers, bool text)
    {
        var copy = row.Clone();
        foreach (var c in categories)
        {
            CategoryProperties[c].SetValue(copy, "");
        }

        foreach (var n in numbers)
        {
            copy.Numeric[n] = float.NaN;
        }

        if (text)
        {
            copy.Text = "";
        }

        return copy;
    }

    /// <summary>The feature group's values as an analyst reads them; for the text, the words of it the model reads, whole.</summary>
    private string Describe(FeatureRow row, int[] categories, int[] numbers, bool text)
    {
        var parts = categories.Select(c => (string)CategoryProperties[c].GetValue(row)!)
            .Where(v => v.Length > 0)
            .Concat(numbers.Where(n => !float.IsNaN(row.Numeric[n]))
                .Select(n => numbers.Length == 1 ? Number(row.Numeric[n]) : $"{Plain(_model.Catalog.Numbers[n].Name)} {Number(row.Numeric[n])}"));
        if (text && row.Text.Length > 0)
        {
            var words = row.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())
                .Where(_vocabulary.Contains).Distinct().Take(WordsShown).ToList();
            parts = parts.Append(words.Count > 0 ? $"\"{string.Join(" … ", words)}\"" : "");
        }

        return string.Join(", ", parts.Where(p => p.Length > 0));
    }

    /// <summary>"deaths_side_1" → "deaths side 1": a feature's name without the underscores of code.</summary>
    private static string Plain(string name) => name.Replace('_', ' ');

    private static string Number(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
