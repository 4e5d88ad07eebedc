using System.Text.Json;
using Dyad.Sources;

namespace Dyad.App.Views;

/// <summary>How Dyad writes a source's kind, protection and grade.</summary>
public static class SourceFields
{
    public static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static SourceType? Type(string text) => Parse<SourceType>(text);

    public static Protection? Protection(string text) => Parse<Protection>(text);

    /// <summary>"B2" → (B, 2); "?3" → (null, 3); null when it is not a grade.</summary>
    public static (char? Reliability, int? Credibility)? Grade(string text)
    {
        if (text.Length != 2)
        {
            return null;
        }

        var reliability = char.ToUpperInvariant(text[0]);
        var credibility = text[1];
        if ((reliability is not (>= 'A' and <= 'F') && reliability != '?') || (credibility is not (>= '1' and <= '6') && credibility != '?'))
        {
            return null;
        }

        return (reliability == '?' ? null : reliability, credibility == '?' ? null : credibility - '0');
    }

    private static T? Parse<T>(string text) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Word(v!.Value) == text.Trim().ToLowerInvariant().Replace('_', '-'));
}
