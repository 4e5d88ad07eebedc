namespace Dyad.Connectors.Ucdp;

/// <summary>What to fetch from the UCDP API: GED events of one release (or a monthly candidate release), optionally of one country.</summary>
/// <param name="Version">The release, as the API names it: "25.1" for GED, "25.0.9" for a candidate release.</param>
/// <param name="Country">The country's Gleditsch-Ward code, as the API filters on it (700 Afghanistan, 770 Pakistan); null for all.</param>
public sealed record UcdpFetchRequest(string Version, string? Country = null);
