using System.ComponentModel;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

/// <summary>What every command that reads (or adds to) the actor registry, leaders and turning events accepts.</summary>
public class RegistrySettings : CommandSettings
{
    [CommandOption("--registry <PATH>")]
    [Description("One actor registry file, read alone and written to, with its leaders.json and turns.json beside it. Defaults to the registry Dyad ships with your layer (in your Dyad folder) over it; what you add goes to your layer.")]
    public string? Registry { get; init; }
}

/// <summary>A registry, and whether to print JSON instead of tables.</summary>
public class RegistryJsonSettings : RegistrySettings
{
    [CommandOption("--json")]
    [Description("Print JSON.")]
    public bool Json { get; init; }
}
