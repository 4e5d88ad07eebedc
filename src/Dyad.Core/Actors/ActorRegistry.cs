using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dyad.Names;

namespace Dyad.Actors;

/// <summary>
/// Every actor Dyad knows, read from the registry file (data/registry/actors.json), and the resolution of the names
/// sources use to the actors' ids. Resolution tries, in order: a name the source leaves ambiguous; the registered
/// names whose conditions hold (the most specific wins); the patterns; a coalition "A, B" part by part; a name with
/// its acronym ("Baloch Liberation Army (BLA)", "TTP: Tehreek-i-Taliban Pakistan") by each part; communal groups.
/// It never guesses beyond that: an unknown name stays unresolved, to be listed, not dropped.
/// </summary>
public sealed partial class ActorRegistry
{
    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string ActorId, ActorName Name)>> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<string> ActorIds, string? Note)> _ambiguous = new(StringComparer.Ordinal);
    private readonly List<NamePattern> _patterns = [];
    private readonly Dictionary<string, string> _spellingVariants = new(StringComparer.Ordinal);

    // Actors that patterns name ("government-of-tajikistan"), made the first time a name resolves to them.
    private readonly ConcurrentDictionary<string, Actor> _patternActors = new(StringComparer.Ordinal);

    private ActorRegistry()
    {
    }

    /// <summary>The registered actors, in file order, then the communal groups.</summary>
    public IReadOnlyList<Actor> Actors { get; private set; } = [];

    /// <summary>Reads a registry from its JSON text.</summary>
    /// <exception cref="DyadException">BadInput: the text is not a valid registry (the message says where).</exception>
    public static ActorRegistry Parse(string json, string source = "actor registry")
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var registry = new ActorRegistry();
            registry.Read(document.RootElement);
            return registry;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw DyadException.BadInput($"{source}: not a valid actor registry: {e.Message}", source, inner: e);
        }
    }

    /// <summary>Spellings the registry treats as one word ("taleban" is "taliban"), normalised, each to its canonical form.</summary>
    public IReadOnlyDictionary<string, string> SpellingVariants => _spellingVariants;

    /// <summary>The actor with this id: a registered one, or one a pattern has named.</summary>
    public Actor? Find(string id) => _actors.GetValueOrDefault(id) ?? _patternActors.GetValueOrDefault(id);

    /// <summary>
    /// The actor a user means by <paramref name="nameOrId"/>, by id or by name, with no event context; null if none
    /// or if the name is ambiguous.
    /// </summary>
    public Actor? Lookup(string nameOrId)
    {
        if (_actors.TryGetValue(nameOrId, out var byId))
        {
            return byId;
        }

        var resolution = Resolve(nameOrId);
        return resolution.ActorIds.Count == 1 ? Find(resolution.ActorIds[0]) : null;
    }

    /// <summary>The actor a user means by <paramref name="nameOrId"/> (see <see cref="Lookup"/>).</summary>
    /// <exception cref="DyadException">BadUsage: no actor, or more than one, goes by that name; the message says how to find out.</exception>
    public Actor Require(string nameOrId) => Lookup(nameOrId)
        ?? throw DyadException.BadUsage($"'{nameOrId}' is not an actor the registry knows; 'dyad actors resolve \"{nameOrId}\"' shows what it resolves to, 'dyad actors list' lists them.");

    /// <summary>The ids of the registered actors of one kind ("state", "unspecified"; see <see cref="Actor.Kind"/>).</summary>
    public IReadOnlyList<string> IdsOfKind(string kind) => [.. Actors.Where(actor => actor.Kind == kind).Select(actor => actor.Id)];

    /// <summary>
    /// The actor and every actor that is part of it, a province or a branch of it, at any depth: the ids whose events
    /// are this actor's events. The Taliban include the Haqqani Network; the Islamic State includes IS-K.
    /// </summary>
    public IReadOnlyList<string> WithMembers(string actorId)
    {
        var ids = new List<string> { actorId };
        for (var i = 0; i < ids.Count; i++)
        {
            foreach (var member in Actors.Where(a => a.Relations.Any(r => r.IsMembership && r.ActorId == ids[i])))
            {
                if (!ids.Contains(member.Id))
                {
                    ids.Add(member.Id);
                }
            }
        }

        return ids;
    }

    /// <summary>
    /// The organisation an actor belongs to at the top (IS-K's is the Islamic State, the Haqqani Network's the
    /// Taliban): two reports naming either belong to one movement. An unknown id is its own.
    /// </summary>
    public string Organisation(string actorId)
    {
        var actor = Find(actorId);
        for (var depth = 0; depth < 8 && actor?.Relations.FirstOrDefault(r => r.IsMembership) is { } membership && Find(membership.ActorId) is { } parent; depth++)
        {
            actor = parent;
        }

        return actor?.Id ?? actorId;
    }

    /// <summary>
    /// The family an actor belongs to at the top, for attribution: as <see cref="Organisation"/>, and through factions and
    /// splinters too (the BRA is of the Baloch separatists; Jamaat-ul-Ahrar, a splinter, is of the TTP's family).
    /// </summary>
    public string Family(string actorId)
    {
        var actor = Find(actorId);
        for (var depth = 0; depth < 8 && actor?.Relations.FirstOrDefault(r => r.IsFamily) is { } relation && Find(relation.ActorId) is { } parent; depth++)
        {
            actor = parent;
        }

        return actor?.Id ?? actorId;
    }

    public ActorResolution Resolve(string name, ResolutionContext? context = null)
    {
        context ??= ResolutionContext.None;
        var trimmed = name.Trim();
        var normalized = Normalize(trimmed);
        if (normalized.Length == 0)
        {
            return new ActorResolution(name, [], ResolutionMethod.Unresolved, "empty name");
        }

        if (_ambiguous.TryGetValue(normalized, out var ambiguous))
        {
            return new ActorResolution(name, ambiguous.ActorIds, ResolutionMethod.Ambiguous, ambiguous.Note);
        }

        if (ResolveByName(name, normalized, context) is { } byName)
        {
            return byName;
        }

        foreach (var pattern in _patterns)
        {
            if (pattern.Match(trimmed) is { } actor)
            {
                _patternActors.TryAdd(actor.Id, actor);
                return new ActorResolution(name, [actor.Id], ResolutionMethod.Pattern);
            }
        }

        return ResolveByParts(name, trimmed, context)
            ?? new ActorResolution(name, [], ResolutionMethod.Unresolved);
    }

    /// <summary>
    /// How <paramref name="name"/> resolves over time for events of a dataset family in a country: one span for most
    /// names, several where the registry bounds a name in time (UCDP's "Government of Afghanistan" is the Taliban from
    /// 2021-08-15). Spans are in date order and cover all time.
    /// </summary>
    public IReadOnlyList<ResolutionSpan> ResolveOverTime(string name, string? dataset, string? country)
    {
        var boundaries = new SortedSet<DateOnly>();
        foreach (var candidate in Candidates(name))
        {
            if (candidate.Name.From is { } from)
            {
                boundaries.Add(from);
            }

            if (candidate.Name.To is { } to && to < DateOnly.MaxValue)
            {
                boundaries.Add(to.AddDays(1));
            }
        }

        var spans = new List<ResolutionSpan>();
        DateOnly? start = null;
        foreach (var next in boundaries.Append(DateOnly.MaxValue))
        {
            var resolution = Resolve(name, new ResolutionContext(dataset, country, start ?? DateOnly.MinValue));
            var end = next == DateOnly.MaxValue ? (DateOnly?)null : next.AddDays(-1);
            if (spans.Count > 0 && spans[^1].Resolution.ActorIds.SequenceEqual(resolution.ActorIds) && spans[^1].Resolution.Method == resolution.Method)
            {
                spans[^1] = spans[^1] with { To = end };
            }
            else
            {
                spans.Add(new ResolutionSpan(start, end, resolution));
            }

            start = next;
        }

        return spans;
    }

    private string Normalize(string name) => NameText.Normalize(name, _spellingVariants);

    private IEnumerable<(string ActorId, ActorName Name)> Candidates(string name) =>
        _names.TryGetValue(Normalize(name), out var candidates) ? candidates : [];

    private ActorResolution? ResolveByName(string name, string normalized, ResolutionContext context)
    {
        if (!_names.TryGetValue(normalized, out var candidates))
        {
            return null;
        }

        // Without a date, a name whose meaning changes over time cannot be settled: every candidate is kept.
        if (context.Date is null && candidates.Any(c => c.Name.HasDateCondition))
        {
            var undated = candidates.Where(c => c.Name.Applies(context, ignoreDate: true)).Select(c => c.ActorId).Distinct().ToList();
            if (undated.Count > 1)
            {
                var spans = string.Join("; ", candidates.Where(c => c.Name.HasDateCondition)
                    .Select(c => string.Join(' ', new[] { c.ActorId, c.Name.From is { } f ? $"from {f:yyyy-MM-dd}" : null, c.Name.To is { } t ? $"to {t:yyyy-MM-dd}" : null }.OfType<string>()))
                    .Distinct());
                return new ActorResolution(name, undated, ResolutionMethod.Ambiguous, $"depends on the date: {spans}");
            }
        }

        var applicable = candidates.Where(c => c.Name.Applies(context)).ToList();
        if (applicable.Count == 0)
        {
            return null;
        }

        var best = applicable.Max(c => c.Name.Specificity);
        var ids = applicable.Where(c => c.Name.Specificity == best).Select(c => c.ActorId).Distinct().ToList();
        return new ActorResolution(name, ids, ids.Count == 1 ? ResolutionMethod.Name : ResolutionMethod.Ambiguous);
    }

    private ActorResolution? ResolveByParts(string name, string trimmed, ResolutionContext context)
    {
        // UCDP lists coalitions as "Government of United Kingdom, Government of United States of America".
        if (trimmed.Contains(", ", StringComparison.Ordinal))
        {
            var parts = trimmed.Split(", ").Select(p => Resolve(p, context)).ToList();
            if (parts.All(p => p.IsResolved))
            {
                return new ActorResolution(name, [.. parts.SelectMany(p => p.ActorIds).Distinct()], ResolutionMethod.Coalition);
            }
        }

        // "Full Name (ABBR)" and "ABBR: Full Name": either part may be the registered one.
        var acronym = AcronymForm().Match(trimmed);
        if (acronym.Success)
        {
            foreach (var part in new[] { acronym.Groups["full"].Value, acronym.Groups["short"].Value })
            {
                if (ResolveByName(name, Normalize(part), context) is { } byPart)
                {
                    return byPart;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:(?<full>[^()]+?)\s*\((?<short>[^()]+)\)|(?<short>[A-Z][A-Za-z0-9-]+):\s*(?<full>.+))$")]
    private static partial Regex AcronymForm();

    private void Read(JsonElement root)
    {
        if (root.TryGetProperty("spellingVariants", out var variants))
        {
            foreach (var variant in variants.EnumerateObject())
            {
                _spellingVariants[NameText.Normalize(variant.Name)] = NameText.Normalize(variant.Value.GetString()!);
            }
        }

        var actors = new List<Actor>();
        foreach (var element in root.GetProperty("actors").EnumerateArray())
        {
            var id = element.GetProperty("id").GetString()!;
            var names = element.TryGetProperty("names", out var list) ? list.EnumerateArray().Select(ReadName).ToList() : [];
            var relations = element.TryGetProperty("relations", out var rels)
                ? rels.EnumerateArray().Select(r => new ActorRelation(r.GetProperty("type").GetString()!, r.GetProperty("actor").GetString()!)).ToList()
                : [];
            var actor = new Actor(id, element.GetProperty("name").GetString()!, element.GetProperty("kind").GetString()!, relations, names,
                element.TryGetProperty("notes", out var notes) ? notes.GetString() : null);
            if (!_actors.TryAdd(id, actor))
            {
                throw new FormatException($"the actor id '{id}' is used twice");
            }

            actors.Add(actor);
            foreach (var actorName in names.Prepend(new ActorName(actor.Name)))
            {
                AddName(id, actorName);
            }
        }

        if (root.TryGetProperty("communal", out var communal))
        {
            foreach (var group in communal.EnumerateArray().Select(g => g.GetString()!))
            {
                var actor = new Actor($"communal-{NameText.Slug(group)}", group, "communal", [], [new ActorName(group)]);
                _actors.TryAdd(actor.Id, actor);
                actors.Add(actor);
                AddName(actor.Id, actor.Names[0]);
            }
        }

        Actors = actors;
        foreach (var relation in actors.SelectMany(a => a.Relations.Select(r => (a.Id, r.ActorId))))
        {
            if (!_actors.ContainsKey(relation.ActorId))
            {
                throw new FormatException($"{relation.Id} is related to '{relation.ActorId}', which is not in the registry");
            }
        }

        if (root.TryGetProperty("ambiguous", out var ambiguous))
        {
            foreach (var entry in ambiguous.EnumerateArray())
            {
                var ids = entry.GetProperty("actors").EnumerateArray().Select(a => a.GetString()!).ToList();
                foreach (var id in ids.Where(id => !_actors.ContainsKey(id)))
                {
                    throw new FormatException($"the ambiguous name '{entry.GetProperty("name").GetString()}' names '{id}', which is not in the registry");
                }

                _ambiguous[Normalize(entry.GetProperty("name").GetString()!)] = (ids, entry.TryGetProperty("notes", out var note) ? note.GetString() : null);
            }
        }

        if (root.TryGetProperty("patterns", out var patterns))
        {
            foreach (var entry in patterns.EnumerateArray())
            {
                var actor = entry.GetProperty("actor").GetString()!;
                _patterns.Add(new NamePattern(
                    new Regex(entry.GetProperty("regex").GetString()!, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)),
                    actor,
                    entry.TryGetProperty("name", out var patternName) ? patternName.GetString()! : actor,
                    entry.TryGetProperty("kind", out var kind) ? kind.GetString()! : "unspecified",
                    this));
            }
        }
    }

    private void AddName(string actorId, ActorName name)
    {
        var key = Normalize(name.Name);
        if (!_names.TryGetValue(key, out var list))
        {
            _names[key] = list = [];
        }

        if (!list.Contains((actorId, name)))
        {
            list.Add((actorId, name));
        }
    }

    private static ActorName ReadName(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return new ActorName(element.GetString()!);
        }

        return new ActorName(
            element.GetProperty("name").GetString()!,
            element.TryGetProperty("script", out var script) ? script.GetString() : null,
            element.TryGetProperty("datasets", out var datasets) ? [.. datasets.EnumerateArray().Select(d => d.GetString()!)] : null,
            element.TryGetProperty("countries", out var countries) ? [.. countries.EnumerateArray().Select(c => c.GetString()!)] : null,
            element.TryGetProperty("from", out var from) ? DateOnly.ParseExact(from.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            element.TryGetProperty("to", out var to) ? DateOnly.ParseExact(to.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
    }

    /// <summary>
    /// A pattern over the source's own spelling. Its actor is a registered one, or one it names from the match:
    /// "government-of-{country}" takes the group named country.
    /// </summary>
    private sealed record NamePattern(Regex Regex, string IdTemplate, string NameTemplate, string Kind, ActorRegistry Registry)
    {
        public Actor? Match(string name)
        {
            var match = Regex.Match(name);
            if (!match.Success)
            {
                return null;
            }

            var id = TemplateGroup().Replace(IdTemplate, g => NameText.Slug(match.Groups[g.Groups[1].Value].Value));
            return Registry._actors.GetValueOrDefault(id)
                ?? new Actor(id, TemplateGroup().Replace(NameTemplate, g => match.Groups[g.Groups[1].Value].Value), Kind, [], []);
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex TemplateGroup();
}
