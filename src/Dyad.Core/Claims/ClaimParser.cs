using System.Text.RegularExpressions;
using Dyad.Actors;
using Dyad.Places;

namespace Dyad.Claims;

/// <summary>What the parser read from a statement, and what it could not or had to guess.</summary>
public sealed record ParsedClaim(Claim Claim, IReadOnlyList<string> Notes);

/// <summary>
/// Reads an English claim statement (an Amaq report, a Taliban spokesman's denial, a news line quoting either) into
/// a <see cref="Claim"/>: who speaks and whom the attack struck (any name the actor registry knows, in any script),
/// whether it is a claim, a denial or blame on another group, the killed and wounded (or both together, where the
/// statement does not split them), the weapon and how many, the places (through the gazetteer) and the day. It reads
/// what is written and guesses nothing else; what it could not find it says, for the analyst to set. The movements'
/// own idiom (<see cref="ClaimVocabulary"/>) tells who speaks ("soldiers of the Caliphate" is the Islamic State,
/// whoever it names first), whom they name ("Khawarij" is IS-K in a Taliban statement; "apostate Taliban" are struck,
/// never speaking) and which community was struck ("Rafidah", "Hazara").
/// </summary>
public sealed partial class ClaimParser(ActorRegistry registry, Gazetteer gazetteer, ClaimVocabulary? vocabulary = null)
{
    private readonly ClaimVocabulary _vocabulary = vocabulary ?? ClaimVocabulary.Empty;

    /// <summary>The countries whose names a statement's groups are resolved in when it names no place.</summary>
    private const string DefaultCountry = "Afghanistan";

    /// <summary>Channels and spokesmen, and the name of the group each speaks for (resolved in the statement's country).</summary>
    private static readonly (string Channel, string SpeaksFor)[] Channels =
    [
        ("Amaq", "Islamic State"), ("Nashir", "Islamic State"), ("al-Naba", "Islamic State"), ("Al Naba", "Islamic State"),
        ("Khorasan Ghag", "Islamic State"), ("Al-Azaim", "Islamic State"), ("Voice of Jihad", "Taliban"), ("Zabihullah Mujahid", "Taliban"),
        ("Qari Yousuf Ahmadi", "Taliban"), ("Taliban spokesman", "Taliban"), ("Islamic Emirate spokesman", "Taliban"),
    ];

