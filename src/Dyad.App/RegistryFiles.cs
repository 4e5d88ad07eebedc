using Dyad.Actors;
using Dyad.Analysis.Leaders;
using Dyad.Analysis.Turns;
using Dyad.App.Configuration;
using Dyad.Claims;
using Dyad.Places;

namespace Dyad.App;

/// <summary>
/// Where the actor registry, the leaders, the turning events and the gazetteer are read from, and where a user's
/// additions are written. By default two layers (see <see cref="DyadFolders"/>): the data shipped with this version,
/// read-only, and the user's own layer merged over it — an actor there with a shipped actor's id adds to it, any other
/// is added; leaders, turning events and places are added — which an upgrade never touches. Every addition Dyad makes
/// (<c>actors add-alias</c>, <c>turns add</c>) goes to the user's layer. <c>--registry</c> or <c>$DYAD_REGISTRY</c>
/// names one registry file instead, read alone and written to, with its leaders.json and turns.json beside it.
/// </summary>
public static class RegistryFiles
{
    public const string RegistryVariable = "DYAD_REGISTRY";

    public static Registries Load(string? registryOption) => new(LoadActors(registryOption), LoadGazetteer(), LoadVocabulary(registryOption));

    /// <summary>The one registry file --registry or $DYAD_REGISTRY names; null when the layers are used.</summary>
    public static string? Named(string? option) =>
        option ?? (Environment.GetEnvironmentVariable(RegistryVariable) is { Length: > 0 } configured ? configured : null);

    /// <summary>The registry files read, shipped first, that exist (the named file whether or not it does, to be reported missing).</summary>
    public static IReadOnlyList<string> ActorsLayers(string? option) => Layers(option, "actors.json");

    /// <summary>The registry file an added name goes to: the named one, else the user's layer.</summary>
    public static string ActorsToWrite(string? option) => Named(option) ?? Path.Combine(DyadFolders.UserRegistry, "actors.json");

    /// <summary>The turning events file a recorded event goes to: beside the named registry, else the user's layer.</summary>
    public static string TurnsToWrite(string? option) => Beside(option, "turns.json") ?? Path.Combine(DyadFolders.UserRegistry, "turns.json");

    /// <exception cref="DyadException">BadInput: a layer is missing or not a valid registry.</exception>
    public static ActorRegistry LoadActors(string? option) => ParseActors(ActorsLayers(option).Select(path => (path, (string?)null)).ToList());

    /// <summary>
    /// The registry the layers make with one of them replaced by <paramref name="text"/> (the layer not yet written):
    /// an edit is checked as it will read before it replaces its file.
    /// </summary>
    /// <exception cref="DyadException">BadInput: a layer, or the text, is not a valid registry.</exception>
    public static ActorRegistry LoadActorsWith(string? option, string path, string text)
    {
        var layers = ActorsLayers(option).Select(p => (p, (string?)null)).ToList();
        var index = layers.FindIndex(l => Path.GetFullPath(l.p) == Path.GetFullPath(path));
        if (index >= 0)
        {
            layers[index] = (path, text);
        }
        else
        {
            layers.Add((path, text));
        }

        return ParseActors(layers);
    }

    /// <summary>The leadership losses of every layer (leaders.json).</summary>
    public static IReadOnlyList<LeadershipLoss> LoadLeaders(string? option) => [.. Layers(option, "leaders.json").Where(File.Exists).SelectMany(LeadershipLoss.Load)];

    /// <summary>The other turning events of every layer (turns.json).</summary>
    public static IReadOnlyList<TurningEvent> LoadTurns(string? option) => [.. Layers(option, "turns.json").Where(File.Exists).SelectMany(TurningEvent.Load)];

    /// <summary>
    /// The movements' idiom (idiom.json): the shipped vocabulary, the user's layer, and one beside a named registry —
    /// each adding to the ones before, so that a test registry or a team's registry never loses the shipped words.
    /// </summary>
    /// <exception cref="DyadException">BadInput: a layer that is not a valid vocabulary.</exception>
    public static ClaimVocabulary LoadVocabulary(string? option) => ClaimVocabulary.Load(VocabularyLayers(option));

    /// <summary>The idiom's layers that exist, shipped first (see <see cref="LoadVocabulary"/>).</summary>
    public static IReadOnlyList<string> VocabularyLayers(string? option) =>
        [.. new[] { Path.Combine(DyadFolders.ShippedRegistry, Idiom), Path.Combine(DyadFolders.UserRegistry, Idiom), Beside(option, Idiom) }
            .OfType<string>().Where(File.Exists).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];

    /// <summary>The idiom file an added term goes to: beside the named registry, else the user's layer.</summary>
    public static string VocabularyToWrite(string? option) => Beside(option, Idiom) ?? Path.Combine(DyadFolders.UserRegistry, Idiom);

    private const string Idiom = "idiom.json";

    /// <summary>The shipped gazetteer with the places of the user's layer (gazetteer/places.json) added.</summary>
    public static Gazetteer LoadGazetteer()
    {
        var userPlaces = Path.Combine(DyadFolders.UserGazetteer, "places.json");
        return Gazetteer.Load(DyadFolders.ShippedGazetteer, File.Exists(userPlaces) ? [userPlaces] : []);
    }

    private static ActorRegistry ParseActors(List<(string Path, string? Text)> layers)
    {
        var texts = new List<string>(layers.Count);
        foreach (var (path, text) in layers)
        {
            if (text is null && !File.Exists(path))
            {
                throw DyadException.BadInput($"{path}: the actor registry is not there; name one with --registry.", path);
            }

            texts.Add(text ?? File.ReadAllText(path));
        }

        if (texts.Count == 1)
        {
            return ActorRegistry.Parse(texts[0], layers[0].Path);
        }

        var merged = JsonLayers.Parse(texts[0], layers[0].Path);
        for (var i = 1; i < texts.Count; i++)
        {
            JsonLayers.Merge(merged, JsonLayers.Parse(texts[i], layers[i].Path));
        }

        return ActorRegistry.Parse(merged.ToJsonString(), string.Join(" + ", layers.Select(l => l.Path)));
    }

    /// <summary>A file of the registry's layers: beside the named registry alone, else the shipped one and the user's (if it exists).</summary>
    private static IReadOnlyList<string> Layers(string? option, string file)
    {
        if (Beside(option, file) is { } named)
        {
            return [named];
        }

        var user = Path.Combine(DyadFolders.UserRegistry, file);
        return File.Exists(user) ? [Path.Combine(DyadFolders.ShippedRegistry, file), user] : [Path.Combine(DyadFolders.ShippedRegistry, file)];
    }

    private static string? Beside(string? option, string file) => Named(option) is { } named
        ? file == "actors.json" ? named : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(named))!, file)
        : null;
}
