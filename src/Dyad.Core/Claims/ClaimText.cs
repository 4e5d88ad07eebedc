using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Claims;

/// <summary>
/// The pieces of English a claim statement is made of: numbers written in words, casualty phrases, weapons and
/// dates. Vague quantities are read as their lower bound ("dozens" as 24, "several" as 3), as an analyst would
/// count them, and the parse says so.
/// </summary>
internal static partial class ClaimText
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    };

    /// <summary>Vague quantities, read as the least they can mean.</summary>
    public static readonly IReadOnlyDictionary<string, int> Vague = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["a dozen"] = 12,
        ["dozens of"] = 24,
        ["dozens"] = 24,
        ["scores of"] = 40,
        ["several"] = 3,
        ["a few"] = 3,
        ["hundreds of"] = 200,
        ["tens of"] = 20,
    };

    /// <summary>The text with every number written in words turned into digits ("twenty-five" → "25", "dozens of" → "24").</summary>
    public static (string Text, List<string> Vagueness) Digits(string text)
    {
        var vagueness = new List<string>();
        text = VaguePattern().Replace(text, m =>
        {
            var least = Vague[Regex.Replace(m.Value, @"\s+", " ").ToLowerInvariant()];
            vagueness.Add($"\"{m.Value}\" read as at least {least}");
            return least.ToString(CultureInfo.InvariantCulture);
        });
        text = TensPattern().Replace(text, m =>
            (Tens[m.Groups[1].Value] + (m.Groups[2].Success ? Units[m.Groups[2].Value] : 0)).ToString(CultureInfo.InvariantCulture));
        text = UnitPattern().Replace(text, m => Units[m.Value].ToString(CultureInfo.InvariantCulture));
        text = HundredPattern().Replace(text, m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 100).ToString(CultureInfo.InvariantCulture));
        text = ThousandsSeparator().Replace(text, "$1$2");
        return (text, vagueness);
    }

    /// <summary>"at least", "more than", "over", "about" before a number: kept as the number.</summary>
    private const string Bound = @"(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|up\s+to)\s+)?";



    [GeneratedRegex(@"\b(?:kill(?:ing|ed|s)?|martyr(?:ing|ed))\s+(?:and|or|&)\s+(?:wound(?:ing|ed)?|injur(?:ing|ed))\s+" + Bound + @"(\d{1,3})\b|\b(\d{1,3})\s+" + Between + @"(?:were\s+|was\s+)?(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured)|\b(\d{1,3})\b\s+(?:[\p{L}\-]+\s+){0,3}?casualties", RegexOptions.IgnoreCase)]
    public static partial Regex KilledOrWounded();

    /// <summary>Words between a number and what happened to them ("9 Taliban militants were killed"), never across another casualty word.</summary>
    private const string Between = @"(?:(?!(?:and|or|killed|killing|wounded|wounding|injured|injuring)\b)[\p{L}\p{M}'’\-]+\s+){0,4}?";

    private const string Of = @"(?:of\s+(?:the\s+)?)?";

    [GeneratedRegex(@"\b(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|behead(?:ing|ed)|eliminat(?:ing|ed)|martyr(?:ing|ed)|slaughter(?:ing|ed)?|massacr(?:ing|ed)|sl(?:ew|aying))\s+" + Of + Bound + @"(\d{1,3})\b|\bleft\s+(\d{1,3})\s+(?:[\p{L}\-]+\s+){0,3}?dead", RegexOptions.IgnoreCase)]
    public static partial Regex KilledVerbFirst();

    [GeneratedRegex(@"\b(\d{1,3})\s+" + Between + @"(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|slain|executed|eliminated|slaughtered|massacred)\b", RegexOptions.IgnoreCase)]
    public static partial Regex KilledNumberFirst();

    [GeneratedRegex(@"\b(?:wound(?:ing|ed|s)?|injur(?:ing|ed|es))\s+" + Of + Bound + @"(\d{1,3})\b", RegexOptions.IgnoreCase)]
    public static partial Regex WoundedVerbFirst();

    [GeneratedRegex(@"\b(\d{1,3})\s+" + Between + @"(?:were\s+|was\s+)?(?:wounded|injured|hurt)\b", RegexOptions.IgnoreCase)]
    public static partial Regex WoundedNumberFirst();

    /// <summary>"killing a Taliban commander": one, where no number is written.</summary>
    [GeneratedRegex(@"\b(?:kill(?:ing|ed|s)?|assassinat(?:ing|ed)|behead(?:ing|ed)|execut(?:ing|ed)|eliminat(?:ing|ed))\s+(?:a|an)\s+", RegexOptions.IgnoreCase)]
    public static partial Regex KilledOne();

    [GeneratedRegex(@"\b(a\s+dozen|dozens\s+of|dozens|scores\s+of|several|a\s+few|hundreds\s+of|tens\s+of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VaguePattern();

    [GeneratedRegex(@"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s\-](one|two|three|four|five|six|seven|eight|nine))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TensPattern();

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"\b(\d+)\s+hundred\b", RegexOptions.IgnoreCase)]
    private static partial Regex HundredPattern();

    [GeneratedRegex(@"(\d),(\d{3})\b")]
    private static partial Regex ThousandsSeparator();

    /// <summary>Weapons as statements name them, each with the word an analyst would file it under.</summary>
    public static readonly (Regex Pattern, string Weapon)[] Weapons =
    [
        (new(@"\b(?:suicide\s+(?:bomb(?:er|ing|s)?|attack(?:er)?s?|vest)|martyrdom[\s\-]+(?:seek(?:ing|er)\s+)?operation|istishhadi)\b", RegexOptions.IgnoreCase), "suicide bombing"),
        (new(@"\b(?:car\s+bombs?|vehicle[\s\-]+borne|VBIEDs?|bomb[\s\-]+laden\s+(?:car|vehicle))\b", RegexOptions.IgnoreCase), "car bomb"),
        (new(@"\b(?:magnetic\s+(?:bomb|mine|device)s?|sticky\s+bombs?)\b", RegexOptions.IgnoreCase), "magnetic bomb"),
        (new(@"\b(?:(?:improvised\s+)?explosive\s+devices?|IEDs?|roadside\s+bombs?|bomb(?:s|ings?)?|explosives?)\b", RegexOptions.IgnoreCase), "explosive device"),
        (new(@"\b(?:hand\s+grenades?|grenades?)\b", RegexOptions.IgnoreCase), "grenade"),
        (new(@"\b(?:rockets?|mortars?|missiles?)\b", RegexOptions.IgnoreCase), "rocket"),
        (new(@"\b(?:snipers?|sniper\s+fire)\b", RegexOptions.IgnoreCase), "sniper"),
        (new(@"\b(?:ambush(?:ed|es)?)\b", RegexOptions.IgnoreCase), "ambush"),
        (new(@"\b(?:machine[\s\-]?guns?|gunfire|gunmen|firearms?|light\s+weapons|shot\s+dead|shooting|assault\s+rifles?|kalashnikovs?)\b", RegexOptions.IgnoreCase), "firearms"),
        (new(@"\b(?:knife|knives|beheading|behead(?:ed)?)\b", RegexOptions.IgnoreCase), "knife"),
        (new(@"\b(?:(?:land)?mines?)\b", RegexOptions.IgnoreCase), "mine"),
    ];

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(\d{4}))?\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b|\b(\d{4})-(\d{2})-(\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    /// <summary>The text with its dates blanked, so that a day or a year is never read as a number of dead.</summary>
    public static string WithoutDates(string text) => DatePattern().Replace(text, "(date)");

    /// <summary>The first day the text names; a day without a year takes <paramref name="yearOf"/>'s year.</summary>
    public static DateOnly? FirstDate(string text, DateOnly? yearOf)
    {
        foreach (Match m in DatePattern().Matches(text))
        {
            int year, month, day;
            if (m.Groups[9].Success)
            {
                (year, month, day) = (int.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[8].Value, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups[9].Value, CultureInfo.InvariantCulture));
            }
            else
            {
                var (dayText, monthText, yearText) = m.Groups[1].Success ? (m.Groups[1], m.Groups[2], m.Groups[3]) : (m.Groups[5], m.Groups[4], m.Groups[6]);
                day = int.Parse(dayText.Value, CultureInfo.InvariantCulture);
                month = Array.FindIndex(MonthNames, n => n.Equals(monthText.Value, StringComparison.OrdinalIgnoreCase)) + 1;
                if (yearText.Success)
                {
                    year = int.Parse(yearText.Value, CultureInfo.InvariantCulture);
                }
                else if (yearOf is { } statement)
                {
                    // "on 30 December" in a statement of 2 January is last year's.
                    year = month > statement.Month + 1 ? statement.Year - 1 : statement.Year;
                }
                else
                {
                    continue;
                }
            }

            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    /// <summary>The first number in a match's groups.</summary>
    public static int? Number(Match match)
    {
        for (var g = 1; g < match.Groups.Count; g++)
        {
            if (match.Groups[g].Success && int.TryParse(match.Groups[g].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }
        }

        return null;
    }
}
