using System.Globalization;
using System.Text;

namespace Dyad.Sources;

/// <summary>
/// A source as a footnote in Chicago style (notes and bibliography), the style analysts' articles use. A source
/// whose identity the reader may not see is cited by its code and its kind only.
/// </summary>
public static class ChicagoNote
{
    /// <param name="showProtected">Whether the reader may see protected and restricted sources' identities.</param>
    public static string For(Source source, bool showProtected = false)
    {
        if (!source.IsOpen && !showProtected)
        {
            return $"{Kind(source.Type)} {source.Code} ({source.Protection.ToString().ToLowerInvariant()} source; identity withheld).";
        }

        var note = new StringBuilder();
        switch (source.Type)
        {
            case SourceType.Book:
                Append(note, source.Author, ", ");
                note.Append(CultureInfo.InvariantCulture, $"*{source.Title}*");
                var imprint = string.Join(", ", new[] { source.Publisher, source.Published }.Where(p => !string.IsNullOrWhiteSpace(p)));
                if (imprint.Length > 0)
                {
                    note.Append(CultureInfo.InvariantCulture, $" ({imprint})");
                }

                Append(note, source.Pages, ", ", prefixFirst: true);
                note.Append('.');
                break;
            case SourceType.Interview:
                note.Append(CultureInfo.InvariantCulture, $"Interview with {source.Title ?? source.Code}");
                Append(note, source.Published, ", ", prefixFirst: true);
                note.Append('.');
                break;
            case SourceType.NewsAgency or SourceType.OfficialStatement or SourceType.PropagandaOutlet or SourceType.SocialMedia when source.Author is null:
                note.Append(CultureInfo.InvariantCulture, $"{(source.Type == SourceType.OfficialStatement ? "Statement" : "Report")} from {source.Publisher ?? source.Author ?? source.Code}");
                if (source.Title is { } quoted)
                {
                    var ending = quoted.EndsWith('…') ? "" : ".";
                    note.Append(CultureInfo.InvariantCulture, $": \"{quoted.TrimEnd('.')}{ending}\"");
                }
                else
                {
                    note.Append('.');
                }

                Sentence(note, source.TranslatedFrom is { } from ? $"Translated from {from}" : null);
                Sentence(note, source.AccessedVia is { } via ? $"Accessed via {via}" : null);
                Sentence(note, source.Published);
                break;
            default:
                Append(note, source.Author, ", ");
                note.Append(CultureInfo.InvariantCulture, $"\"{source.Title ?? source.Code},\"");
                if (source.Publisher is { } publisher)
                {
                    note.Append(CultureInfo.InvariantCulture, $" *{publisher}*");
                }

                Append(note, source.Published, ", ", prefixFirst: true);
                Append(note, source.Pages, ", ", prefixFirst: true);
                note.Append('.');
                break;
        }

        Sentence(note, source.Url);
        if (source.Accessed is { } accessed)
        {
            Sentence(note, $"Accessed {accessed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        }

        return note.ToString().Replace(",.", ".", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal);
    }

    private static string Kind(SourceType type) => type switch
    {
        SourceType.Interview => "Interview",
        SourceType.Report => "Report",
        _ => "Source",
    };

    private static void Append(StringBuilder note, string? part, string separator, bool prefixFirst = false)
    {
        if (string.IsNullOrWhiteSpace(part))
        {
            return;
        }

        note.Append(prefixFirst ? separator + part : part + separator);
    }

    private static void Sentence(StringBuilder note, string? sentence)
    {
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return;
        }

        note.Append(' ').Append(sentence.TrimEnd('.')).Append('.');
    }
}
