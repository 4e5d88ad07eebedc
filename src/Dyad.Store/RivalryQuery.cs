namespace Dyad.Store;

/// <summary>
/// What a rivalry is measured on: two sides (each a set of actor ids, members included), a period and countries.
/// UCDP's yearly tables are left out: their deaths are the same deaths its events count.
/// </summary>
public sealed record RivalryQuery(
    IReadOnlyList<string> SideA,
    IReadOnlyList<string> SideB,
    PeriodUnit By = PeriodUnit.Month,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<string>? Countries = null);

public enum PeriodUnit
{
    Month,
    Quarter,
    Year,
}

/// <summary>Which part of the rivalry a cell counts: A against B, or one side's violence without the other.</summary>
public enum RivalryRole
{
    /// <summary>A and B on opposite sides (perpetrator and target, or side A and side B).</summary>
    Dyadic,

    /// <summary>A on a side, B not against it.</summary>
    SideA,

    /// <summary>B on a side, A not against it.</summary>
    SideB,
}

/// <summary>
/// Events and deaths of one role, dataset, period, province, district and first target type. Deaths per side are the
/// source's split (UCDP deaths_a / deaths_b, GTD's perpetrator deaths) where it gives one, turned to A's and B's; where a
/// source gives the split but no total (UCDP's GeoJSON extracts), the total is the sum of its parts.
/// </summary>
/// <param name="Province">The gazetteer's province id, else the source's province name; null when unknown.</param>
/// <param name="Claimed">Events the source records as claimed; <paramref name="ClaimRecorded"/> of them have a claim flag at all.</param>
public sealed record RivalryCell(
    RivalryRole Role,
    string Dataset,
    DateOnly Period,
    string? Province,
    string? District,
    string? TargetType,
    long Events,
    long DeathsLow,
    long DeathsBest,
    long DeathsHigh,
    long? DeathsA,
    long? DeathsB,
    long Claimed,
    long ClaimRecorded);
