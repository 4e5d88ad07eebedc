using System.Globalization;
using System.Text;

namespace Dyad.Names;

/// <summary>
/// Puts names of actors and places in a form where spelling differences that do not change the name disappear: case,
/// diacritics, punctuation, the several Unicode forms of the same Arabic-script letter (Arabic, Persian, Pashto and
/// Urdu write yeh, kaf, heh and alef differently; Pashto has letters of its own), and transliteration variants a
/// registry lists (Taleban, Khurasan).
/// </summary>
public static class NameText
{
    public static string Normalize(string name, IReadOnlyDictionary<string, string>? spellingVariants = null)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                // Diacritics, Arabic harakat, zero-width joiners: none of them changes the name.
                if (c == '\u200C')
                {
                    folded.Append(' ');
                }

                continue;
            }

            var letter = FoldArabicScript(c);
            if (letter == '\0')
            {
                continue;
            }

            // Apostrophes vanish (Da'esh is Daesh); other punctuation separates words (Tehrik-i-Taliban).
            if (letter is '\'' or '’' or '‘' or '`' or 'ʼ' or 'ʻ')
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(letter) ? char.ToLowerInvariant(letter) : ' ');
        }

        var words = folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (spellingVariants is not null)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (spellingVariants.TryGetValue(words[i], out var canonical))
                {
                    words[i] = canonical;
                }
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>An id-safe form of a name: lower-case words joined by hyphens ("United States" → "united-states").</summary>
    public static string Slug(string name) => Normalize(name).Replace(' ', '-');

    /// <summary>
    /// The consonants of a Latin-script name, first letter kept: transliterations of the same Dari or Pashto name
    /// differ mostly in vowels and doubled letters (Nangarhar, Ningarhar, Nangrahar all give "nngrhr"; Korangal and
    /// Korengal "krngl"), while different names keep different consonants (Paktia "pkt", Paktika "pktk").
    /// </summary>
    public static string Skeleton(string name)
    {
        var letters = Normalize(name).Replace(" ", "", StringComparison.Ordinal).Replace('q', 'k');
        if (letters.Length == 0)
        {
            return letters;
        }

        var skeleton = new StringBuilder().Append(letters[0]);
        foreach (var c in letters.AsSpan(1))
        {
            if (c is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y') && c != skeleton[^1])
            {
                skeleton.Append(c);
            }
        }

        return skeleton.ToString();
    }

    private static char FoldArabicScript(char c) => c switch
    {
        'ـ' => '\0',                                   // tatweel, a stretching stroke
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' or 'ی' or 'ې' or 'ۍ' or 'ئ' or 'ے' => 'ي',  // Arabic, Persian, Pashto and Urdu yeh
        'ک' or 'ڪ' or 'ګ' or 'گ' => 'ك',                 // kaf and gaf: Arabic writes both with kaf
        'ښ' => 'ش',
        'ډ' => 'د',
        'ړ' => 'ر',
        'ټ' => 'ت',
        'ڼ' => 'ن',
        'ږ' => 'ژ',
        'ہ' or 'ھ' or 'ة' or 'ۀ' => 'ه',
        'ؤ' => 'و',
        '،' or '؛' or '؟' => ' ',
        _ => c,
    };
}
