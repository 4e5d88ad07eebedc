using Dyad.Events;

namespace Dyad.Attribution.Attacks;

/// <summary>
/// An event as attribution sees it: the event, where it was placed, and who carried it out when that is known.
/// </summary>
/// <param name="EventId">The store's event id; negative for events read from a file that are not in the store.</param>
/// <param name="Country">The source's country, or the gazetteer's for an event the source gives only coordinates for.</param>
/// <param name="Province">The province key: the gazetteer's id where the event was assigned one, else country and the source's province name.</param>
/// <param name="District">The gazetteer's district id, or the source's district name under its province key.</param>
/// <param name="Perpetrator">The group that carried it out (an actor id, or <c>name:</c> and the source's name when the registry does not know it); null when unknown.</param>
public sealed record Attack(long EventId, DyadEvent Event, string? Country, string? Province, string? District, string? Perpetrator, PerpetratorStatus Status)
{
    /// <summary>
    /// What another source says of who did it, when this event's own source does not know or does not claim it: a
    /// linked report in another dataset that names a group, or an analyst's claim record set against this event.
    /// </summary>
    public OutsideEvidence? NamedElsewhere { get; init; }

    /// <summary>
    /// What the source writes of the attack (GTD's summary and target entity, ACLED's notes, UCDP's headlines) with every
    /// group name and every word of claim or blame taken out (see <see cref="Features.TextMask"/>); null when it has none.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// The community most of the people of the attack's place are, where the gazetteer marks it (see
    /// <see cref="Places.CommunityAreas"/>): by the attack's point and units, or by a marked neighbourhood its text names.
    /// </summary>
    public string? PlaceCommunity { get; init; }

    /// <summary>The file the event was imported from (as the store recorded it), for a reference a user can look up.</summary>
    public string? SourceFile { get; init; }

    /// <summary>
    /// Where a user finds the event in its source: the dataset's own id (GTD eventid, ACLED event_id_cnty, UCDP id), or,
    /// for a file without ids (Dyad then hashes the row), the file and the row.
    /// </summary>
    public string SourceReference => Event.DatasetId.StartsWith("row:", StringComparison.Ordinal)
        ? $"{Path.GetFileName(SourceFile) ?? Event.Dataset}, row {Event.Provenance.Row}"
        : $"{Event.Dataset} {Event.DatasetId}";

    /// <summary>The perpetrator is a state's forces or a militia on a state's side: a candidate only when asked for.</summary>
    public bool ByStateForces { get; init; }

    public DateOnly Date => Event.Date.Start;

    /// <summary>The source's own claim flag: true claimed, false not claimed, null not recorded (UCDP, ACLED).</summary>
    public bool? Claimed => Event.Claim.Claimed;

    /// <summary>The same attack with its perpetrator withheld, to ask the model who it was.</summary>
    public Attack WithPerpetratorHidden() => this with { Perpetrator = null, Status = PerpetratorStatus.Unknown };
}

/// <summary>What an event says of who carried it out.</summary>
public enum PerpetratorStatus
{
    /// <summary>The source names one group as the perpetrator: a training label.</summary>
    Known,

    /// <summary>An attack whose perpetrator the source does not know ("Unknown", "Unidentified armed group"): what attribution is for.</summary>
    Unknown,

    /// <summary>Not an attack by one side (a battle between two groups, a protest, a yearly count): neither a label nor a question.</summary>
    NotAnAttack,
}

/// <summary>A group named for an attack by something other than the attack's own source.</summary>
/// <param name="Group">The group (an actor id).</param>
/// <param name="Kind">What names it: a linked report in another dataset, or a claim.</param>
/// <param name="Reference">Which: the other event (DATASET:ID) or the claim (claim N).</param>
public sealed record OutsideEvidence(string Group, OutsideEvidenceKind Kind, string Reference);

public enum OutsideEvidenceKind
{
    /// <summary>Another dataset's report of the same incident names the group: evidence, not a label.</summary>
    LinkedReport,

    /// <summary>The group claimed it (an analyst's claim record): a label, as the dataset's own claim would be.</summary>
    Claim,
}
