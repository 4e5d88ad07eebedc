namespace Dyad.Events;

/// <summary>The actors exactly as the source names them. Canonical ids are derived later from these names.</summary>
public sealed record EventActors
{
    public ActorRoles Roles { get; init; } = ActorRoles.Sides;

    /// <summary>The perpetrator, or side A.</summary>
    public string? Actor1 { get; init; }

    /// <summary>Actors with the first: GTD's second and third perpetrator groups, ACLED's assoc_actor_1.</summary>
    public IReadOnlyList<string> Actor1Associates { get; init; } = [];

    /// <summary>The target, or side B.</summary>
    public string? Actor2 { get; init; }

    public IReadOnlyList<string> Actor2Associates { get; init; } = [];
}
