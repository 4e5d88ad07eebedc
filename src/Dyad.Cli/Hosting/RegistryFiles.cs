using Dyad.Actors;

namespace Dyad.Cli.Hosting;

/// <summary>
/// Where the actor registry is read from and written to: --registry, else DYAD_REGISTRY, else the repository's
/// data/registry/actors.json (./dyad sets DYAD_HOME to the repository), else the copy built next to the program.
/// Users extend the repository's file, so that their additions are kept with the project and can be shared.
/// </summary>
public static class RegistryFiles
{
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
