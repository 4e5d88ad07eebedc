using System.ComponentModel;
using Dyad.App.Rivalry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Rivalry;

/// <summary>The two sides and the slice of time and place, shared by <c>rivalry</c> and <c>report</c>.</summary>
public class RivalrySettings : StoreJsonSettings
{
    [CommandArgument(0, "<A>")]
    [Description("One side: any name or id the actor registry resolves (IS-K, ISKP, داعش, taliban …).")]
    public string A { get; init; } = "";

    [CommandArgument(1, "<B>")]
    [Description("The other side.")]
    public string B { get; init; } = "";

    [CommandOption("--from <DAY>")]
    [Description("Only events on or after this day, or from the start of this month or year (2021-08-15, 2021-08 or 2021).")]
    public string? From { get; init; }

    [CommandOption("--to <DAY>")]
    [Description("Only events on or before this day, or up to the end of this month or year (2021-08-15, 2021-08 or 2021).")]
    public string? To { get; init; }

    [CommandOption("--by <UNIT>")]
    [Description("month, quarter or year. Defaults to month.")]
    public string By { get; init; } = "month";

    [CommandOption("--country <C,...>")]
    [Description("Only events in these countries (comma-separated).")]
    public string? Country { get; init; }

    /// <summary>What the two commands ask the rivalry service, as the user wrote it.</summary>
    public RivalryQuestion Question => new(A, B, From, To, Country, By);

    /// <summary>The <c>dyad report</c> command that computes these figures again, with every option that changes them.</summary>
    public string ReportCommandLine(string? output) => Question.ReportCommandLine(DbNamed ? Db : null, output);

    public RivalryRequest ToRequest() => Question.ToRequest();

    public override ValidationResult Validate() =>
        Question.Problem(part => "--" + part) is { } problem ? ValidationResult.Error(problem) : base.Validate();
}
