namespace Dyad.App.Hosting;

/// <summary>What the application layer is started with, for every front end: the registry's path (null: the default layers).</summary>
public sealed class DyadOptions
{
    /// <summary>An actor registry file (or the folder holding actors.json) to use instead of the default layers.</summary>
    public string? Registry { get; set; }

    /// <summary>What is wrong with these options, or null: checked when the program starts, before any work.</summary>
    public string? Problem() =>
        Registry is not null && !File.Exists(Registry) && !File.Exists(Path.Combine(Registry, "actors.json"))
            ? $"the registry {Registry} does not exist (a registry file, or a folder with actors.json)."
            : null;
}
