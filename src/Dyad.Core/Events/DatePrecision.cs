namespace Dyad.Events;

/// <summary>How precisely a source knows when an event happened.</summary>
public enum DatePrecision
{
    Day = 1,
    /// <summary>Known to within a few days or a week (UCDP date_prec 2-3, ACLED time_precision 2).</summary>
    Week = 2,
    Month = 3,
    Year = 4,
}
