using System.ComponentModel;
using Dyad.Analysis.Turns;
using Dyad.App;
using Dyad.App.Turns;
using Dyad.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Turns;

public sealed class TurnsAddSettings : RegistrySettings
{
    [CommandOption("--name <NAME>")]
    [Description("What happened, as a reader will see it (\"Orakzai commanders join IS-K\").")]
    public string Name { get; init; } = "";

    [CommandOption("--kind <KIND>")]
    [Description("leader-killed, leader-captured, accord, ceasefire, takeover, pledge, split or defection.")]
    public string Kind { get; init; } = "";

    [CommandOption("--date <DAY>")]
    [Description("The day it happened (yyyy-MM-dd).")]
    public string Date { get; init; } = "";

    [CommandOption("--group <ACTOR>")]
    [Description("A group it concerns (repeat for several); a registry id or any name that resolves to one.")]
    public string[] Groups { get; init; } = [];

    [CommandOption("--from-group <ACTOR>")]
    [Description("A defection: the group the people left.")]
    public string? FromGroup { get; init; }

    [CommandOption("--to-group <ACTOR>")]
    [Description("A defection: the group they joined.")]
    public string? ToGroup { get; init; }

    [CommandOption("--people <N>")]
    [Description("A defection: how many moved, where the sources say.")]
    public int? People { get; init; }

    [CommandOption("--place <PLACE>")]
    [Description("Where it happened, as the sources say.")]
    public string? Place { get; init; }

    [CommandOption("--source <CITATION>")]
    [Description("Where it is reported: a citation, or the code of a source in the store.")]
    public string Source { get; init; } = "";


    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("--name is needed: what happened.")
        : string.IsNullOrWhiteSpace(Kind) ? ValidationResult.Error($"--kind is needed: {string.Join(", ", TurningEvent.Kinds)}.")
        : string.IsNullOrWhiteSpace(Date) ? ValidationResult.Error("--date is needed (yyyy-MM-dd).")
        : People is < 0 ? ValidationResult.Error("--people cannot be negative.")
        : DayOption.Validate(("--date", Date));
}

public sealed class TurnsAddCommand(CliOutput output) : AsyncCommand<TurnsAddSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, TurnsAddSettings settings, CancellationToken cancellationToken)
    {
        var records = new TurnRecords(RegistryFiles.Load(settings.Registry), settings.Registry);
        var turn = records.Add(new TurningEvent(settings.Name.Trim(), settings.Kind.Trim().ToLowerInvariant(), DayOption.Parse(settings.Date)!.Value, settings.Groups, settings.Source.Trim())
        {
            From = settings.FromGroup,
            To = settings.ToGroup,
            People = settings.People,
            Place = settings.Place,
        });
        output.Console.MarkupLine($"Recorded [bold]{Markup.Escape(turn.Name)}[/] ({Markup.Escape(turn.Kind)}, {turn.Date:yyyy-MM-dd}; {Markup.Escape(string.Join(", ", turn.Groups))}) in {Markup.Escape(records.Path)}.");
        return Task.FromResult(ExitCodes.Success);
    }
}
