namespace Dyad.Actors;

/// <summary>How a name was resolved.</summary>
public enum ResolutionMethod
{
    /// <summary>A registered name of one actor.</summary>
    Name,
    /// <summary>A registry pattern (ACLED's "Protesters (Pakistan)", UCDP's "Forces of …").</summary>
    Pattern,
    /// <summary>A list of actors (UCDP writes coalitions as "A, B"), each resolved.</summary>
    Coalition,
    /// <summary>The source leaves it open between several actors, or the answer depends on a date not given: all candidates are kept.</summary>
    Ambiguous,
    /// <summary>No registered name, pattern or part of the name matches.</summary>
    Unresolved,
}

/// <summary>What a name resolves to: canonical actor ids (none when unresolved; several when ambiguous or a coalition).</summary>
public sealed record ActorResolution(string Name, IReadOnlyList<string> ActorIds, ResolutionMethod Method, string? Note = null)
{
    public bool IsResolved => Method != ResolutionMethod.Unresolved;
}

/// <summary>A resolution that holds for events whose first day is between <see cref="From"/> and <see cref="To"/> (inclusive; null is open).</summary>
public sealed record ResolutionSpan(DateOnly? From, DateOnly? To, ActorResolution Resolution);
