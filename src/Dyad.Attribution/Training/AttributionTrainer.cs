using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Calibration;
using Dyad.Attribution.Evaluation;
using Dyad.Attribution.Features;

namespace Dyad.Attribution.Training;

/// <summary>
/// Trains an attribution model on attacks whose perpetrator is known: the newest share (in date order) is held out to
/// fit the temperature and choose the verdict thresholds, then the model is trained again on all of them. The same
/// attacks and seed give the same model.
/// </summary>
public sealed class AttributionTrainer(AttributionSetting setting, TimeProvider clock)
{
    /// <summary>The class of every group outside the model's candidates.</summary>
    public const string Other = "other";

    /// <summary>Fewer training attacks with a text than this, and the text is not read as words.</summary>
    public const int MinimumTexts = 50;

    /// <exception cref="DyadException">BadInput: too few attacks with a known perpetrator, or fewer than two groups.</exception>
    /// <exception cref="OperationCanceledException">Cancelled, within a second even in the middle of LightGBM's training.</exception>
    public AttributionModel Train(IReadOnlyList<Attack> attacks, TrainingOptions options, CancellationToken cancellationToken = default) =>
        Train(attacks, options, reuse: null, cancellationToken);

    /// <param name="reuse">
    /// What an earlier search chose (see <see cref="ModelChoice.Fits"/>): the model is trained once, on every attack, with
    /// its booster, temperature and thresholds, and nothing is searched or held out; null: search and calibrate.
    /// </param>
    /// <exception cref="DyadException">BadInput: too few attacks with a known perpetrator, or fewer than two groups.</exception>
    /// <exception cref="OperationCanceledException">Cancelled, within a second even in the middle of LightGBM's training.</exception>
    public AttributionModel Train(IReadOnlyList<Attack> attacks, TrainingOptions options, ModelChoice? reuse, CancellationToken cancellationToken = default)
    {
        var inScope = InScope(attacks, options).Where(a => options.Until is not { } until || a.Date < until).ToList();
        var labelled = inScope.Where(a => a.Status == PerpetratorStatus.Known).OrderBy(a => a.Date).ThenBy(a => a.EventId).ToList();
        var classes = ChooseClasses(labelled, options);
        // Above the grid-search limit the text is read only as the community and kind of target it names: there the
        // words made the one booster worse on validation, and cost LightGBM a third more time. Data with (almost) no
        // text has no words to learn. (Letting the validation slice choose with or without the words, as it chooses the
        // booster, was tried: on slices of a few dozen attacks the choice was noise, and worse.)
        var words = options.Text && labelled.Count <= options.GridSearchLimit && labelled.Count(a => a.Text is not null) >= MinimumTexts;
        var catalog = new FeatureCatalog(classes, options.GroupActivity, words, setting.Display);
        var families = FamilyLevel.Of(classes, group => group == Other ? null : setting.Family?.Invoke(group));
        var familyLevel = new FamilyLevel(classes, families);
        var labels = labelled.Select(a => ClassOf(classes, a.Perpetrator!)).ToList();
        var activity = new ActivityIndex(inScope, group => ClassIndex(classes, group), horizon: null);
        var builder = new FeatureBuilder(catalog, activity, setting.Neighbours, options.KnownFromStepStart is { } steps ? steps.StartOf : null);
        var rows = labelled.Select((attack, i) => builder.Build(attack, labels[i])).ToList();

        // The validation slice starts on a new day, so that one day's attacks are never on both sides.
        var cut = (int)Math.Round(labelled.Count * (1 - options.ValidationShare));
        while (cut < labelled.Count && cut > 0 && labelled[cut].Date == labelled[cut - 1].Date)
        {
            cut++;
        }

        if (cut < 20 || labelled.Count - cut < 5)
        {
            throw DyadException.BadInput(
                $"{labelled.Count} attacks with a known perpetrator in the data selected: too few to train on and keep the newest {options.ValidationShare:P0} apart to calibrate. Import more data or widen --country/--until.");
        }

        var (booster, final, temperature, thresholds, validation, candidates) = reuse is not null && reuse.Fits(labelled.Count, options)
            ? (reuse.Booster, GradientBoostedClassifier.Train(rows, classes, catalog, reuse.Booster, options, cancellationToken), reuse.Temperature, reuse.Thresholds, reuse.Validation, [])
            : Search(labelled, rows, labels, cut, classes, catalog, familyLevel, options, cancellationToken);
        var metadata = new ModelMetadata
        {
            Format = ModelMetadata.CurrentFormat,
            DyadVersion = Dyad.DyadVersion.Full,
            CreatedAt = clock.GetUtcNow(),
            Classes = classes,
            ClassNames = [.. classes.Select(setting.Display)],
            Families = families,
            FamilyNames = families.OfType<string>().Distinct().ToDictionary(f => f, setting.Display),
            Features = catalog.All,
            Options = options,
            Booster = booster,
            Candidates = candidates,
            TrainingAttacks = labelled.Count,
            DataFrom = labelled[0].Date,
            DataTo = labelled[^1].Date,
            DataHash = Hash(labelled),
            Temperature = temperature,
            Thresholds = thresholds,
            Validation = validation,
            ChoiceFrom = reuse is not null && reuse.Fits(labelled.Count, options) ? reuse.TrainingAttacks : null,
        };
        return new AttributionModel(metadata, final);
    }

