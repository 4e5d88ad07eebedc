namespace Dyad.Events;

/// <summary>The names Dyad gives the datasets it reads. They are stored with every event and never change.</summary>
public static class Datasets
{
    public const string Gtd = "gtd";
    public const string Acled = "acled";
    public const string UcdpGed = "ucdp-ged";

    /// <summary>UCDP's conflict-year tables: one record per dyad and year, with year precision.</summary>
    public const string UcdpNonState = "ucdp-nonstate";
    public const string UcdpOneSided = "ucdp-onesided";
    public const string UcdpBattleDeaths = "ucdp-battledeaths";

    /// <summary>An analyst's own event records (from articles, reports, interviews), each citing its source.</summary>
    public const string Analyst = "analyst";

    public static IReadOnlyList<string> All { get; } = [Gtd, Acled, UcdpGed, UcdpNonState, UcdpOneSided, UcdpBattleDeaths, Analyst];

    /// <summary>Whether the dataset is one of UCDP's conflict-year tables (a total per dyad and year), not one of events.</summary>
    public static bool IsYearlyTable(string dataset) => dataset is UcdpNonState or UcdpOneSided or UcdpBattleDeaths;
}
