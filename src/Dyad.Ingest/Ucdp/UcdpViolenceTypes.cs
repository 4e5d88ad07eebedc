namespace Dyad.Ingest.Ucdp;

/// <summary>UCDP's three types of organised violence (type_of_violence 1-3).</summary>
internal static class UcdpViolenceTypes
{
    public const string StateBased = "State-based conflict";
    public const string NonState = "Non-state conflict";
    public const string OneSided = "One-sided violence";

    public static string? FromCode(int? code) => code switch
    {
        1 => StateBased,
        2 => NonState,
        3 => OneSided,
        _ => null,
    };
}