    /// <summary>
    /// Each booster fitted on the older attacks and scored, calibrated, on the validation slice; the best by log-loss,
    /// its thresholds, and the model kept: trained again on every attack, or with many attacks the one fitted on the
    /// older ones (with the calibration fitted for exactly it).
    /// </summary>
    private static (BoosterSettings Booster, GradientBoostedClassifier Final, double Temperature, VerdictThresholds Thresholds, ValidationSummary Validation,
        IReadOnlyList<BoosterScore> Candidates) Search(
        List<Attack> labelled, List<FeatureRow> rows, List<string> labels, int cut, IReadOnlyList<string> classes, FeatureCatalog catalog, FamilyLevel familyLevel,
        TrainingOptions options, CancellationToken cancellationToken)
    {
        var validationTruth = labels[cut..].Select(label => IndexOf(classes, label)).ToList();
        var boosters = labelled.Count > options.GridSearchLimit ? [options.LargeDataBooster] : options.Boosters;
        // The candidates are fitted side by side where each takes one thread (see TrainingOptions.FitsAtOnce).
        var tried = new (BoosterSettings Booster, GradientBoostedClassifier Fitted, double Temperature, List<float[]> Calibrated, double LogLoss)[boosters.Count];
        SideBySide.For(boosters.Count, options.FitsAtOnce(cut),
            i => tried[i] = Validate(boosters[i], rows[..cut], rows[cut..], validationTruth, classes, catalog, options, cancellationToken), cancellationToken);
        var (booster, fitted, temperature, calibrated, _) = tried.MinBy(v => v.LogLoss);
        var thresholds = VerdictThresholds.Choose(calibrated, validationTruth, options.AttributedAccuracy, options.LeaningAccuracy, familyLevel);
        var metrics = ClassificationMetrics.Compute(calibrated, validationTruth, classes);
        var final = labelled.Count > options.RefitLimit ? fitted : GradientBoostedClassifier.Train(rows, classes, catalog, booster, options, cancellationToken);
        return (booster, final, temperature, thresholds, new ValidationSummary(labelled[cut].Date, labelled[^1].Date, metrics.Count, metrics.Accuracy, metrics.MacroF1,
            metrics.LogLoss, metrics.Brier, metrics.ExpectedCalibrationError), [.. tried.Select(t => new BoosterScore(t.Booster, t.LogLoss))]);
    }

