using System.Globalization;
using System.Text.Json;
using ExcelDataReader;

namespace Dyad.Ingest.Reading;

/// <summary>
/// Reads the first sheet of an .xlsx workbook (START distributes GTD this way) with ExcelDataReader. Cells become
/// text the way a CSV export writes them: whole numbers without a decimal point, dates as yyyy-MM-dd.
/// </summary>
internal sealed class XlsxSourceReader : ISourceReader
{
    private readonly FileStream _stream;
    private readonly IExcelDataReader _excel;
    private readonly string?[] _fields;
    private int _fieldCount;

    public XlsxSourceReader(string path)
    {
        Path = path;
        CodePages.EnsureRegistered();
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            _excel = ExcelReaderFactory.CreateOpenXmlReader(_stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _stream.Dispose();
            throw DyadException.BadInput($"{path}: not a readable .xlsx workbook (it may be truncated or damaged): {e.Message}", path, inner: e);
        }

        if (!ReadExcelRow())
        {
            Columns = [];
            _fields = [];
            return;
        }

        var columns = new string[_excel.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = CellText(i)?.Trim() ?? string.Empty;
        }

        // Trailing unnamed columns are formatting left in the sheet, not data.
        var named = columns.Length;
        while (named > 0 && columns[named - 1].Length == 0)
        {
            named--;
        }

        Columns = columns[..named];
        _fields = new string?[Math.Max(_excel.FieldCount, named)];
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public long RowNumber { get; private set; } = 1;

    public int FieldCount => _fieldCount;

    public string? RowProblem => null;

    public double Progress => _excel.RowCount > 0 ? (double)RowNumber / _excel.RowCount : 0;

    public IReadOnlyList<string> Warnings => [];

    public bool Read()
    {
        while (true)
        {
            if (Columns.Count == 0 || !ReadExcelRow())
            {
                return false;
            }

            RowNumber++;
            _fieldCount = Math.Min(_excel.FieldCount, _fields.Length);
            var empty = true;
            for (var i = 0; i < _fieldCount; i++)
            {
                _fields[i] = CellText(i);
                empty &= string.IsNullOrEmpty(_fields[i]);
            }

            // Spreadsheets keep formatted but empty rows at the end; they are not data.
            if (!empty)
            {
                return true;
            }
        }
    }

    public ReadOnlySpan<char> Field(int index) => index < _fieldCount ? _fields[index].AsSpan().Trim() : [];

    public string RawRow() => JsonSerializer.Serialize(_fields.AsSpan(0, _fieldCount).ToArray(), RawRowJson.Default.StringArray);

    private bool ReadExcelRow()
    {
        try
        {
            return _excel.Read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw DyadException.BadInput($"{Path}: the workbook is damaged after row {RowNumber}: {e.Message}", Path, RowNumber + 1, inner: e);
        }
    }

    private string? CellText(int i) => _excel.GetValue(i) switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public void Dispose()
    {
        _excel?.Dispose();
        _stream.Dispose();
    }
}
