using Dyad.Actors;
using Dyad.Places;

namespace Dyad.App;

/// <summary>
/// Where the actor registry and the gazetteer are read from (and the registry written to): --registry, else
/// DYAD_REGISTRY, else the repository's data/registry/actors.json (./dyad sets DYAD_HOME to the repository), else the
/// copy built next to the program; likewise data/gazetteer. Users extend the repository's registry, so that their
/// additions are kept with the project and can be shared.
/// </summary>
public static class RegistryFiles
{
    public static Registries Load(string? registryOption) => new(LoadActors(registryOption), LoadGazetteer());

    public static string GazetteerFolder()
    {
        if (Environment.GetEnvironmentVariable("DYAD_HOME") is { Length: > 0 } home && Directory.Exists(Path.Combine(home, "data", "gazetteer")))
        {
            return Path.Combine(home, "data", "gazetteer");
        }

        return Path.Combine(AppContext.BaseDirectory, "gazetteer");
    }

    public static Gazetteer LoadGazetteer() => Gazetteer.Load(GazetteerFolder());

    public static string ActorsPath(string? option)
    {
        if (option is not null)
        {
            return option;
        }

        if (Environment.GetEnvironmentVariable("DYAD_REGISTRY") is { Length: > 0 } configured)
        {
            return configured;
        }

        if (Environment.GetEnvironmentVariable("DYAD_HOME") is { Length: > 0 } home && File.Exists(Path.Combine(home, "data", "registry", "actors.json")))
        {
            return Path.Combine(home, "data", "registry", "actors.json");
        }

        return Path.Combine(AppContext.BaseDirectory, "registry", "actors.json");
    }

    /// <summary>The leaders file kept beside the actor registry (leaders.json): who led each group, and when they were lost.</summary>
    public static string LeadersPath(string? registryOption) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ActorsPath(registryOption)))!, "leaders.json");

    /// <summary>The turning events besides leadership losses (accords, takeovers), beside the actor registry.</summary>
    public static string TurnsPath(string? registryOption) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ActorsPath(registryOption)))!, "turns.json");

    /// <exception cref="DyadException">BadInput: the file is missing or not a valid registry.</exception>
    public static ActorRegistry LoadActors(string? option)
    {
        var path = ActorsPath(option);
        if (!File.Exists(path))
        {
            throw DyadException.BadInput($"{path}: the actor registry is not there; name one with --registry.", path);
        }

        return ActorRegistry.Parse(File.ReadAllText(path), path);
    }
}
