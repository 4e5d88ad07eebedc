namespace Dyad.Ingest.Formats;

/// <summary>The kinds of file Dyad reads, each mapped by its own mapper.</summary>
public enum SourceFormat
{
    Gtd,
    Acled,
    UcdpGed,
    UcdpNonState,
    UcdpOneSided,
    UcdpBattleDeaths,

    /// <summary>An analyst's own event records, each citing its source.</summary>
    AnalystRecords,

    /// <summary>Dyad's own CSV export: events read back with their datasets and ids, to attribute; never imported.</summary>
    DyadExport,
}

/// <summary>What a user can force with <c>--format</c>: a dataset family, whose exact table is still read from the header.</summary>
public enum FormatFamily
{
    Gtd,
    Acled,
    Ucdp,
}
