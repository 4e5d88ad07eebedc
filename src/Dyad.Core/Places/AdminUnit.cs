namespace Dyad.Places;

/// <summary>
/// An administrative unit: a province (level 1; FATA counts as one before 2018) or a district or agency (level 2),
/// with every name it goes by. <see cref="HasShape"/> says whether Dyad has its outline to locate points in.
/// </summary>
public sealed record AdminUnit(string Id, int Level, string Country, string Name, string? ParentId, IReadOnlyList<PlaceName> Names, bool HasShape);

/// <summary>A name in a script: latin unless said (persian, pashto).</summary>
public sealed record PlaceName(string Name, string? Script = null);

/// <summary>A populated place or area (a town, a village, a valley) with its point and the units it lies in.</summary>
public sealed record NamedPlace(string Name, IReadOnlyList<PlaceName> Names, double Latitude, double Longitude, string Kind, string Source)
{
    public string? Admin1Id { get; init; }
    public string? Admin2Id { get; init; }
}