    /// <param name="statementDate">When the statement was made; bounds the attack's day and gives a year to "on 14 November".</param>
    /// <param name="channel">Where it was published (the source's publisher), when the text does not say: "Amaq News Agency".</param>
    public ParsedClaim Parse(string text, DateOnly? statementDate = null, string? channel = null)
    {
        var notes = new List<string>();
        var tokens = Tokens(text);
        var places = Places(tokens, out var placeTokens);
        var country = places.FirstOrDefault()?.Country ?? DefaultCountry;
        var mentions = Mentions(tokens, placeTokens, country);
        var (stance, verbAt, passive) = Stance(text);
        var idiom = _vocabulary.SpeakerIn(text);

        var known = Channels.FirstOrDefault(c => text.Contains(c.Channel, StringComparison.OrdinalIgnoreCase));
        if (known.Channel is null && channel is not null)
        {
            known = Channels.FirstOrDefault(c => channel.Contains(c.Channel, StringComparison.OrdinalIgnoreCase));
        }

        // A movement's own words for itself say who speaks more surely than a channel's name or the first group named —
        // unless another group speaks before the verb and the words come after it ("ISKP claimed killing 10 members of
        // the Islamic Emirate": the Emirate is struck there).
        var speaker = idiom is { } own && (verbAt < 0 || own.At < verbAt || !mentions.Any(m => m.Start < verbAt && !m.Enemy)) && Group(own.Group, country) is { } ownId
            ? new Mention(ownId, own.Term, own.At, -1, FromIdiom: true)
            : known.SpeaksFor is { } group && Group(group, country) is { } speakerId
                ? new Mention(speakerId, known.Channel ?? group, -1, -1)
                : null;
        var (claimant, target, accused) = stance == ClaimStance.Blame ? Blamed(mentions, verbAt, passive, speaker) : Roles(mentions, verbAt, passive, speaker);
        if (claimant is null && stance != ClaimStance.Blame)
        {
            notes.Add("no group the registry knows speaks in it: set claimant=…");
        }

        if (stance == ClaimStance.Blame && accused is null)
        {
            notes.Add("no group the registry knows is blamed in it: set accused=…");
        }

        var (withDigits, vagueness) = ClaimText.Digits(ClaimText.WithoutDates(text));
        notes.AddRange(vagueness);
        var (killed, wounded, killedOrWounded) = Casualties(withDigits);
        var (weapon, weaponCount) = Weapon(withDigits);
        var eventDate = ClaimText.FirstDate(text, statementDate);
        if (places.Count == 0)
        {
            notes.Add("no place the gazetteer knows: set place=…");
        }
        else if (places.Select(p => p.Admin1Id).Distinct().Count() > 1)
        {
            notes.Add($"several provinces named; the first ({places[0].Name}) is the claim's province");
        }

        var claim = new Claim
        {
            SourceId = 0,
            Channel = known.Channel ?? channel,
            Stance = stance,
            ClaimantId = claimant?.ActorId,
            ClaimantName = claimant?.Text,
            TargetId = target?.ActorId,
            TargetName = target?.Text,
            AccusedId = accused?.ActorId,
            AccusedName = accused?.Text,
            TargetCommunity = _vocabulary.CommunityIn(text),
            Killed = killed,
            Wounded = wounded,
            KilledOrWounded = killedOrWounded,
            Weapon = weapon,
            WeaponCount = weaponCount,
            Place = places.Count == 0 ? null : string.Join("; ", places.Select(p => p.Text)),
            Admin1Id = places.FirstOrDefault()?.Admin1Id,
            Admin2Id = places.FirstOrDefault()?.Admin2Id,
            EventDate = eventDate,
            StatementDate = statementDate,
            Text = text,
        };
        return new ParsedClaim(claim, notes);
    }

    private sealed record Token(string Text, int Start, int End);

    /// <param name="Enemy">Named with a word a movement puts on its enemies ("apostate Taliban"): struck or blamed, never the speaker.</param>
    /// <param name="FromIdiom">The speaker, known by its own words for itself.</param>
    private sealed record Mention(string ActorId, string Text, int Start, int TokenIndex, bool Enemy = false, bool FromIdiom = false);

    /// <summary>The one actor <paramref name="name"/> is in <paramref name="country"/>, or null.</summary>
    private string? Group(string name, string country) =>
        registry.Resolve(name, new ResolutionContext(Country: country)).ActorIds is [var id] ? id : null;

    private sealed record FoundPlace(string Text, string Name, string? Admin1Id, string? Admin2Id, string Country, int Start);

    private static List<Token> Tokens(string text) =>
        [.. TokenPattern().Matches(text).Select(m => new Token(m.Value, m.Index, m.Index + m.Length))];

