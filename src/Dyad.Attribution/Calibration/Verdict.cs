namespace Dyad.Attribution.Calibration;

/// <summary>What Dyad says of an attack's perpetrator.</summary>
public enum Verdict
{
    /// <summary>The top group's probability is at or above the threshold that reached the model's target accuracy (95% by default) on validation data.</summary>
    Attributed,

    /// <summary>At or above the threshold for the lower target (80% by default), or attributed-strength but with thin evidence.</summary>
    Leaning,

    /// <summary>Below both, or nothing of the attack's place or manner is known.</summary>
    CannotTell,
}

/// <summary>What a verdict names: one group, or a family of groups (with the group it leans to within it).</summary>
public enum AttributionLevel
{
    Group,
    Family,
}
