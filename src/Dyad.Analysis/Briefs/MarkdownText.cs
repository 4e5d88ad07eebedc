using System.Text.RegularExpressions;

namespace Dyad.Analysis.Briefs;

/// <summary>
/// Strings from the datasets and the user (place and target names, file names, an extract's description) written into a
/// brief's Markdown as text: a row in an imported file must not become a link, an image or markup in a brief.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>The text with every character Markdown gives a meaning to escaped, and on one line.</summary>
    public static string Escape(string? text) => text is null ? "" : Punctuation().Replace(text.ReplaceLineEndings(" "), @"\$0");

    /// <summary>The text for a code span (`…`): its content is literal there, so only a backtick could end it early.</summary>
    public static string Code(string? text) => text is null ? "" : text.Replace('`', '\'').ReplaceLineEndings(" ");

    [GeneratedRegex(@"[\\`*_{}\[\]()#+!|<>~&]")]
    private static partial Regex Punctuation();
}
