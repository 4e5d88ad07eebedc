namespace Dyad.Claims;

/// <summary>What a statement says of an attack: that the speaker did it, that it did not, or that another group did.</summary>
public enum ClaimStance
{
    Claim,
    Denial,

    /// <summary>The speaker puts the attack on another group (the rival, usually).</summary>
    Blame,
}

/// <summary>
/// A statement that ties a group to an attack, as the analyst recorded it: the original text (and a translation), the
/// fields read from it, and the source it came from. Fields the parser read can be corrected one by one.
/// </summary>
public sealed record Claim
{
    public int Id { get; init; }
    public required int SourceId { get; init; }
    public string? Channel { get; init; }
    public ClaimStance Stance { get; init; } = ClaimStance.Claim;
    /// <summary>Who speaks: the group claiming or denying, or blaming another (registry id).</summary>
    public string? ClaimantId { get; init; }
    public string? ClaimantName { get; init; }
    /// <summary>Whom the attack struck, when a group (the Taliban for IS-K's claims); never the group blamed (see <see cref="AccusedId"/>).</summary>
    public string? TargetId { get; init; }
    public string? TargetName { get; init; }
    /// <summary>For a blame, the group the speaker (or a third party) puts the attack on: "accused Daesh of …".</summary>
    public string? AccusedId { get; init; }
    public string? AccusedName { get; init; }
    /// <summary>The community the statement says was struck, in the vocabulary's words: Shia, Hazara, Sikh, Hindu, Sufi, Christian ….</summary>
    public string? TargetCommunity { get; init; }
    public int? Killed { get; init; }
    public int? Wounded { get; init; }
    /// <summary>Where the statement does not split its casualties ("killing and wounding 9").</summary>
    public int? KilledOrWounded { get; init; }
    public string? Weapon { get; init; }
    public int? WeaponCount { get; init; }

    /// <summary>The places the statement names, as it writes them, separated by "; ".</summary>
    public string? Place { get; init; }

    public string? Admin1Id { get; init; }
    public string? Admin2Id { get; init; }
    /// <summary>The attack's day, where the statement gives it; else <see cref="StatementDate"/> bounds it.</summary>
    public DateOnly? EventDate { get; init; }
    public DateOnly? StatementDate { get; init; }
    public required string Text { get; init; }
    public string? Translation { get; init; }
    public string? Language { get; init; }
}
