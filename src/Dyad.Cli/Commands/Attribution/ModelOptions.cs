using System.ComponentModel;
using Dyad.App.Attribution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Attribution;

/// <summary>The options that choose what a model is trained on, shared by <c>model train</c> and <c>backtest</c>.</summary>
public class ModelOptions : StoreJsonSettings
{
    [CommandOption("--country <C,...>")]
    [Description("Only attacks in these countries (comma-separated, as the sources name them).")]
    public string? Country { get; init; }

    [CommandOption("--groups <A,B,...>")]
    [Description("The candidate groups (any names the registry resolves); every other group is 'other'. Default: every group with --min-events attacks.")]
    public string? Groups { get; init; }

    [CommandOption("--min-events <N>")]
    [Description("Groups with fewer training attacks than this are 'other'. Defaults to 10.")]
    public int MinEvents { get; init; } = 10;

    [CommandOption("--group-activity")]
    [Description("Add each candidate group's attacks in the province, neighbouring provinces and country in the 90 days before, and days since its last attack there.")]
    public bool GroupActivity { get; init; }

    [CommandOption("--state-forces")]
    [Description("Count a state's forces and the militias on its side among the candidates; by default only armed groups are.")]
    public bool StateForces { get; init; }

    [CommandOption("--no-text")]
    [Description("Do not read the sources' own words (GTD's summary, ACLED's notes, UCDP's headlines; masked of names and claims) as words; the community and kind of target they name are still read.")]
    public bool NoText { get; init; }

    [CommandOption("--seed <N>")]
    [Description("The seed: the same data and seed give the same model. Defaults to 1.")]
    public int Seed { get; init; } = 1;

    public override ValidationResult Validate() =>
        MinEvents < 1 ? ValidationResult.Error("--min-events must be 1 or more.") : base.Validate();

    public ModelRequest ToRequest() => new()
    {
        Countries = Split(Country),
        Groups = Split(Groups),
        MinimumEvents = MinEvents,
        GroupActivity = GroupActivity,
        StateForces = StateForces,
        Text = !NoText,
        Seed = Seed,
    };

    /// <summary>Where a model is kept when no path is given: beside the store, named after it.</summary>
    public string DefaultModelPath() => Path.ChangeExtension(Db, ".model.zip");

    private static List<string> Split(string? list) =>
        list is null ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
