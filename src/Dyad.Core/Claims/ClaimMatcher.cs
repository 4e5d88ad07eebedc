using Dyad.Actors;
using Dyad.Incidents;

namespace Dyad.Claims;

/// <summary>An event a claim may be about, with the score and the reasons.</summary>
public sealed record ClaimMatch(long EventId, double Score, IReadOnlyList<string> Reasons)
{
    /// <summary>Strong enough to call the event the claim's attack (still the analyst's to confirm).</summary>
    public bool Linked => Score >= ClaimMatcher.LinkThreshold;
}

/// <summary>
/// Which events a claim may be about: the same day (or, where the statement gives none, the three days before it),
/// the same district or province, the claimant among the event's actors (or the event naming nobody, which is what
/// a claim answers), its target among them, its casualties and its weapon against the event's.
/// </summary>
public sealed class ClaimMatcher(ActorRegistry registry)
{
    /// <summary>How many days before a statement the attack it claims may have been.</summary>
    public const int DaysBeforeStatement = 3;

    /// <summary>
    /// A claim of a day, a province and a group that an event with the same number of dead in that province on those
    /// days matches (though its source names nobody) links; one that matches only the days, province and weapon does not.
    /// </summary>
    public const double LinkThreshold = 0.55;

    private const double MaxPoints = 8;

    /// <summary>The days an event must overlap to be a candidate for the claim; null when the claim gives no day at all.</summary>
    public static (DateOnly From, DateOnly To)? Window(Claim claim) =>
        claim.EventDate is { } day ? (day.AddDays(-1), day.AddDays(1))
        : claim.StatementDate is { } said ? (said.AddDays(-DaysBeforeStatement), said)
        : null;

    public ClaimMatch? Score(Claim claim, LinkSide e)
    {
        if (Window(claim) is not { } window || e.End < window.From || e.Start > window.To)
        {
            return null;
        }

        var reasons = new List<string>();
        var points = 0.0;
        if (claim.EventDate is { } day)
        {
            var gap = LinkScorer.DayGap(e, e with { Start = day, End = day });
            points += gap == 0 ? 2 : 1;
            reasons.Add(gap == 0 ? "the claimed day" : "a day from the claimed day");
        }
        else
        {
            points += 1;
            reasons.Add($"within {DaysBeforeStatement} days before the statement");
        }

        if (claim.Admin2Id is not null && claim.Admin2Id == e.Admin2Id)
        {
            points += 2;
            reasons.Add("the claimed district");
        }
        else if (claim.Admin1Id is not null && claim.Admin1Id == e.Admin1Id)
        {
            points += 1;
            reasons.Add("the claimed province");
        }
        else
        {
            return null;
        }

        var parties = e.Actor1Ids.Concat(e.Actor2Ids).Select(registry.Organisation).ToHashSet(StringComparer.Ordinal);
        var perpetrators = (e.Roles == Events.ActorRoles.PerpetratorTarget ? e.Actor1Ids : e.Actor1Ids.Concat(e.Actor2Ids))
            .Where(id => registry.Find(id) is { Kind: "armed-group" }).Select(registry.Organisation).ToHashSet(StringComparer.Ordinal);
        // The group the statement ties to the attack: the speaker of a claim or a denial, the accused of a blame.
        var (tied, tiedName) = claim is { Stance: ClaimStance.Blame, AccusedId: { } accused } ? (accused, claim.AccusedName) : (claim.ClaimantId, claim.ClaimantName);
        if (tied is { } claimant)
        {
            if (parties.Contains(registry.Organisation(claimant)))
            {
                points += 2;
                reasons.Add($"the event names {tiedName ?? claimant}");
            }
            else if (perpetrators.Count == 0)
            {
                points += 0.5;
                reasons.Add("the event names no perpetrator");
            }
            else
            {
                points -= 2;
                reasons.Add($"the event names another group ({e.Actor1})");
            }
        }

        if (claim.TargetId is { } target && parties.Contains(registry.Organisation(target)))
        {
            points += 1;
            reasons.Add($"the event names {claim.TargetName ?? target} too");
        }

        points += Casualties(claim, e, reasons);
        var manner = AttackManners.Agreement(Manner(claim.Weapon), e.Manner);
        if (manner != 0)
        {
            points += manner;
            reasons.Add(manner > 0 ? "the claimed weapon fits" : "the claimed weapon does not fit");
        }

        return new ClaimMatch(e.EventId, Math.Clamp(points / MaxPoints, 0, 1), reasons);
    }

    private static double Casualties(Claim claim, LinkSide e, List<string> reasons)
    {
        if (e.Deaths is not { } deaths)
        {
            return 0;
        }

        if (claim.Killed is { } killed)
        {
            if (killed == deaths)
            {
                reasons.Add($"{killed} killed in both");
                return killed == 0 ? 0.5 : 2;
            }

            reasons.Add($"{killed} claimed killed, {deaths} recorded");
            return Math.Abs(killed - deaths) <= Math.Max(1, 0.25 * Math.Max(killed, deaths)) ? 0.5 : -1;
        }

        if (claim.KilledOrWounded is { } both)
        {
            reasons.Add(deaths <= both ? $"{deaths} recorded dead, within the {both} claimed killed or wounded" : $"{deaths} recorded dead, more than the {both} claimed killed or wounded");
            return deaths <= both ? 0.5 : -1;
        }

        return 0;
    }

    private static AttackManner Manner(string? weapon) => weapon switch
    {
        "explosive device" or "car bomb" or "suicide bombing" or "magnetic bomb" or "grenade" or "mine" => AttackManner.Explosive,
        "firearms" or "sniper" or "ambush" or "knife" => AttackManner.Armed,
        "rocket" => AttackManner.IndirectFire,
        _ => AttackManner.Unknown,
    };
}
