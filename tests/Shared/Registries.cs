using Dyad.Actors;
using Dyad.Claims;
using Dyad.Places;

namespace Dyad.Testing;

/// <summary>The repository's own actor registry and gazetteer, as users get them.</summary>
internal static class Registries
{
    private static readonly Lazy<ActorRegistry> Shipped = new(() =>
        ActorRegistry.Parse(File.ReadAllText(ActorsPath), ActorsPath));

    public static string ActorsPath => Path.Combine(SharedData.RepositoryRoot, "data", "registry", "actors.json");

    public static ActorRegistry Actors => Shipped.Value;

    private static readonly Lazy<Gazetteer> ShippedGazetteer = new(() => Gazetteer.Load(GazetteerFolder));

    public static string GazetteerFolder => Path.Combine(SharedData.RepositoryRoot, "data", "gazetteer");

    public static Gazetteer Gazetteer => ShippedGazetteer.Value;

    private static readonly Lazy<ClaimVocabulary> ShippedVocabulary = new(() =>
        ClaimVocabulary.Load([Path.Combine(SharedData.RepositoryRoot, "data", "registry", "idiom.json")]));

    /// <summary>The movements' idiom as it ships (data/registry/idiom.json).</summary>
    public static ClaimVocabulary Vocabulary => ShippedVocabulary.Value;
}
