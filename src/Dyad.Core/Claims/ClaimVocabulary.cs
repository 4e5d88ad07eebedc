using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Dyad.Claims;

/// <summary>
/// How the movements speak (idiom.json, shipped and in the user's layer): the names each uses for itself, the words it
/// puts on its enemies, the names it gives them, and the words that name the community an attack struck. Data, not
/// code, so that an analyst adds a movement's idiom without a release. Terms match as whole words, ignoring case.
/// </summary>
public sealed class ClaimVocabulary
{
    /// <summary>A movement's idiom.</summary>
    /// <param name="Group">The movement, as the registry names it (resolved in the statement's country).</param>
    /// <param name="Self">What it calls itself or its fighters: a statement in these words is its own.</param>
    /// <param name="EnemyWords">Words it puts before its enemies ("apostate Taliban"): a group named with them is never the speaker.</param>
    /// <param name="Names">Its own names for others: "Khawarij" is the Islamic State; "Rafidah" the Shia.</param>
    public sealed record Speaker(string Group, string? Source, IReadOnlyList<string> Self, IReadOnlyList<string> EnemyWords, IReadOnlyList<Term> Names);

    /// <summary>A word and what it means: a group (as the registry names it) or a community.</summary>
    public sealed record Term(string Text, string? Group, string? Community);

    private ClaimVocabulary(IReadOnlyList<Speaker> speakers, IReadOnlyList<Term> communities)
    {
        Speakers = speakers;
        Communities = communities;
        _names = speakers.SelectMany(s => s.Names).Where(n => n.Group is not null)
            .GroupBy(n => n.Text, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Group!, StringComparer.OrdinalIgnoreCase);
        _enemyWords = speakers.SelectMany(s => s.EnemyWords).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _self = [.. speakers.SelectMany(s => s.Self.Select(term => (s.Group, Pattern: WholeWords(term))))];
        _communities = [.. communities.Concat(speakers.SelectMany(s => s.Names)).Where(t => t.Community is not null).Select(t => (t.Community!, WholeWords(t.Text)))];
    }

    public IReadOnlyList<Speaker> Speakers { get; }

    public IReadOnlyList<Term> Communities { get; }

    private readonly Dictionary<string, string> _names;
    private readonly HashSet<string> _enemyWords;
    private readonly List<(string Group, Regex Pattern)> _self;
    private readonly List<(string Community, Regex Pattern)> _communities;

    public static ClaimVocabulary Empty { get; } = new([], []);

    /// <summary>The movement whose own name for itself comes first in <paramref name="text"/>, and where; null when none does.</summary>
    public (string Group, string Term, int At)? SpeakerIn(string text) =>
        _self.Select(s => (s.Group, Match: s.Pattern.Match(text))).Where(s => s.Match.Success).OrderBy(s => s.Match.Index)
            .Select(s => ((string, string, int)?)(s.Group, s.Match.Value, s.Match.Index)).FirstOrDefault();

    /// <summary>The group a movement's own name for it means ("Khawarij": IS-K), as the registry names it; null for any other phrase.</summary>
    public string? GroupNamed(string phrase) => _names.GetValueOrDefault(phrase);

    /// <summary>Whether a movement puts <paramref name="word"/> on its enemies ("apostate", "hirelings").</summary>
    public bool IsEnemyWord(string word) => _enemyWords.Contains(word);

    /// <summary>The community the text names first ("Rafidah": Shia; "Hazara": Hazara); null when it names none.</summary>
    public string? CommunityIn(string text) =>
        _communities.Select(c => (c.Community, Match: c.Pattern.Match(text))).Where(c => c.Match.Success).OrderBy(c => c.Match.Index)
            .Select(c => c.Community).FirstOrDefault();

    /// <summary>Reads and merges the layers, shipped first: a movement named again gains the later layer's terms.</summary>
    /// <exception cref="DyadException">BadInput: a layer that is not a valid vocabulary (the message names the file).</exception>
    public static ClaimVocabulary Load(IEnumerable<string> paths)
    {
        var speakers = new List<Speaker>();
        var communities = new List<Term>();
        foreach (var path in paths)
        {
            VocabularyFile file;
            try
            {
                file = JsonSerializer.Deserialize<VocabularyFile>(File.ReadAllText(path), FileJson)
                    ?? throw DyadException.BadInput($"{path}: empty; a vocabulary is an object with \"speakers\" and \"communities\".", path);
            }
            catch (JsonException e)
            {
                throw DyadException.BadInput($"{path}: not a valid vocabulary: {e.Message}", path, inner: e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw DyadException.BadInput($"{path}: the vocabulary cannot be read: {e.Message}", path, inner: e);
            }

            foreach (var s in file.Speakers ?? [])
            {
                if (string.IsNullOrWhiteSpace(s.Group))
                {
                    throw DyadException.BadInput($"{path}: every speaker needs a \"group\" (a name the registry knows).", path);
                }

                var names = (s.Names ?? []).Select(n => TermOf(path, n)).ToList();
                var index = speakers.FindIndex(x => string.Equals(x.Group, s.Group, StringComparison.OrdinalIgnoreCase));
                var speaker = new Speaker(s.Group, s.Source, [.. s.Self ?? []], [.. s.EnemyWords ?? []], names);
                if (index < 0)
                {
                    speakers.Add(speaker);
                }
                else
                {
                    var known = speakers[index];
                    speakers[index] = known with
                    {
                        Self = [.. known.Self, .. speaker.Self],
                        EnemyWords = [.. known.EnemyWords, .. speaker.EnemyWords],
                        Names = [.. known.Names, .. speaker.Names],
                    };
                }
            }

            communities.AddRange((file.Communities?.Terms ?? []).Select(t => TermOf(path, t)));
        }

        return new ClaimVocabulary(speakers, communities);
    }

    private static Term TermOf(string path, TermFile t) =>
        string.IsNullOrWhiteSpace(t.Term) || (t.Group is null && t.Community is null)
            ? throw DyadException.BadInput($"{path}: every term needs \"term\" and what it means, a \"group\" or a \"community\" (\"{t.Term}\").", path)
            : new Term(t.Term, t.Group, t.Community);

    private static Regex WholeWords(string term) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly JsonSerializerOptions FileJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private sealed record VocabularyFile(string? About, List<SpeakerFile>? Speakers, CommunitiesFile? Communities);

    private sealed record SpeakerFile(string Group, string? Source, List<string>? Self, List<string>? EnemyWords, List<TermFile>? Names);

    private sealed record CommunitiesFile(string? Source, List<TermFile>? Terms);

    private sealed record TermFile(string Term, string? Group, string? Community);
}
