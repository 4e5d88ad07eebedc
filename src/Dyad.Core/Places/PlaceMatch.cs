namespace Dyad.Places;

/// <summary>How a place name was matched, from surest to least sure.</summary>
public enum PlaceMatchMethod
{
    /// <summary>A name of the unit or place, up to case, diacritics, punctuation and letter forms.</summary>
    Exact,
    /// <summary>The same consonants: a transliteration variant (Ningarhar for Nangarhar, Korengal for Korangal).</summary>
    Variant,
    /// <summary>Within a small edit distance of a name: a misspelling.</summary>
    Fuzzy,
    None,
}

/// <summary>One thing a name may mean: an admin unit or a place, and how sure the match is (0 to 1).</summary>
public sealed record PlaceCandidate(AdminUnit? Unit, NamedPlace? Place, string MatchedName, double Confidence);

/// <summary>What a place name matched: the candidates of the surest method that found any (several when it is ambiguous).</summary>
public sealed record PlaceMatch(string Query, PlaceMatchMethod Method, IReadOnlyList<PlaceCandidate> Candidates)
{
    public PlaceCandidate? Single => Candidates.Count == 1 ? Candidates[0] : null;
}

/// <summary>Where a point lies: its province (or FATA, before 2018) and district, where Dyad has their outlines.</summary>
public sealed record PointLocation(AdminUnit? Admin1, AdminUnit? Admin2, AdminUnit? HistoricalAdmin1);

/// <summary>
/// The units Dyad assigns an event to, how (point-in-polygon, or the name matched exactly, as a variant or fuzzily)
/// and how sure (0 to 1). The source's own admin names stay on the event.
/// </summary>
public sealed record PlaceAssignment(string? Admin1Id, string? Admin2Id, string Method, double Confidence)
{
    public static PlaceAssignment None { get; } = new(null, null, "none", 0);
}
