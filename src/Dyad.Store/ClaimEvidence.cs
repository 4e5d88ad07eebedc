using Dyad.Claims;
using Dyad.Incidents;

namespace Dyad.Store;

/// <summary>A claim and the events it may be about, best first, with the other statements about the same events.</summary>
/// <param name="Competing">Other claims, denials and blame whose best event is one of these.</param>
public sealed record ClaimEvidence(Claim Claim, IReadOnlyList<(ClaimMatch Match, StoredEvent Event)> Matches, IReadOnlyList<Claim> Competing);

/// <summary>Finds the events a claim may be about in a store.</summary>
public static class ClaimEvidenceSearch
{
    /// <summary>The events in the claim's days and province, scored; at most <paramref name="top"/>.</summary>
    public static IReadOnlyList<(ClaimMatch Match, StoredEvent Event)> Matches(IEventStore store, ClaimMatcher matcher, Claim claim, int top = 5)
    {
        if (ClaimMatcher.Window(claim) is not { } window || claim.Admin1Id is null)
        {
            return [];
        }

        return [.. store.Events(new EventFilter(From: window.From, To: window.To, Admin1Ids: [claim.Admin1Id], IncludeText: false))
            .Select(e => (Match: matcher.Score(claim, e.ToLinkSide()), Event: e))
            .Where(m => m.Match is not null)
            .Select(m => (m.Match!, m.Event))
            .OrderByDescending(m => m.Item1.Score).ThenBy(m => m.Event.Id)
            .Take(top)];
    }

    /// <summary>The claim's matches, and every other statement whose best match is among them.</summary>
    public static ClaimEvidence For(IEventStore store, IRecordStore records, ClaimMatcher matcher, Claim claim)
    {
        var matches = Matches(store, matcher, claim);
        var events = matches.Where(m => m.Match.Linked).Select(m => m.Event.Id).ToHashSet();
        var competing = events.Count == 0 ? [] : records.Claims()
            .Where(other => other.Id != claim.Id && Matches(store, matcher, other, top: 1) is [var best] && best.Match.Linked && events.Contains(best.Event.Id)
                && (other.ClaimantId != claim.ClaimantId || other.Stance != claim.Stance))
            .ToList();
        return new ClaimEvidence(claim, matches, competing);
    }

    /// <summary>The event as the linker and the claim matcher read it.</summary>
    public static LinkSide ToLinkSide(this StoredEvent stored)
    {
        var e = stored.Event;
        var deaths = e.Deaths.Total;
        return new LinkSide(stored.Id, e.Dataset, e.DatasetId, e.Date.Start, e.Date.End, e.Date.Precision, e.Place.Latitude, e.Place.Longitude,
            stored.Units?.Admin1Id, stored.Units?.Admin2Id, e.Actors.Roles, e.Actors.Actor1, e.Actors.Actor2, stored.Actor1Ids, stored.Actor2Ids,
            AttackManners.Of(e.Category.Type, e.Category.Subtype, e.Category.AttackTypes.FirstOrDefault(), e.Category.WeaponTypes.FirstOrDefault()), deaths, e.Category.PartOfMultiple);
    }
}
