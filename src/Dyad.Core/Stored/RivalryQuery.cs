namespace Dyad.Store;

/// <summary>
/// What a rivalry is measured on: two sides (each a set of actor ids, members included), a period and countries.
/// UCDP's yearly tables are left out: their deaths are the same deaths its events count.
/// </summary>
/// <param name="Unspecified">The registry's ids for "no one in particular" (GTD's Unknown, unspecified extremists): an
/// incident one of whose reports names only these, or no one, is an unclaimed attack another report names.</param>
/// <param name="States">The registry's states (a government, its forces, an alliance of states): fighting against one
/// of them is fighting the state, not another group. A government the registry makes from a pattern ("Military Forces
/// of Mali") is known by its id, government-of-….</param>
public sealed record RivalryQuery(
    IReadOnlyList<string> SideA,
    IReadOnlyList<string> SideB,
    PeriodUnit By = PeriodUnit.Month,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Unspecified = null,
    IReadOnlyList<string>? States = null);

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

    /// <summary>
    /// Either side, unresolved: the source leaves open which of the two it was ("Taliban and/or Islamic State"; GTD's
    /// suspected groups), or the reports of one incident name A and B as its author. Counted apart, never as A's or B's.
    /// </summary>
    Either,

    /// <summary>Possibly A's: the source leaves it open between A and a group that is not B. Counted apart, never as A's.</summary>
    PossiblyA,

    /// <summary>Possibly B's: open between B and a group that is not A.</summary>
    PossiblyB,
}

/// <summary>
/// The part a side played in an event, from the dataset's own categories: what it did (GTD's perpetrator; ACLED's
/// first actor of an attack, an explosion or remote violence, or violence against civilians; UCDP one-sided violence
/// with it as side A), the fighting it was in (UCDP's state-based and non-state conflict, ACLED's battles: with the
/// state or with another group), and what was done to it (the second actor of such an attack: an air strike, an
/// operation). <see cref="Clash"/> is A against B.
/// </summary>
public enum SideActivity
{
    Clash,
    Did,
    FoughtState,
    FoughtOther,
    DoneTo,
    Other,
}

/// <summary>
/// The rivalry's cells twice over: per incident (the events that report one attack counted once; the figures a
/// brief gives) and per dataset (each dataset's own events, to show beside them).
/// </summary>
public sealed record RivalryCells(IReadOnlyList<RivalryCell> Incidents, IReadOnlyList<RivalryCell> Events)
{
    /// <summary>UCDP's own yearly totals for the two sides (its non-state, one-sided and battle-deaths tables), where the store has them.</summary>
    public IReadOnlyList<YearlyTotal> YearlyTables { get; init; } = [];
}

/// <summary>One of UCDP's yearly tables' records for a side or the two sides: its dataset, the year, the role and part, records and best deaths.</summary>
public sealed record YearlyTotal(string Dataset, int Year, RivalryRole Role, SideActivity Activity, long Records, long Deaths);

/// <summary>
/// Events (or incidents) and deaths of one role, dataset, period, province, district and first target type. For
/// incidents, <see cref="Dataset"/> names every dataset that reports them, joined with '+' in order ("acled+gtd"), and
/// each figure takes UCDP's where UCDP reports the incident, else the median of its reports'. Deaths per side are the
/// source's split (UCDP deaths_a / deaths_b, GTD's perpetrator deaths) where it gives one, turned to A's and B's; where a
/// source gives the split but no total (UCDP's GeoJSON extracts), the total is the sum of its parts.
/// </summary>
/// <param name="Province">The gazetteer's province id, else the source's province name; null when unknown.</param>
/// <param name="Claimed">Events the source records as claimed; <paramref name="ClaimRecorded"/> of them have a claim flag at all.</param>
/// <param name="UnnamedElsewhere">Incidents another report of which names no perpetrator (GTD's "Unknown"): unclaimed attacks these sources name.</param>
/// <param name="Activity">The part the side (or, for the open roles, the open name) played.</param>
/// <param name="YearOnly">Events the source dates to the year only (their <paramref name="Period"/> is the year's
/// first period): they belong in yearly series and totals, never in a month.</param>
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
    long ClaimRecorded,
    long UnnamedElsewhere = 0,
    SideActivity Activity = SideActivity.Did,
    bool YearOnly = false);
