namespace Dyad.Events;

/// <summary>What the two actor slots of an event mean.</summary>
public enum ActorRoles
{
    /// <summary>Actor 1 carried out the attack on actor 2 (GTD; UCDP one-sided violence).</summary>
    PerpetratorTarget = 1,
    /// <summary>Actor 1 and actor 2 are the sides of a fight (UCDP side_a / side_b, ACLED actor1 / actor2).</summary>
    Sides = 2,
}