    /// <summary>
    /// How many times LightGBM fits a model to train on <paramref name="trainingAttacks"/> (with or without an earlier
    /// choice to reuse): what a walk-forward's cost estimate counts.
    /// </summary>
    public static int Fits(int trainingAttacks, bool reusing, TrainingOptions options) =>
        reusing ? 1
        : (trainingAttacks > options.GridSearchLimit ? 1 : options.Boosters.Count) + (trainingAttacks > options.RefitLimit ? 0 : 1);

    /// <summary>Trains one booster on the older attacks and scores it, calibrated, on the validation slice.</summary>
    private static (BoosterSettings Booster, GradientBoostedClassifier Fitted, double Temperature, List<float[]> Calibrated, double LogLoss) Validate(BoosterSettings booster,
        List<FeatureRow> fit, List<FeatureRow> validation, List<int> truth, IReadOnlyList<string> classes, FeatureCatalog catalog, TrainingOptions options,
        CancellationToken cancellationToken)
    {
        var fitted = GradientBoostedClassifier.Train(fit, classes, catalog, booster, options, cancellationToken);
        var raw = fitted.Predict(validation);
        var temperature = TemperatureScaling.Fit(raw, truth);
        var calibrated = raw.Select(p => TemperatureScaling.Apply(p, temperature)).ToList();
        return (booster, fitted, temperature, calibrated, ClassificationMetrics.Compute(calibrated, truth, classes).LogLoss);
    }

    /// <summary>
    /// The attacks in the countries asked for (all when none are); attacks by a state's forces are not attacks to
    /// attribute unless state forces are candidates (they still count among all attacks in a province).
    /// </summary>
    public static IEnumerable<Attack> InScope(IEnumerable<Attack> attacks, TrainingOptions options) =>
        (options.Countries.Count == 0 ? attacks
            : attacks.Where(a => a.Country is { } country && options.Countries.Contains(country, StringComparer.OrdinalIgnoreCase)))
        .Select(a => a.ByStateForces && !options.StateForces ? a with { Status = PerpetratorStatus.NotAnAttack, Perpetrator = null } : a);

    /// <summary>The class a group falls in: itself when it is a candidate, else <see cref="Other"/>.</summary>
    public static string ClassOf(IReadOnlyList<string> classes, string group) => classes.Contains(group) ? group : Other;

    /// <summary>The index of the class a group falls in (see <see cref="ClassOf"/>); -1 when neither it nor "other" is a class.</summary>
    public static int ClassIndex(IReadOnlyList<string> classes, string group)
    {
        var index = IndexOf(classes, group);
        return index >= 0 ? index : IndexOf(classes, Other);
    }

    public static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> ChooseClasses(IReadOnlyList<Attack> labelled, TrainingOptions options)
    {
        var counts = labelled.GroupBy(a => a.Perpetrator!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var candidates = options.Groups.Count > 0
            ? options.Groups.Where(counts.ContainsKey).ToList()
            : [.. counts.Where(c => c.Value >= options.MinimumEvents).Select(c => c.Key)];
        candidates.Sort(StringComparer.Ordinal);
        var othersSeen = counts.Keys.Any(g => !candidates.Contains(g));
        if (candidates.Count + (othersSeen ? 1 : 0) < 2)
        {
            throw DyadException.BadInput(
                $"the data selected has {candidates.Count} group(s) to tell apart{(candidates.Count == 0 ? "" : $" ({string.Join(", ", candidates)})")}; attribution needs at least two. Lower --min-events or name --groups.");
        }

        // Always an "other" class, even when every group in the training data is a candidate: a group that first
        // appears later must have somewhere to go.
        candidates.Add(Other);

        return candidates;
    }

    private static string Hash(IReadOnlyList<Attack> labelled)
    {
        var text = new StringBuilder();
        foreach (var a in labelled)
        {
            text.Append(a.Event.Dataset).Append('\t').Append(a.Event.DatasetId).Append('\t')
                .Append(a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\t').Append(a.Perpetrator).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
