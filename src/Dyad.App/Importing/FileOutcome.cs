using Dyad.App.Records;
using Dyad.Store;

namespace Dyad.App.Importing;

/// <summary>One file's import: its report (events, or a case file's records), or why it could not be read at all.</summary>
public sealed record FileOutcome(string File, ImportReport? Report, DyadException? Error, CaseFileReport? Records = null, StoreTransferReport? Store = null)
{
    public object ToJson() => Report is { } r
        ? new { File, r.Format, r.Dataset, r.Release, r.Read, r.Imported, r.Revised, r.Duplicates, r.Rejected, r.Withdrawn, r.Warnings }
        : Store is { } t
        ? new { File, Format = "dyad-export", Read = t.Events + t.EventsSkipped, Imported = t.Events, Duplicates = t.EventsSkipped, Rejected = 0, t.Sources, t.SourcesKept, t.Claims, t.ClaimsKept }
        : Records is { } c
        ? new { File, Format = "case-file", c.Read, Imported = c.SourcesAdded + c.ClaimsAdded, Duplicates = c.SourcesKept + c.ClaimsKept, Rejected = 0, c.Warnings, c.SourcesAdded, c.ClaimsAdded }
        : new { File, Error = Error!.Message, Row = Error.Row, Column = Error.Column } as object;
}
