using System.Globalization;
using Dyad.Ingest.Reading;

namespace Dyad.Ingest.Mapping;

/// <summary>
/// Typed access to the current row's fields. A missing column, an empty field and R's <c>NA</c> all read as null;
/// a value that is there but cannot be what the column holds rejects the row, naming the column and the value.
/// </summary>
internal sealed class RowFields(ISourceReader reader)
{
    /// <summary>Field values in rejections are cut to this length, so that a runaway field does not flood a report.</summary>
    private const int MaxQuotedValue = 200;

    public ISourceReader Reader => reader;

    public string ColumnName(int column) => reader.Columns[column];

    public ReadOnlySpan<char> Span(int column)
    {
        if (column < 0)
        {
            return [];
        }

        var value = reader.Field(column);
        return value is "NA" ? [] : value;
    }

    public string? Text(int column)
    {
        var span = Span(column);
        return span.IsEmpty ? null : span.ToString();
    }

    public int? Int(int column, int min = int.MinValue, int max = int.MaxValue)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            return null;
        }

        if (int.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d)
                && d is >= int.MinValue and <= int.MaxValue && (value = (int)d) == d))
        {
            if (value < min || value > max)
            {
                throw Reject(column, $"{value} is outside {Range(min, max)}");
            }

            return value;
        }

        throw Reject(column, "is not a whole number");
    }

    /// <summary>
    /// A count such as deaths. A negative number is refused, except the codes <paramref name="unknownCodes"/> by which a
    /// dataset documents an unknown count (GTD's -9 and -99), which read as null.
    /// </summary>
    public int? Count(int column, ReadOnlySpan<int> unknownCodes = default)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            return null;
        }

        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            throw Reject(column, "is not a number");
        }

        if (value < 0)
        {
            return unknownCodes.Contains((int)value) && value == Math.Floor(value)
                ? null
                : throw Reject(column, unknownCodes.IsEmpty ? "is negative; a count cannot be" : $"is negative and not one of the dataset's codes for unknown ({string.Join(", ", unknownCodes.ToArray())})");
        }

        // GTD's counts are whole numbers in practice, but a few estimates carry decimals; counts round half up.
        return value > int.MaxValue ? throw Reject(column, "is too large to be a count") : (int)Math.Round(value, MidpointRounding.AwayFromZero);
    }

    public double? Double(int column, double min, double max)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            return null;
        }

        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            throw Reject(column, "is not a number");
        }

        return value < min || value > max ? throw Reject(column, $"is outside {Range(min, max)}") : value;
    }

    public double? Latitude(int column) => Double(column, -90, 90);

    public double? Longitude(int column) => Double(column, -180, 180);

    /// <summary>A yes/no code: 1 or true, 0 or false; GTD's -9 (unknown) and anything negative read as null.</summary>
    public bool? Flag(int column)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            return null;
        }

        if (span is "1" or "1.0" || span.Equals("true", StringComparison.OrdinalIgnoreCase) || span.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (span is "0" or "0.0" || span.Equals("false", StringComparison.OrdinalIgnoreCase) || span.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return span.StartsWith('-') && int.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? null
            : throw Reject(column, "is not a yes/no code (1 or 0)");
    }

    /// <summary>The non-empty texts of several columns, in order: GTD's gname2, gname3, …</summary>
    public IReadOnlyList<string> Texts(ReadOnlySpan<int> columns)
    {
        List<string>? values = null;
        foreach (var column in columns)
        {
            var text = Text(column);
            if (text is not null)
            {
                (values ??= []).Add(text);
            }
        }

        return values is null ? [] : values;
    }

    /// <summary>A text that lists several values with a separator (ACLED's "A; B").</summary>
    public IReadOnlyList<string> List(int column, char separator)
    {
        var text = Text(column);
        if (text is null)
        {
            return [];
        }

        return text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    public RowRejection Reject(int column, string problem)
    {
        var name = column >= 0 ? ColumnName(column) : null;
        var value = column >= 0 ? Quote(reader.Field(column)) : null;
        return new RowRejection(name, value, column >= 0 ? $"{name}: '{value}' {problem}" : problem);
    }

    public static string Quote(ReadOnlySpan<char> value) =>
        value.Length <= MaxQuotedValue ? value.ToString() : string.Concat(value[..MaxQuotedValue], $"… ({value.Length:N0} characters)");

    private static string Range(double min, double max) => (min, max) switch
    {
        (int.MinValue or double.MinValue, _) => $"the range (at most {max})",
        (_, int.MaxValue or double.MaxValue) => $"the range (at least {min})",
        _ => $"the range {min} to {max}",
    };
}
