namespace Dyad.Events;

/// <summary>
/// What kind of violence, in the source's vocabulary: ACLED event_type / sub_event_type, UCDP type of violence,
/// GTD's attack, weapon and target types (first listed first).
/// </summary>
public sealed record EventCategory
{
    public string? Type { get; init; }
    public string? Subtype { get; init; }
    public IReadOnlyList<string> AttackTypes { get; init; } = [];
    public IReadOnlyList<string> WeaponTypes { get; init; } = [];
    public IReadOnlyList<string> TargetTypes { get; init; } = [];
    public IReadOnlyList<string> TargetSubtypes { get; init; } = [];
    public bool? Suicide { get; init; }

    /// <summary>GTD's weapon subtypes (e.g. "Vehicle", "Suicide (carried bodily by human being)"), first listed first.</summary>
    public IReadOnlyList<string> WeaponSubtypes { get; init; } = [];

    /// <summary>The targets' nationalities (GTD natlty1-3), first listed first.</summary>
    public IReadOnlyList<string> TargetNationalities { get; init; } = [];

    /// <summary>Part of a multi-part incident (GTD <c>multiple</c>).</summary>
    public bool? PartOfMultiple { get; init; }

    /// <summary>Property was damaged (GTD <c>property</c>).</summary>
    public bool? PropertyDamage { get; init; }

    /// <summary>Hostages were taken or people kidnapped (GTD <c>ishostkid</c>).</summary>
    public bool? Hostages { get; init; }

    /// <summary>How many took part in the attack (GTD <c>nperps</c>), when known.</summary>
    public int? Perpetrators { get; init; }
}
