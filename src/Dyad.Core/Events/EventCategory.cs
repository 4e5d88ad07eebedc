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
}
