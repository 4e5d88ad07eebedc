namespace Dyad.Store;

/// <summary>A row that could not be imported, kept with the file, row, column, value and reason.</summary>
public sealed record StoredReject(string File, long Row, string? Column, string? Value, string Reason, string Raw);
