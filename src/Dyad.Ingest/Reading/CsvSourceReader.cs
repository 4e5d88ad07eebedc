using nietras.SeparatedValues;

namespace Dyad.Ingest.Reading;

/// <summary>
/// Reads a delimited text file with Sep: quoted fields, quoted newlines, a separator detected from the header
/// (comma, semicolon, tab or pipe), UTF-8 with a Windows-1252 fallback per byte (see <see cref="Windows1252Fallback"/>).
/// </summary>
internal sealed class CsvSourceReader : ISourceReader
{
    private readonly Stream _stream;
    private readonly StreamReader _text;
    private readonly SepReader _sep;
    private readonly Windows1252Fallback _fallback = new();
    private readonly List<string> _warnings = [];
    private string? _raw;

    public CsvSourceReader(string path)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        _text = new StreamReader(_stream, _fallback.CreateUtf8(), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            // The header is read as an ordinary row: Sep's own header handling refuses duplicate names, and a file
            // with a repeated column name should be reported by Dyad, with the column, not by a parser exception.
            _sep = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
                .From(_text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Dispose();
            throw DyadException.BadInput($"{path}: cannot be read as delimited text: {e.Message}", path, 1, inner: e);
        }

        if (!_sep.MoveNext())
        {
            Columns = [];
            return;
        }

        var header = _sep.Current;
        var columns = new string[header.ColCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = header[i].ToString().Trim();
        }

        Columns = columns;
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public long RowNumber { get; private set; } = 1;

    public int FieldCount => _sep.Current.ColCount;

    public string? RowProblem { get; private set; }

    public double Progress => _stream.CanSeek && _stream.Length > 0 ? (double)_stream.Position / _stream.Length : 0;

    public IReadOnlyList<string> Warnings
    {
        get
        {
            var all = new List<string>(_warnings);
            if (_fallback.BytesRepaired > 0)
            {
                all.Add($"{_fallback.BytesRepaired:N0} byte(s) were not valid UTF-8 and were read as Windows-1252.");
            }

            return all;
        }
    }

    public bool Read()
    {
        if (Columns.Count == 0)
        {
            return false;
        }

        bool more;
        try
        {
            more = _sep.MoveNext();
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            throw DyadException.BadInput($"{Path}: cannot read row {RowNumber + 1}: {e.Message}", Path, RowNumber + 1, inner: e);
        }

        if (!more)
        {
            return false;
        }

        RowNumber = _sep.Current.RowIndex + 1;
        // Sep unescapes quotes in place when a field is first read; the verbatim row must be taken before that.
        _raw = _sep.Current.Span.ToString();
        RowProblem = CheckFieldCount();
        return true;
    }

    public ReadOnlySpan<char> Field(int index)
    {
        var row = _sep.Current;
        return index < row.ColCount ? row[index].Span.Trim() : [];
    }

    public string RawRow() => _raw ?? string.Empty;

    private string? CheckFieldCount()
    {
        var count = _sep.Current.ColCount;
        if (count == Columns.Count)
        {
            return null;
        }

        // UCDP's API export ends every row with a separator: one empty field more than the header names.
        if (count == Columns.Count + 1 && _sep.Current[count - 1].Span.IsEmpty)
        {
            return null;
        }

        var problem = $"the row has {count} field(s) where the header has {Columns.Count}";
        return _raw is not null && _raw.Contains('\n', StringComparison.Ordinal)
            ? problem + "; a quote that is never closed probably starts in it"
            : problem;
    }

    public void Dispose()
    {
        _sep?.Dispose();
        _text.Dispose();
        _stream.Dispose();
    }
}
