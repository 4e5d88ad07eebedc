namespace Dyad.Events;

/// <summary>
/// Where an event was read: the row in the file (1-based, the header being row 1 in text files; the feature's
/// position in a GeoJSON file) and the row itself, verbatim, so that it can be mapped again without the file.
/// </summary>
/// <param name="Row">The row number as a user would find it in the file.</param>
/// <param name="Raw">The original row: the CSV record's text, the spreadsheet row's cells as a JSON array, or the GeoJSON feature.</param>
public sealed record RowProvenance(long Row, string Raw);
