using System.Globalization;
using System.Text;
using Dyad.Names;

namespace Dyad.Attribution.Features;

/// <summary>
/// Takes out of a source's text everything that says who carried out an attack, so that what remains — a shrine, a
/// polio team, a tribal elder, a checkpoint, a girls' school — can be a feature. Every sentence with a word of claim or
/// blame ("claimed", "responsibility", "spokesman", "blamed", "suspected", "Amaq" …) is dropped whole: such sentences are
/// about who did it, not what was done. In the rest, every group name given is removed, matched word by word after the
/// registry's normalisation (diacritics, scripts, spelling variants), longest name first; a short all-capitals name
/// ("IS", "JI") is matched only in capitals, so that the English "is" stays. Numbers are dropped (dates, tolls: fields
/// of their own). What remains keeps its words' own spelling, separated by single spaces.
/// </summary>
public sealed class TextMask
{
    /// <summary>Beginnings of the words of claim and blame (after normalisation).</summary>
    public static readonly IReadOnlyList<string> ClaimWordStems =
        ["claim", "responsib", "spokes", "blam", "accus", "attribut", "suspect", "alleg", "amaq", "statement", "credit", "denied", "deny", "denies", "admit", "purport"];

    private const int AcronymLength = 5;
    private readonly Dictionary<string, List<NameWords>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _spellingVariants;

    // Words recur across a dataset's texts, and normalising one (Unicode decomposition, folding) is most of the cost.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _normalized = new(StringComparer.Ordinal);

    /// <param name="names">The names to take out: the registry's, in every script, and the perpetrator fields' values.</param>
    /// <param name="spellingVariants">The registry's spelling variants (see <see cref="Actors.ActorRegistry.SpellingVariants"/>).</param>
    public TextMask(IEnumerable<string> names, IReadOnlyDictionary<string, string>? spellingVariants = null)
    {
        _spellingVariants = spellingVariants ?? new Dictionary<string, string>();
        Add(_byFirstWord, names);
    }

    /// <summary>
    /// The text with claim sentences and group names taken out; null when nothing is left. <paramref name="alsoNames"/>:
    /// names to take out of this text only (the event's own perpetrator fields).
    /// </summary>
    public string? Apply(string? text, IEnumerable<string>? alsoNames = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Dictionary<string, List<NameWords>>? own = null;
        if (alsoNames is not null)
        {
            own = new Dictionary<string, List<NameWords>>(StringComparer.Ordinal);
            Add(own, alsoNames);
        }

        var kept = new List<string>();
        foreach (var sentence in Sentences(text))
        {
            var words = Words(sentence);
            if (words.Any(w => IsClaimWord(w.Normalized)))
            {
                continue;
            }

            for (var i = 0; i < words.Count;)
            {
                var length = Math.Max(NameAt(_byFirstWord, words, i), own is null ? 0 : NameAt(own, words, i));
                if (length > 0)
                {
                    i += length;
                    continue;
                }

                if (!words[i].Normalized.All(char.IsDigit))
                {
                    kept.Add(words[i].Original);
                }

                i++;
            }
        }

        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    public static bool IsClaimWord(string normalized) =>
        normalized.Length >= 3 && ClaimWordFirstLetters.Contains(normalized[0]) && ClaimWordStems.Any(stem => normalized.StartsWith(stem, StringComparison.Ordinal));

    private static readonly HashSet<char> ClaimWordFirstLetters = [.. ClaimWordStems.Select(s => s[0])];

    /// <summary>The number of words of the longest name that starts at word <paramref name="start"/>; 0 if none does.</summary>
    private static int NameAt(Dictionary<string, List<NameWords>> byFirstWord, List<Word> words, int start)
    {
        if (!byFirstWord.TryGetValue(words[start].Normalized, out var names))
        {
            return 0;
        }

        foreach (var name in names)
        {
            if (start + name.Words.Length > words.Count || (name.CapitalsOnly && WithoutPossessive(words[start].Original).Any(char.IsLower)))
            {
                continue;
            }

            var matches = true;
            for (var k = 1; k < name.Words.Length && matches; k++)
            {
                matches = words[start + k].Normalized == name.Words[k];
            }

            if (matches)
            {
                return name.Words.Length;
            }
        }

        return 0;
    }

    private void Add(Dictionary<string, List<NameWords>> byFirstWord, IEnumerable<string> names)
    {
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var words = Words(name).Select(w => w.Normalized).ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            var acronym = words.Length == 1 && name.Trim().Length <= AcronymLength && !name.Any(char.IsLower);
            if (!byFirstWord.TryGetValue(words[0], out var list))
            {
                byFirstWord[words[0]] = list = [];
            }

            if (!list.Any(n => n.Words.SequenceEqual(words) && n.CapitalsOnly == acronym))
            {
                list.Add(new NameWords(words, acronym));
                list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            }
        }
    }

    /// <summary>Sentences end at '.', '!', '?' or ';' followed by a space or the end ("U.S." and "3.5" stay whole).</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' or ';' or '\n' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    /// <summary>The words of a text: runs of letters, digits, marks and apostrophes, each with its normalised form(s).</summary>
    private List<Word> Words(string text)
    {
        var words = new List<Word>();
        var current = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) || c is '\'' or '’' or '‘' or 'ʼ' or 'ʻ' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 0)
            {
                var original = current.ToString();
                // A possessive is its word's ("IS's" is "IS"). Normalising can split a word (a zero-width non-joiner) or
                // empty it (an apostrophe alone).
                var stem = WithoutPossessive(original);
                foreach (var normalized in _normalized.GetOrAdd(stem, w => NameText.Normalize(w, _spellingVariants).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                {
                    words.Add(new Word(original, normalized));
                }

                current.Clear();
            }
        }

        return words;
    }

    /// <summary>"IS's" → "IS": a possessive is its word's.</summary>
    private static string WithoutPossessive(string word) =>
        word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '’' ? word[..^2] : word;

    private readonly record struct Word(string Original, string Normalized);

    private sealed record NameWords(string[] Words, bool CapitalsOnly);
}
