using Dyad.Analysis.Statistics;
using Dyad.Store;

namespace Dyad.Analysis.Rivalry;

/// <summary>
/// Everything <c>dyad rivalry</c> and the brief report, each figure a sum over the store's rivalry cells. Figures count
/// incidents (the events that report one attack, across datasets, counted once); <see cref="PerDataset"/> counts each
/// dataset's own events beside them.
/// </summary>
/// <param name="Either">Incidents the sources leave open between the two sides, or attribute to both: counted apart.</param>
/// <param name="Coverage">What each file counted covers.</param>
/// <param name="DistrictClashes">A-vs-B incidents per gazetteer district, where the sources place them in one.</param>
/// <param name="CoverageEdgeChanges">Changes of level found where a source begins or ends: not turning points, but where coverage changed.</param>
/// <param name="AfterTurns">What changed after each turning event that concerns either side (leadership losses, accords, takeovers).</param>
/// <param name="Defections">The defections on record to or from either side.</param>
public sealed record RivalryResult(
    Side A,
    Side B,
    PeriodUnit By,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<PeriodRow> Timeline,
    IReadOnlyList<ProvinceRow> Provinces,
    IReadOnlyList<TargetRow> Targets,
    SideSummary SummaryA,
    SideSummary SummaryB,
    SideSummary Either,
    DyadSummary Dyad,
    TerritoryResult Territory,
    IReadOnlyList<LeaderResult> Leaders,
    IReadOnlyList<DateOnly> TurningPoints,
    IReadOnlyList<DatasetRow> PerDataset,
    IncidentCounts Incidents,
    IReadOnlyList<FileCoverage> Coverage,
    IReadOnlyList<DateOnly> CoverageEdgeChanges,
    IReadOnlyDictionary<string, long> DistrictClashes,
    IReadOnlyList<Turns.TurningStudy> AfterTurns,
    IReadOnlyList<Turns.TurningEvent> Defections)
{
    /// <summary>A's incidents without B by the part A played: what it did, the fighting it was in, what was done to it.</summary>
    public SideRoles RolesA { get; init; } = SideRoles.None;

    public SideRoles RolesB { get; init; } = SideRoles.None;

    /// <summary>Incidents the sources leave open between A and a group that is not B ("possibly A's"): never counted as A's.</summary>
    public SideSummary PossiblyA { get; init; } = SideSummary.None;

    public SideSummary PossiblyB { get; init; } = SideSummary.None;

    /// <summary>Incidents known only to the year, in the totals but not in a monthly or quarterly series (0 by year).</summary>
    public long YearOnly { get; init; }

    /// <summary>UCDP's own yearly totals beside what its events in the store hold, where the store has UCDP's tables.</summary>
    public IReadOnlyList<UcdpYear> Ucdp { get; init; } = [];
}

/// <summary>
/// One year of one part of the rivalry (A against B, or one side's one-sided violence or battles with the state) in
/// UCDP's own yearly table, beside the best deaths UCDP's events in the store give for it: an extract or a sample holds
/// less, and a figure from it must say so.
/// </summary>
public sealed record UcdpYear(Dyad.Store.RivalryRole Role, Dyad.Store.SideActivity Activity, int Year, string Table, long TableDeaths, long EventDeaths);

/// <summary>Incidents and their deaths.</summary>
public sealed record RoleCount(long Incidents, long Deaths);

/// <summary>
/// A side's incidents without the other side, by the part it played (the rule per dataset is <see cref="SideActivity"/>'s):
/// what it <see cref="Did"/> (its attacks), the fighting it was in with the state or with other groups, what was done
/// to it (air strikes, operations), and the rest (ACLED's strategic developments, protests).
/// </summary>
public sealed record SideRoles(RoleCount Did, RoleCount FoughtState, RoleCount FoughtOther, RoleCount DoneTo, RoleCount Other)
{
    public static SideRoles None { get; } = new(new(0, 0), new(0, 0), new(0, 0), new(0, 0), new(0, 0));

    public long Incidents => Did.Incidents + FoughtState.Incidents + FoughtOther.Incidents + DoneTo.Incidents + Other.Incidents;
}

/// <summary>One dataset's own events in the rivalry, before incidents are counted once: each side's (any part), its attacks, and those left open.</summary>
public sealed record DatasetRow(string Dataset, long DyadicEvents, long DyadicDeaths, long EventsA, long EventsB, long EventsEither)
{
    public long AttacksA { get; init; }

    public long AttacksB { get; init; }

    public long PossiblyA { get; init; }

    public long PossiblyB { get; init; }
}

/// <summary>How the incidents were counted: all of them, those more than one dataset reports, and the events behind them.</summary>
public sealed record IncidentCounts(long Incidents, long MultiDataset, long Events);

/// <summary>A side of the rivalry: its name and the actor ids counted as it (members included).</summary>
public sealed record Side(string Id, string Name, IReadOnlyList<string> ActorIds);

/// <summary>One period: A-vs-B incidents and deaths, each side's own (any part it played), and those left open between them.</summary>
public sealed record PeriodRow(DateOnly Period, long DyadicEvents, long DyadicDeathsLow, long DyadicDeaths, long DyadicDeathsHigh,
    long? DeathsA, long? DeathsB, long EventsA, long EventsB, long EventsEither);

/// <summary>One province: A-vs-B incidents and deaths, each side's own incidents and deaths, and those left open between them.</summary>
public sealed record ProvinceRow(string Province, string Name, long DyadicEvents, long DyadicDeaths, long EventsA, long DeathsA, long EventsB, long DeathsB,
    long EventsEither);

/// <summary>Whom each side attacked: events by the first target type.</summary>
public sealed record TargetRow(string TargetType, long EventsA, long EventsB);

/// <summary>A side's attacks (what it did, without the other side), or the incidents of one role: events, deaths, deaths per event, share claimed.</summary>
/// <param name="UnnamedElsewhere">Its incidents that another report gives no perpetrator for (GTD's "Unknown"): unclaimed attacks these sources put on the side.</param>
public sealed record SideSummary(long Events, long Deaths, double DeathsPerEvent, long ClaimRecorded, long Claimed, long UnnamedElsewhere = 0)
{
    public static SideSummary None { get; } = new(0, 0, double.NaN, 0, 0);

    public double ClaimedShare => ClaimRecorded == 0 ? double.NaN : (double)Claimed / ClaimRecorded;
}

/// <summary>A against B: events, deaths low/best/high, and each side's deaths where the sources split them.</summary>
public sealed record DyadSummary(long Events, long DeathsLow, long Deaths, long DeathsHigh, long? DeathsA, long? DeathsB, DateOnly? First, DateOnly? Last);

/// <summary>
/// Where the two are active: per period, A's active districts and how many of them B is active in too (the overlap
/// index); and the count model of A-vs-B clashes in a district-period on both being present the period before.
/// </summary>
/// <param name="ModelNote">Why there is no count model, when there is none.</param>
public sealed record TerritoryResult(string Unit, IReadOnlyList<OverlapRow> Overlap, double OverallOverlap, PoissonFit? ClashModel, string? ModelNote);

public sealed record OverlapRow(DateOnly Period, int ActiveA, int ActiveB, int Both)
{
    public double Index => ActiveA == 0 ? double.NaN : (double)Both / ActiveA;
}

/// <summary>A leadership loss and the group's incidents in equal windows before and after it, in the sources that cover both.</summary>
public sealed record LeaderResult(Leaders.LeadershipLoss Loss, int WindowMonths, RateRatio Events, IReadOnlyList<string> Datasets);
