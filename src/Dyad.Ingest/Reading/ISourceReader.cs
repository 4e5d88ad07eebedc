namespace Dyad.Ingest.Reading;

/// <summary>
/// A forward-only cursor over the rows of a tabular file: a header, then rows of text fields. Fields are spans valid
/// until the next <see cref="Read"/>, so that a 2,000,000-row file streams without a string per field.
/// </summary>
public interface ISourceReader : IDisposable
{
    /// <summary>The file being read, as the user named it.</summary>
    string Path { get; }

    /// <summary>The column names from the header, trimmed, in file order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Moves to the next row; false at the end of the file.</summary>
    bool Read();

    /// <summary>The current row's number as a user finds it in the file: the header is row 1, the first data row row 2.</summary>
    long RowNumber { get; }

    /// <summary>How many fields the current row has; it may differ from the header's count in a damaged file.</summary>
    int FieldCount { get; }

    /// <summary>The field's text, unquoted; empty when the row has no such field.</summary>
    ReadOnlySpan<char> Field(int index);

    /// <summary>The current row as it stands in the file, for provenance and for rejects.</summary>
    string RawRow();

    /// <summary>How far through the file the reader is, from 0 to 1, for progress bars.</summary>
    double Progress { get; }

    /// <summary>Things the user should know about the file as a whole (an encoding repaired, say), once it is read.</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Why the current row cannot be trusted as a whole (a field count that does not match the header), or null.
    /// </summary>
    string? RowProblem { get; }
}
