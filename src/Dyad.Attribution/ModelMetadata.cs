using Dyad.Attribution.Calibration;
using Dyad.Attribution.Features;
using Dyad.Attribution.Training;

namespace Dyad.Attribution;

/// <summary>What a model file says about itself: what it predicts, from what, trained on which data, and how well it did.</summary>
public sealed record ModelMetadata
{
    /// <summary>The model-file format this build of Dyad reads and writes; a file with another is refused.</summary>
    public const int CurrentFormat = 2;

    public required int Format { get; init; }
    public required string DyadVersion { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The candidate groups (actor ids, or <c>name:</c> and a source's name), and "other".</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>The same groups by name, for people.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Each class's family (an actor id) when two or more of the classes share it, else null; aligned with <see cref="Classes"/>.</summary>
    public IReadOnlyList<string?> Families { get; init; } = [];

    /// <summary>The families' names, for people.</summary>
    public IReadOnlyDictionary<string, string> FamilyNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The classes one level up (see <see cref="FamilyLevel"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public FamilyLevel FamilyLevel => _familyLevel ??= new FamilyLevel(Classes, Families);

    private FamilyLevel? _familyLevel;

    /// <summary>A class's or a family's name for people.</summary>
    public string NameOf(string unit) =>
        FamilyNames.TryGetValue(unit, out var family) ? family : Classes.ToList().IndexOf(unit) is >= 0 and var k ? ClassNames[k] : unit;

    public required IReadOnlyList<FeatureDefinition> Features { get; init; }
    public required TrainingOptions Options { get; init; }

    /// <summary>The booster settings chosen on the validation slice.</summary>
    public required BoosterSettings Booster { get; init; }

    /// <summary>Every booster the search tried, with its log-loss on the validation slice (after calibration); empty when it reused an earlier choice.</summary>
    public IReadOnlyList<BoosterScore> Candidates { get; init; } = [];

    public required int TrainingAttacks { get; init; }
    public required DateOnly DataFrom { get; init; }
    public required DateOnly DataTo { get; init; }

    /// <summary>SHA-256 over the training attacks (dataset, id, date, perpetrator) in order: the same data gives the same hash.</summary>
    public required string DataHash { get; init; }

    public required double Temperature { get; init; }
    public required VerdictThresholds Thresholds { get; init; }

    /// <summary>The newest training attacks, held out in date order: the calibration and thresholds were chosen on them.</summary>
    public required ValidationSummary Validation { get; init; }

    /// <summary>
    /// When this model was trained with an earlier search's choice (a walk-forward's step between searches): the training
    /// attacks of that search, whose validation slice <see cref="Validation"/> describes; null when it chose for itself.
    /// </summary>
    public int? ChoiceFrom { get; init; }
}

/// <summary>One booster the search tried, and its log-loss on the validation slice.</summary>
public sealed record BoosterScore(BoosterSettings Booster, double LogLoss);

/// <summary>The validation slice and the model's figures on it (after calibration).</summary>
public sealed record ValidationSummary(DateOnly From, DateOnly To, int Attacks, double Accuracy, double MacroF1, double LogLoss, double Brier, double ExpectedCalibrationError);
