namespace Dyad.Ingest.Reading;

/// <summary>Opens the right reader for a file, by its content first and its extension second.</summary>
internal static class SourceReaders
{
    public static ISourceReader Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw DyadException.BadInput($"{path}: is a folder; name the files in it.", path);
        }

        if (!File.Exists(path))
        {
            throw DyadException.BadInput($"{path}: no such file.", path);
        }

        return Sniff(path) switch
        {
            Container.Zip => new XlsxSourceReader(path),
            Container.Json => new GeoJsonSourceReader(path),
            Container.Binary => throw NotText(path),
            _ => new CsvSourceReader(path),
        };
    }

    /// <summary>
    /// A file that is not a table: a picture, a PDF, an archive uploaded or named by mistake. Its "columns" would be
    /// bytes, which garble a terminal or a page and say nothing, so they are never printed.
    /// </summary>
    public static DyadException NotText(string path) => DyadException.BadInput(
        $"{path}: not a text table or a workbook Dyad can read (its first bytes are not text). Dyad reads CSV and TSV (any encoding), .xlsx and GeoJSON as the datasets issue them.",
        path, 1);

    private enum Container { Text, Zip, Json, Binary }

    private static Container Sniff(string path)
    {
        Span<byte> head = stackalloc byte[64];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..read];
        // An .xlsx is a ZIP archive; so is a truncated one, which the workbook reader then reports as damaged.
        if (head.StartsWith("PK"u8) || path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Container.Zip;
        }

        if (head.StartsWith("\xEF\xBB\xBF"u8))
        {
            head = head[3..];
        }
        else if (!head.StartsWith("\xFF\xFE"u8) && !head.StartsWith("\xFE\xFF"u8)
            && (head.Contains((byte)0) || head.StartsWith("%PDF"u8) || head.StartsWith("\x89PNG"u8) || head.StartsWith("GIF8"u8)
                || head.StartsWith("\xFF\xD8\xFF"u8) || head.StartsWith("\x1F\x8B"u8)))
        {
            // No text but UTF-16 (which has its mark) holds a NUL byte; these are the pictures, PDFs and archives met.
            return Container.Binary;
        }

        var text = head.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'{' ? Container.Json : Container.Text;
    }
}
