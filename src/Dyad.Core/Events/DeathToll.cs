namespace Dyad.Events;

/// <summary>
/// Deaths and injuries as the source reports them. Every figure is nullable: null means the source does not say,
/// which is not the same as zero.
/// </summary>
public sealed record DeathToll
{
    /// <summary>UCDP's low estimate; null where the source gives one figure only.</summary>
    public int? Low { get; init; }

    /// <summary>The source's best (or only) figure for all deaths in the event.</summary>
    public int? Best { get; init; }

    /// <summary>UCDP's high estimate.</summary>
    public int? High { get; init; }

    /// <summary>Deaths on the side of the first actor (UCDP deaths_a; GTD perpetrators killed, nkillter).</summary>
    public int? Actor1 { get; init; }

    /// <summary>Deaths on the side of the second actor (UCDP deaths_b).</summary>
    public int? Actor2 { get; init; }

    public int? Civilians { get; init; }

    /// <summary>Deaths the source could not assign to a side (UCDP deaths_unknown).</summary>
    public int? Unknown { get; init; }

    public int? Wounded { get; init; }

    /// <summary>
    /// All deaths, as every figure and page counts them: the best figure, or where the source gives only the sides'
    /// split (UCDP's GeoJSON extracts), its parts; null when the source does not say (never zero). The store's SQL
    /// says the same in <c>BestDeathsSql</c>.
    /// </summary>
    public int? Total => Best ?? (Actor1 is { } a && Actor2 is { } b ? a + b + (Civilians ?? 0) + (Unknown ?? 0) : null);

    public static DeathToll None { get; } = new();
}