    /// <summary>
    /// Every group the registry knows in the text, longest name first at each position. A short Latin name must be
    /// written as an acronym ("IS", "TTP"), so that "is" and "it" are never groups; words that named a place are not read again.
    /// </summary>
    private List<Mention> Mentions(List<Token> tokens, HashSet<int> placeTokens, string country)
    {
        var mentions = new List<Mention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var n = Math.Min(8, tokens.Count - i); n >= 1; n--)
            {
                if (Enumerable.Range(i, n).Any(placeTokens.Contains))
                {
                    continue;
                }

                // "the Islamic Emirate's spokesman": the possessive is not part of the name.
                var phrase = Possessive().Replace(string.Join(' ', tokens.Skip(i).Take(n).Select(t => t.Text)), "");
                var id = _vocabulary.GroupNamed(phrase) is { } named ? Group(named, country) : null;
                if (id is null)
                {
                    if (n == 1 && !LooksLikeAName(phrase))
                    {
                        continue;
                    }

                    var resolution = registry.Resolve(phrase, new ResolutionContext(Country: country));
                    if (resolution.Method is ResolutionMethod.Unresolved or ResolutionMethod.Pattern || resolution.ActorIds.Count != 1
                        || registry.Find(resolution.ActorIds[0]) is not { Kind: "armed-group" or "state" or "militia" or "unspecified" })
                    {
                        continue;
                    }

                    id = resolution.ActorIds[0];
                }

                var enemy = Enumerable.Range(Math.Max(0, i - 2), Math.Min(2, i)).Any(k => _vocabulary.IsEnemyWord(tokens[k].Text));
                mentions.Add(new Mention(id, phrase, tokens[i].Start, i, enemy));
                i += n - 1;
                break;
            }
        }

        return mentions;
    }

    private static bool LooksLikeAName(string word) =>
        word.Any(c => c > 0x036F) || (word.Length > 4 ? char.IsUpper(word[0]) : word.Count(char.IsUpper) >= Math.Min(2, word.Count(char.IsLetter)));

    /// <summary>
    /// Places named after "in", "near", "at", "outside" (and "and …" after one), or before "province", "district",
    /// "valley" or "area" ("Achin district"); a group's name ("Daesh", "Khawarij") is never a place.
    /// </summary>
    private List<FoundPlace> Places(List<Token> tokens, out HashSet<int> used)
    {
        used = [];
        var found = new List<FoundPlace>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!used.Contains(i) && UnitWord().IsMatch(tokens[i].Text))
            {
                PlaceBefore(tokens, i, found, used);
                continue;
            }

            var lead = tokens[i].Text.ToLowerInvariant();
            var afterPreposition = lead is "in" or "near" or "at" or "outside" or "of" or "and" && (lead != "and" || found.Count > 0);
            if (!afterPreposition)
            {
                continue;
            }

            for (var n = Math.Min(3, tokens.Count - i - 1); n >= 1; n--)
            {
                var words = tokens.Skip(i + 1).Take(n).ToList();
                if (!char.IsUpper(words[0].Text[0]) && words[0].Text[0] <= 0x036F)
                {
                    break;
                }

                var phrase = string.Join(' ', words.Select(w => w.Text));
                if (IsGroupName(phrase))
                {
                    break;
                }

                if (Place(phrase) is { } place)
                {
                    found.Add(place with { Start = words[0].Start });
                    for (var k = i + 1; k <= i + n; k++)
                    {
                        used.Add(k);
                    }

                    i += n;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The place named in the one to three capitalised words before a unit's word ("Achin district", "the Korengal valley").</summary>
    private void PlaceBefore(List<Token> tokens, int unitWord, List<FoundPlace> found, HashSet<int> used)
    {
        for (var n = Math.Min(3, unitWord); n >= 1; n--)
        {
            var words = Enumerable.Range(unitWord - n, n).ToList();
            if (words.Any(used.Contains) || words.Any(k => !char.IsUpper(tokens[k].Text[0]) && tokens[k].Text[0] <= 0x036F))
            {
                continue;
            }

            var phrase = string.Join(' ', words.Select(k => tokens[k].Text));
            if (!IsGroupName(phrase) && Place(phrase) is { } place)
            {
                // In the order the statement names them: the first place named is the claim's.
                var at = found.FindIndex(f => f.Start > tokens[words[0]].Start);
                found.Insert(at < 0 ? found.Count : at, place with { Start = tokens[words[0]].Start });
                used.UnionWith(words);
                used.Add(unitWord);
                return;
            }
        }
    }

    /// <summary>Whether a phrase is a group's name in a movement's idiom or in the registry ("Daesh" is no place).</summary>
    private bool IsGroupName(string phrase) =>
        _vocabulary.GroupNamed(phrase) is not null
        || registry.Resolve(phrase, new ResolutionContext(Country: DefaultCountry)).Method == ResolutionMethod.Name;

    /// <summary>A province, a district, or a town of Afghanistan or Pakistan with its units, matched exactly or as a variant spelling.</summary>
    private FoundPlace? Place(string phrase)
    {
        foreach (var level in new int?[] { 1, 2, null })
        {
            var match = gazetteer.Resolve(phrase, level: level);
            if (match.Method is not (PlaceMatchMethod.Exact or PlaceMatchMethod.Variant) || match.Candidates.Count == 0)
            {
                continue;
            }

            var candidate = match.Candidates[0];
            if (candidate.Unit is { } unit)
            {
                var province = unit.Level == 1 ? unit : unit.ParentId is { } parent ? gazetteer.Find(parent) : null;
                return new FoundPlace(phrase, unit.Name, province?.Id, unit.Level == 2 ? unit.Id : null, unit.Country, 0);
            }

            if (candidate.Place is { Admin1Id: { } admin1 } town && gazetteer.Find(admin1) is { } townProvince)
            {
                return new FoundPlace(phrase, town.Name, admin1, town.Admin2Id, townProvince.Country, 0);
            }
        }

        return null;
    }

    private static (ClaimStance Stance, int VerbAt, bool Passive) Stance(string text)
    {
        if (DenialPattern().Match(text) is { Success: true } denial)
        {
            return (ClaimStance.Denial, denial.Index, false);
        }

        if (BlamePattern().Match(text) is { Success: true } blame)
        {
            return (ClaimStance.Blame, blame.Index, blame.Value.EndsWith(" by", StringComparison.OrdinalIgnoreCase));
        }

        var claim = ClaimPattern().Match(text);
        return (ClaimStance.Claim, claim.Success ? claim.Index : -1, claim.Success && PassivePattern().IsMatch(text));
    }

    /// <summary>
    /// The speaker is the movement whose own words for itself the statement uses; else the last group named before the
    /// verb ("ISKP claimed …"), or the first after "by" in the passive ("… was claimed by ISKP"), never one named as an
    /// enemy ("apostate Taliban"); where no group comes before the verb, the group the channel speaks for ("Amaq said
    /// soldiers of the caliphate …"). The other group is the target.
    /// </summary>
    private static (Mention? Claimant, Mention? Target, Mention? Accused) Roles(List<Mention> mentions, int verbAt, bool passive, Mention? speaker)
    {
        if (speaker is { FromIdiom: true })
        {
            // Named as well before the verb ("the Taliban denied …"), it is called by that name.
            var named = mentions.FirstOrDefault(m => m.ActorId == speaker.ActorId && !m.Enemy && (verbAt < 0 || m.Start < verbAt));
            return (named ?? speaker, mentions.FirstOrDefault(m => m.ActorId != speaker.ActorId), null);
        }

        var eligible = mentions.Where(m => !m.Enemy).ToList();
        if (eligible.Count == 0)
        {
            return (speaker, mentions.FirstOrDefault(m => m.ActorId != speaker?.ActorId), null);
        }

        var claimant = passive ? eligible.LastOrDefault(m => m.Start > verbAt) ?? eligible[0]
            : verbAt < 0 ? eligible[0]
            : eligible.LastOrDefault(m => m.Start < verbAt) ?? speaker ?? eligible[0];
        var target = mentions.FirstOrDefault(m => m.ActorId != claimant.ActorId && (passive || m.Start > claimant.Start))
            ?? mentions.FirstOrDefault(m => m.ActorId != claimant.ActorId);
        return (claimant, target, null);
    }

    /// <summary>
    /// A blame: the speaker (its idiom, the channel, or the group named before the verb; none for a third party such as
    /// "US officials") puts the attack on the accused, the first group named after the verb ("accused Daesh of …"), or
    /// before it in the passive ("IS-K was blamed by the Taliban"). A group named besides them is the one struck.
    /// </summary>
    private static (Mention? Claimant, Mention? Target, Mention? Accused) Blamed(List<Mention> mentions, int verbAt, bool passive, Mention? speaker)
    {
        Mention? claimant, accused;
        if (passive)
        {
            claimant = mentions.FirstOrDefault(m => m.Start > verbAt) ?? speaker;
            accused = mentions.LastOrDefault(m => m.Start < verbAt && m.ActorId != claimant?.ActorId);
        }
        else
        {
            claimant = speaker ?? mentions.LastOrDefault(m => m.Start < verbAt && !m.Enemy);
            accused = mentions.FirstOrDefault(m => m.Start > verbAt && m.ActorId != claimant?.ActorId);
        }

        var target = mentions.FirstOrDefault(m => m.ActorId != claimant?.ActorId && m.ActorId != accused?.ActorId);
        return (claimant, target, accused);
    }

    private static (int? Killed, int? Wounded, int? KilledOrWounded) Casualties(string text)
    {
        int? both = null, killed = null, wounded = null;
        if (ClaimText.KilledOrWounded().Match(text) is { Success: true } together)
        {
            both = ClaimText.Number(together);
            text = text.Remove(together.Index, together.Length).Insert(together.Index, new string(' ', together.Length));
        }

        // "killing 4 … and wounding 7" before "4 Taliban were killed": the verb-first forms are the surer reading.
        if (First(text, ClaimText.KilledVerbFirst(), ClaimText.KilledNumberFirst()) is { } k)
        {
            killed = k;
        }
        else if (both is null && ClaimText.KilledOne().IsMatch(text))
        {
            killed = 1;
        }

        wounded = First(text, ClaimText.WoundedVerbFirst(), ClaimText.WoundedNumberFirst());

        return (killed, wounded, both);
    }

    private static int? First(string text, params Regex[] patterns) =>
        patterns.Select(p => p.Match(text)).FirstOrDefault(m => m.Success) is { } match ? ClaimText.Number(match) : null;

    private static (string? Weapon, int? Count) Weapon(string text)
    {
        foreach (var (pattern, weapon) in ClaimText.Weapons)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                var before = text[..match.Index];
                var count = CountBefore().Match(before) is { Success: true } c ? int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                    : ArticleBefore().IsMatch(before) ? 1 : (int?)null;
                return (weapon, count);
            }
        }

        return (null, null);
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"['’]s?$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^(?:district|province|valley|area)$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitWord();

    [GeneratedRegex(@"\b(?:den(?:y|ied|ies|ying)|reject(?:s|ed|ing)?\s+(?:any\s+|all\s+)?(?:involvement|responsibility|claims?|reports?)|(?:was|were|are|is|been)\s+not\s+(?:involved|behind|responsible)|not\s+involved|(?:had|has|have)\s+no\s+(?:role|hand|involvement|link|connection)|(?:has|have|had)\s+nothing\s+to\s+do)", RegexOptions.IgnoreCase)]
    private static partial Regex DenialPattern();

    [GeneratedRegex(@"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|held\s+\S+\s+responsible|pointed\s+the\s+finger|was\s+blamed\s+by|were\s+blamed\s+by)", RegexOptions.IgnoreCase)]
    private static partial Regex BlamePattern();

    [GeneratedRegex(@"\b(?:claim(?:ed|s|ing)?|responsibility|took\s+credit|said|says|announced|reported|statement)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimPattern();

    [GeneratedRegex(@"\b(?:was|were|has\s+been|have\s+been)\s+claimed\s+by\b|\bclaimed\s+by\b", RegexOptions.IgnoreCase)]
    private static partial Regex PassivePattern();

    [GeneratedRegex(@"\b(\d{1,3})\s+(?:(?!(?:with|by|via|in|and|of|using)\b)[\p{L}\-]+\s+){0,1}$", RegexOptions.IgnoreCase)]
    private static partial Regex CountBefore();

    [GeneratedRegex(@"\b(?:a|an)\s+(?:[\p{L}\-]+\s+){0,1}$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleBefore();
}
