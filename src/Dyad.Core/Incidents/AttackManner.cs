namespace Dyad.Incidents;

/// <summary>
/// How an attack was carried out, in words every dataset can be mapped to: GTD's attack types and ACLED's event
/// subtypes describe the same bombing differently ("Bombing/Explosion", "Remote explosive/landmine/IED").
/// </summary>
public enum AttackManner
{
    /// <summary>The source does not say, or says something the other datasets have no word for.</summary>
    Unknown,
    Explosive,
    Armed,
    Kidnapping,

    /// <summary>Shelling, rockets, air and drone strikes: a source may code them as a bombing or as an armed attack.</summary>
    IndirectFire,

    /// <summary>Protests, riots and strategic developments: not an attack at all.</summary>
    NonViolent,
}

public static class AttackManners
{
    /// <summary>
    /// The manner of an event from its first attack type (GTD), else its first weapon type (GTD: an assassination is a
    /// purpose, carried out with a bomb or a gun), else its subtype and type (ACLED).
    /// </summary>
    public static AttackManner Of(string? eventType, string? subtype, string? attackType, string? weaponType = null) =>
        Classify(attackType) is var byAttack and not AttackManner.Unknown ? byAttack
        : Classify(weaponType) is var byWeapon and not AttackManner.Unknown ? byWeapon
        : Classify(subtype) is var bySubtype and not AttackManner.Unknown ? bySubtype
        : Classify(eventType);

    /// <summary>
    /// Whether two manners agree (+1), disagree (−1) or cannot tell (0): an indirect-fire event can be a bombing in
    /// another source's words, so only clear-cut differences count against a link.
    /// </summary>
    public static int Agreement(AttackManner a, AttackManner b)
    {
        if (a == AttackManner.Unknown || b == AttackManner.Unknown || a == AttackManner.IndirectFire || b == AttackManner.IndirectFire)
        {
            return 0;
        }

        return a == b ? 1 : -1;
    }

    private static AttackManner Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AttackManner.Unknown;
        }

        var t = text.ToLowerInvariant();
        if (t.Contains("unarmed", StringComparison.Ordinal))
        {
            return AttackManner.Unknown;
        }

        if (t.Contains("shelling", StringComparison.Ordinal) || t.Contains("air/drone", StringComparison.Ordinal) || t.Contains("artillery", StringComparison.Ordinal))
        {
            return AttackManner.IndirectFire;
        }

        if (t.Contains("bomb", StringComparison.Ordinal) || t.Contains("explos", StringComparison.Ordinal) || t.Contains("grenade", StringComparison.Ordinal)
            || t.Contains("ied", StringComparison.Ordinal) || t.Contains("landmine", StringComparison.Ordinal))
        {
            return AttackManner.Explosive;
        }

        if (t.Contains("kidnap", StringComparison.Ordinal) || t.Contains("hostage", StringComparison.Ordinal) || t.Contains("abduction", StringComparison.Ordinal)
            || t.Contains("hijack", StringComparison.Ordinal))
        {
            return AttackManner.Kidnapping;
        }

        if (t.Contains("armed", StringComparison.Ordinal) || t.Contains("firearm", StringComparison.Ordinal) || t is "attack" or "battles"
            || t.Contains("clash", StringComparison.Ordinal) || t.Contains("violence against civilians", StringComparison.Ordinal))
        {
            return AttackManner.Armed;
        }

        if (t.Contains("protest", StringComparison.Ordinal) || t.Contains("riot", StringComparison.Ordinal) || t.Contains("strategic", StringComparison.Ordinal)
            || t.Contains("demonstration", StringComparison.Ordinal))
        {
            return AttackManner.NonViolent;
        }

        return AttackManner.Unknown;
    }
}
