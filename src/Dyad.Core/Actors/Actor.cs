namespace Dyad.Actors;

/// <summary>A canonical actor: one id for every name a group, a state or a category of people goes by.</summary>
/// <param name="Kind">armed-group, state, militia, party, organisation, communal, civilians or unspecified.</param>
public sealed record Actor(string Id, string Name, string Kind, IReadOnlyList<ActorRelation> Relations, IReadOnlyList<ActorName> Names, string? Notes = null)
{
    /// <summary>The name without its parenthesis, for tables and charts: "Afghan Taliban", not "Afghan Taliban (Islamic Emirate of Afghanistan)".</summary>
    public string ShortName => Name.IndexOf(" (", StringComparison.Ordinal) is > 0 and var cut && Name.EndsWith(')') ? Name[..cut] : Name;
}

/// <summary>
/// How one actor stands to another: part-of (the Haqqani Network, of the Taliban), province-of (IS-K, of the Islamic
/// State), branch-of, faction-of (one of a movement's armed groups: the BRA, of the Baloch separatists), splinter-of (not
/// part of: a rival that broke away), allied-with.
/// </summary>
public sealed record ActorRelation(string Type, string ActorId)
{
    /// <summary>Relations under which the related actor's events count as this one's parent's too.</summary>
    public bool IsMembership => Type is "part-of" or "province-of" or "branch-of";

    /// <summary>Relations that make one family of groups for attribution: membership, and factions and splinters of a movement.</summary>
    public bool IsFamily => IsMembership || Type is "faction-of" or "splinter-of";
}
