using System.ComponentModel;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

/// <summary>A store, and whether to print JSON instead of tables.</summary>
public class StoreJsonSettings : StoreSettings
{
    [CommandOption("--json")]
    [Description("Print JSON.")]
    public bool Json { get; init; }
}
