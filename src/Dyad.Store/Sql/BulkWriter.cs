namespace Dyad.Store.Sql;

/// <summary>
/// Writes rows into one table in bulk, a value at a time in the table's column order: DuckDB's appender or
/// PostgreSQL's binary COPY. Rows are written when the writer is completed; disposing it without completing drops them.
/// </summary>
internal abstract class BulkWriter : IDisposable
{
    public abstract BulkWriter Row();

    public abstract BulkWriter Long(long value);

    public abstract BulkWriter Int(int? value);

    public abstract BulkWriter Short(short? value);

    public abstract BulkWriter Double(double? value);

    public abstract BulkWriter Bool(bool? value);

    public abstract BulkWriter Date(DateOnly value);

    public abstract BulkWriter Text(string? value);

    /// <summary>A list of text, or NULL.</summary>
    public abstract BulkWriter Texts(IReadOnlyList<string>? values);

    /// <summary>A list of text, with an empty list stored as NULL: most events have no associates, and NULL costs nothing.</summary>
    public BulkWriter OptionalTexts(IReadOnlyList<string> values) => Texts(values.Count == 0 ? null : values);

    public abstract BulkWriter Bytes(byte[] value);

    public abstract void EndRow();

    /// <summary>Writes what was added; the rows then belong to the transaction they were written in.</summary>
    public abstract void Complete();

    public abstract void Dispose();
}
