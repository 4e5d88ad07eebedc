namespace Dyad.Events;

/// <summary>
/// One event as a source reports it, mapped into Dyad's model. Values are the source's own; nothing here is derived
/// from registries. <see cref="Provenance"/> says where it came from, down to the row.
/// </summary>
public sealed record DyadEvent
{
    /// <summary>Which dataset the event comes from (see <see cref="Datasets"/>).</summary>
    public required string Dataset { get; init; }

    /// <summary>The dataset's own id for the event; where a file has none, a stable hash of the row (see the importer).</summary>
    public required string DatasetId { get; init; }

    public required EventDate Date { get; init; }
    public EventPlace Place { get; init; } = EventPlace.Unknown;
    public EventActors Actors { get; init; } = new();
    public EventCategory Category { get; init; } = new();
    public DeathToll Deaths { get; init; } = DeathToll.None;
    public ClaimInfo Claim { get; init; } = ClaimInfo.Unknown;

    /// <summary>The source's narrative (GTD summary, ACLED notes).</summary>
    public string? Notes { get; init; }

    /// <summary>The source's citations (GTD scite1-3, ACLED source, UCDP source_article), as the source writes them.</summary>
    public string? Citations { get; init; }

    public required RowProvenance Provenance { get; init; }
}
