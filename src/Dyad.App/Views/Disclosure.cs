using Dyad.Claims;
using Dyad.Sources;
using Dyad.Store;

namespace Dyad.App.Views;

/// <summary>
/// What a reader may see of the analysts' sources. A reader allowed protected material sees everything; any other
/// reader sees only public sources: a restricted or protected source is left out of every list, page and export, as
/// are the claims taken from it, and an event the analysts recorded from it keeps its coded fields but loses what
/// would point to the source (its citation, notes and verbatim row).
/// </summary>
public sealed class Disclosure
{
    /// <summary>What is shown where a withheld citation was.</summary>
    public const string Withheld = "(withheld)";

    private readonly HashSet<string> _withheldCodes;
    private readonly HashSet<int> _withheldIds;

    private Disclosure(bool seesProtected, IEnumerable<Source> sources)
    {
        SeesProtected = seesProtected;
        var withheld = seesProtected ? [] : sources.Where(s => !s.IsOpen).ToList();
        _withheldCodes = withheld.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _withheldIds = withheld.Select(s => s.Id).ToHashSet();
    }

    /// <summary>The disclosure for a reader, over the store's sources as they are now.</summary>
    public static Disclosure For(IRecordStore records, bool seesProtected) => new(seesProtected, seesProtected ? [] : records.Sources());

    public bool SeesProtected { get; }

    public bool Shows(Source source) => !_withheldIds.Contains(source.Id);

    public bool Shows(Claim claim) => !_withheldIds.Contains(claim.SourceId);

    /// <summary>The event as this reader may see it.</summary>
    public StoredEvent Apply(StoredEvent stored)
    {
        if (_withheldCodes.Count == 0 || stored.Event.Citations is not { } citations || !Cites(citations))
        {
            return stored;
        }

        var e = stored.Event;
        return stored with { Event = e with { Citations = Withheld, Notes = null, Provenance = e.Provenance with { Raw = null } } };
    }

    private bool Cites(string citations) =>
        citations.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(_withheldCodes.Contains);
}
