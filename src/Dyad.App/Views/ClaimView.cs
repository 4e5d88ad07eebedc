using Dyad.App.Records;
using Dyad.Claims;
using Dyad.Sources;

namespace Dyad.App.Views;

/// <summary>
/// Claims for machines, the same from the CLI's --json and the API: a claim cites its source as the reader may see it
/// (a protected or restricted source by its code alone).
/// </summary>
public static class ClaimView
{
    public static object Of(ClaimRecording.Recorded recorded, Source source, bool showProtected) => new
    {
        Claim = Claim(recorded.Evidence.Claim, source, showProtected),
        recorded.Notes,
        Events = recorded.Evidence.Matches.Select(m => new { m.Event.Id, m.Event.Event.Dataset, m.Event.Event.DatasetId, m.Match.Score, m.Match.Linked, m.Match.Reasons }),
        Competing = recorded.Evidence.Competing.Select(c => new { c.Id, c.Stance, c.ClaimantId }),
    };

    public static object Claim(Claim claim, Source source, bool showProtected) => new
    {
        claim.Id,
        claim.Stance,
        claim.ClaimantId,
        claim.ClaimantName,
        claim.TargetId,
        claim.TargetName,
        claim.TargetCommunity,
        claim.AccusedId,
        claim.AccusedName,
        claim.Killed,
        claim.Wounded,
        claim.KilledOrWounded,
        claim.Weapon,
        claim.WeaponCount,
        claim.Place,
        claim.Admin1Id,
        claim.Admin2Id,
        claim.EventDate,
        claim.StatementDate,
        claim.Channel,
        claim.Text,
        claim.Translation,
        claim.Language,
        Source = source.Code,
        Citation = ChicagoNote.For(source, showProtected),
    };

}
