using Dyad.Actors;

namespace Dyad.Testing;

/// <summary>The repository's own actor registry, as users get it.</summary>
internal static class Registries
{
    private static readonly Lazy<ActorRegistry> Shipped = new(() =>
        ActorRegistry.Parse(File.ReadAllText(ActorsPath), ActorsPath));

    public static string ActorsPath => Path.Combine(SharedData.RepositoryRoot, "data", "registry", "actors.json");

    public static ActorRegistry Actors => Shipped.Value;
}
