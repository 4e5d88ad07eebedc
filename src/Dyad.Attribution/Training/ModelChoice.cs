using Dyad.Attribution.Calibration;

namespace Dyad.Attribution.Training;

/// <summary>
/// What a training's search chose on its validation slice — the booster, the temperature and the verdict thresholds —
/// kept so that a walk-forward can train the next steps' models with it instead of searching again (see
/// <see cref="AttributionTrainer.Train(IReadOnlyList{Attacks.Attack}, TrainingOptions, ModelChoice?, CancellationToken)"/>).
/// </summary>
/// <param name="TrainingAttacks">The training attacks of the search that chose it.</param>
public sealed record ModelChoice(BoosterSettings Booster, double Temperature, VerdictThresholds Thresholds, ValidationSummary Validation, int TrainingAttacks)
{
    public static ModelChoice Of(ModelMetadata metadata) =>
        new(metadata.Booster, metadata.Temperature, metadata.Thresholds, metadata.Validation, metadata.ChoiceFrom ?? metadata.TrainingAttacks);

    /// <summary>
    /// Whether a training set of <paramref name="trainingAttacks"/> may be trained with this choice: trained the same
    /// way (both within the search's limit, reading the same kinds of features, or both above it) and at most the
    /// refit limit (above it a training fits once anyway, and keeps the older attacks' model for its calibration).
    /// </summary>
    public bool Fits(int trainingAttacks, TrainingOptions options) => Reusable(TrainingAttacks, trainingAttacks, options);

    /// <summary>Whether a search on <paramref name="searchedOn"/> training attacks chooses for a training on <paramref name="trainingAttacks"/> (see <see cref="Fits"/>).</summary>
    public static bool Reusable(int searchedOn, int trainingAttacks, TrainingOptions options) =>
        trainingAttacks <= options.RefitLimit && (trainingAttacks <= options.GridSearchLimit) == (searchedOn <= options.GridSearchLimit);
}
