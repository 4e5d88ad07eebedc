using Dyad.Claims;
using Dyad.Sources;

namespace Dyad.Store;

/// <summary>One change to an analyst's record: who made it, when, and the record before and after (JSON).</summary>
public sealed record RecordChange(DateTimeOffset At, string By, string RecordType, string RecordId, string Action, string? Before, string? After);

/// <summary>
/// The analyst's own records: sources and claims. They are never derived and never overwritten by an import or a
/// re-link; every change is kept with who made it and when.
/// </summary>
public interface IRecordStore
{
    /// <summary>Adds a source; returns it with its id.</summary>
    /// <exception cref="DyadException">BadUsage: a source with this code exists. BadInput: a grade out of range.</exception>
    Source AddSource(Source source, string by);

    IReadOnlyList<Source> Sources();

    /// <summary>The source with this code (any case) or id; null if none.</summary>
    Source? FindSource(string codeOrId);

    /// <summary>Adds a claim; returns it with its id.</summary>
    /// <exception cref="DyadException">NotFound: its source is not in the store.</exception>
    Claim AddClaim(Claim claim, string by);

    /// <summary>
    /// Replaces a claim's fields (a correction), keeping the old ones in the record of changes. <paramref name="basedOn"/>
    /// is the claim as the analyst read it before correcting it: if someone changed it since, nothing is written.
    /// </summary>
    /// <exception cref="DyadException">NotFound: no such claim. Conflict: the claim changed since it was read.</exception>
    Claim UpdateClaim(Claim claim, Claim basedOn, string by);

    IReadOnlyList<Claim> Claims();

    Claim? FindClaim(int id);

    /// <summary>Adds a change made outside the records themselves to their record (an import uploaded to the server, and who made it).</summary>
    void Note(RecordChange change);

    /// <summary>The changes to one record, or to all, oldest first.</summary>
    IReadOnlyList<RecordChange> Changes(string? recordType = null, string? recordId = null);
}
