namespace Dyad.Events;

/// <summary>
/// What the source says about responsibility. Null means the source does not say (GTD codes that as -9), which
/// matters for attribution: an unclaimed attack and one whose claim status is unknown are different questions.
/// </summary>
public sealed record ClaimInfo
{
    public bool? Claimed { get; init; }

    /// <summary>How it was claimed (GTD claimmode_txt: "Posted to website, blog, etc.", "Personal claim", …).</summary>
    public string? Mode { get; init; }

    /// <summary>More than one group claimed it (GTD compclaim).</summary>
    public bool? Competing { get; init; }

    /// <summary>The source doubts its own attribution (GTD guncertain1).</summary>
    public bool? AttributionUncertain { get; init; }

    public static ClaimInfo Unknown { get; } = new();
}
