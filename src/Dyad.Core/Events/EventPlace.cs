namespace Dyad.Events;

/// <summary>
/// Where an event happened, in the source's own words. <see cref="GeoPrecision"/> is the source's own code (GTD
/// specificity 1-5, ACLED geo_precision 1-3, UCDP where_prec 1-7): its meaning depends on the dataset.
/// </summary>
public sealed record EventPlace
{
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
    public string? Admin2 { get; init; }

    /// <summary>The town, village or site name.</summary>
    public string? Name { get; init; }

    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? GeoPrecision { get; init; }

    public static EventPlace Unknown { get; } = new();
}
