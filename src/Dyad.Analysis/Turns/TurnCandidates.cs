using System.Text.RegularExpressions;
using Dyad.Events;

namespace Dyad.Analysis.Turns;

/// <summary>An event that may report a turning event, the kind it suggests and the words that suggest it; an analyst confirms it or not.</summary>
public sealed record TurnCandidate(string SuggestedKind, string Evidence);

/// <summary>
/// Finds events that may report a turning event: ACLED's strategic developments (agreements; changes to a group or
/// its activity) and, in any dataset's notes or summary, the words of defection, allegiance, splits, ceasefires and
/// accords. Words say what to read, not what happened: every candidate is for an analyst to confirm with
/// <c>dyad turns add</c>.
/// </summary>
public static partial class TurnCandidates
{
    private static readonly (string Kind, Regex Words)[] Patterns =
    [
        (TurningEvent.Defection, Defection()),
        ("pledge", Pledge()),
        ("split", Split()),
        ("ceasefire", Ceasefire()),
        ("accord", Accord()),
    ];

    /// <summary>The candidate an event is, or null when nothing in it suggests a turning event.</summary>
    public static TurnCandidate? Of(DyadEvent e)
    {
        var text = e.Notes ?? "";
        foreach (var (kind, words) in Patterns)
        {
            if (words.Match(text) is { Success: true } match)
            {
                return new TurnCandidate(kind, Snippet(text, match));
            }
        }

        if (e.Category.Type is { } type && type.Equals("Strategic developments", StringComparison.OrdinalIgnoreCase)
            && e.Category.Subtype is { } subtype && (subtype.Equals("Agreement", StringComparison.OrdinalIgnoreCase) || subtype.StartsWith("Change to group", StringComparison.OrdinalIgnoreCase)))
        {
            return new TurnCandidate(subtype.Equals("Agreement", StringComparison.OrdinalIgnoreCase) ? "accord" : "split", $"ACLED: {type}, {subtype}");
        }

        return null;
    }

    /// <summary>The sentence around the words found, cut to a readable length.</summary>
    private static string Snippet(string text, Match match)
    {
        var start = Math.Max(0, text.LastIndexOfAny(['.', '\n'], Math.Max(0, match.Index - 1)) + 1);
        var end = text.IndexOfAny(['.', '\n'], match.Index + match.Length);
        var sentence = text[start..(end < 0 ? text.Length : end + 1)].Trim();
        return sentence.Length <= 240 ? sentence : sentence[..237] + "…";
    }

    [GeneratedRegex(@"\b(defect(ed|ion|ions|ors?)|switched (sides|allegiance)|(joined|join|joining) (the )?(ranks of )?(Islamic State|IS|ISIS|ISIL|ISKP|IS-K|Daesh|Daish|Taliban|Taleban|TTP)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Defection();

    [GeneratedRegex(@"\b(pledged? (its |their |his )?allegiance|bay'?ah|bayat|oath of allegiance)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pledge();

    [GeneratedRegex(@"\b(splinter(ed)?|split (from|with|away)|broke away|breakaway faction|expelled from)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Split();

    [GeneratedRegex(@"\b(cease-?fire|truce)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ceasefire();

    [GeneratedRegex(@"\b(peace (deal|agreement|accord)|signed an agreement|accord was signed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Accord();
}
