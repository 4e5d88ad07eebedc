namespace Dyad.Events;

/// <summary>
/// Where an event was read: the row in the file (1-based, the header being row 1 in text files; the feature's
/// position in a GeoJSON file) and the row itself, verbatim, so that it can be mapped again without the file.
/// </summary>
/// <param name="Row">The row number as a user finds it in the file.</param>
/// <param name="Raw">
/// The original row: the CSV record's text, the spreadsheet row's cells as a JSON array, or the GeoJSON feature.
/// Always set on import; null on an event read back from a store without asking for its raw row (it is stored
/// compressed apart from the event, and most queries do not need it).
/// </param>
public sealed record RowProvenance(long Row, string? Raw);
