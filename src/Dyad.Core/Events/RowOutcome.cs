namespace Dyad.Events;

/// <summary>What became of one row of an input file: an event, or a rejection with its reason.</summary>
public abstract record RowOutcome(long Row);

/// <summary>The row mapped to an event.</summary>
public sealed record MappedRow(DyadEvent Event) : RowOutcome(Event.Provenance.Row);

/// <summary>
/// The row could not be imported. It is kept, verbatim, with the column and value at fault and a reason a user can act on.
/// </summary>
public sealed record RejectedRow(long Row, string? Column, string? Value, string Reason, string Raw) : RowOutcome(Row);
