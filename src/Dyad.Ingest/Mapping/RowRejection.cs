namespace Dyad.Ingest.Mapping;

/// <summary>
/// Thrown by a mapper when a row cannot become an event; the importer turns it into a <see cref="Events.RejectedRow"/>.
/// Rows are rejected rarely, so an exception keeps the mappers readable at no cost to the common path.
/// </summary>
internal sealed class RowRejection(string? column, string? value, string reason) : Exception(reason)
{
    public string? Column { get; } = column;
    public string? Value { get; } = value;
    public string Reason { get; } = reason;
}
