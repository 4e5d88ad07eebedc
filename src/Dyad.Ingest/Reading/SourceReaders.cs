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
            _ => new CsvSourceReader(path),
        };
    }

    private enum Container { Text, Zip, Json }

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

        var text = head.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'{' ? Container.Json : Container.Text;
    }
}
