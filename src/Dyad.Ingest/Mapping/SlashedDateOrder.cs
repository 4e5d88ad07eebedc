namespace Dyad.Ingest.Mapping;

/// <summary>How a dataset orders the numbers of a slashed date such as 08/05/2021, when its documentation says.</summary>
internal enum SlashedDateOrder
{
    /// <summary>Nothing settles it: a date that can be read two ways is refused.</summary>
    Unsettled,

    /// <summary>Month first, as in GTD's and the UCDP API's US-style dates (5/8/2021 is 8 May).</summary>
    MonthFirst,
}
