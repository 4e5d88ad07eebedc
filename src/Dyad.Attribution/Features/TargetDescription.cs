namespace Dyad.Attribution.Features;

/// <summary>
/// Whom and what an attack struck, where the source says so: the community (Hazara, Shia, Sikh or Hindu, Sufi,
/// Christian, Ahmadi, Ismaili) and the kind of target (a school, a mosque, a shrine, a polio team, tribal elders, a
/// religious scholar, a checkpoint …), read from the masked text and from the coded target subtype. In the sources these
/// are a group's signature as much as its weapons are, and no coded field says the community. The first match in the
/// order below wins: the more particular word before the more general one.
/// </summary>
public static class TargetDescription
{
    private static readonly (string Community, string[] Stems)[] Communities =
    [
        ("Hazara", ["hazara"]),
        ("Shia", ["shia", "shiite", "shiit", "imambargah", "imambarah", "ashura", "muharram", "hussainiya", "husseiniya", "majlis"]),
        ("Sikh or Hindu", ["sikh", "gurdwara", "gurudwara", "hindu", "mandir"]),
        ("Sufi", ["sufi", "dargah", "mazar", "urs"]),
        ("Ahmadi", ["ahmadi", "qadiani"]),
        ("Ismaili", ["ismaili"]),
        ("Christian", ["christian", "church", "priest", "pastor"]),
        ("Yazidi", ["yazidi"]),
    ];

    private static readonly (string Kind, string[] Stems)[] Kinds =
    [
        ("polio or health workers", ["polio", "vaccinat", "immuni", "hospital", "clinic", "midwi", "nurse", "doctor"]),
        ("school or students", ["school", "madrasa", "madrassa", "seminary", "university", "college", "student", "teacher", "pupil", "education"]),
        ("shrine", ["shrine", "dargah", "mazar", "tomb"]),
        ("mosque or place of worship", ["mosque", "masjid", "imambargah", "imambarah", "gurdwara", "gurudwara", "temple", "church", "worship", "prayer"]),
        ("religious scholar", ["cleric", "scholar", "ulema", "ulama", "mullah", "mawlawi", "maulana", "imam"]),
        ("tribal elders", ["elder", "jirga", "malik", "tribal"]),
        ("wedding or funeral", ["wedding", "funeral", "mourner", "burial"]),
        ("election", ["election", "polling", "ballot", "candidate", "voter", "campaign"]),
        ("journalists", ["journalist", "reporter", "media", "newspaper"]),
        ("aid workers", ["ngo", "humanitarian", "demining", "deminer", "aid"]),
        ("checkpoint or post", ["checkpoint", "checkpost", "outpost", "post"]),
        ("convoy", ["convoy", "patrol"]),
        ("market", ["market", "bazaar", "shop"]),
        ("prison", ["prison", "jail"]),
        ("power, roads or rail", ["pylon", "tower", "pipeline", "bridge", "railway", "train", "electricity", "power", "gas"]),
        ("government office", ["governor", "office", "compound", "ministry", "court", "judge"]),
    ];

    /// <summary>The community struck and the kind of target, each "" when the source does not say.</summary>
    public static (string Community, string Kind) Of(string? maskedText, IReadOnlyList<string> targetSubtypes)
    {
        int community = int.MaxValue, kind = int.MaxValue;
        foreach (var word in Words(maskedText, targetSubtypes))
        {
            var (c, k) = Classified.GetOrAdd(word, w => (Match(Communities, w), Match(Kinds, w)));
            community = Math.Min(community, c);
            kind = Math.Min(kind, k);
        }

        return (community == int.MaxValue ? "" : Communities[community].Community, kind == int.MaxValue ? "" : Kinds[kind].Kind);
    }

    // Words recur across a dataset's texts: each is matched against the lexicons once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Community, int Kind)> Classified = new(StringComparer.Ordinal);

    /// <summary>The first entry of the lexicon the word belongs to, or int.MaxValue.</summary>
    private static int Match((string Name, string[] Stems)[] lexicon, string word)
    {
        for (var i = 0; i < lexicon.Length; i++)
        {
            if (lexicon[i].Stems.Any(s => s.Length <= 3 ? word == s : word.StartsWith(s, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The community struck, or "" when the source does not say.</summary>
    public static string Community(string? maskedText, IReadOnlyList<string> targetSubtypes) => Of(maskedText, targetSubtypes).Community;

    /// <summary>The kind of target struck, or "" when the source does not say.</summary>
    public static string Kind(string? maskedText, IReadOnlyList<string> targetSubtypes) => Of(maskedText, targetSubtypes).Kind;

    /// <summary>The words, lower-cased: the masked text is words already, separated by spaces; a subtype's words are split at anything not a letter.</summary>
    private static string[] Words(string? text, IReadOnlyList<string> subtypes) =>
        string.Join(' ', subtypes.Append(text ?? "")).ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static readonly char[] Separators = [' ', '/', ',', '(', ')', '-', '\'', '’', '.', ';', ':'];

}
