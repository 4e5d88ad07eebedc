using System.ComponentModel;
using Dyad.App.Briefs;
using Dyad.App.Rivalry;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Rivalry;

public sealed class ReportSettings : RivalrySettings
{
    [CommandOption("--out <FILE>")]
    [Description("The brief: FILE.html (one file, charts inside), FILE.md (charts beside it) or FILE.pdf (needs Debian's chromium).")]
    public string? Out { get; init; }

    [CommandOption("--paper <SIZE>")]
    [Description("The page size a PDF (or a printed HTML brief) has: a4 (default) or letter.")]
    public string Paper { get; init; } = "a4";

    public override ValidationResult Validate() =>
        Out is null || !BriefWriter.Extensions.Contains(Path.GetExtension(Out).ToLowerInvariant())
            ? ValidationResult.Error("--out FILE.html, FILE.md or FILE.pdf is required: the brief's file, its kind read from the extension.")
            : Paper.ToLowerInvariant() is not ("a4" or "letter") ? ValidationResult.Error($"--paper {Paper}: a4 or letter.")
            : base.Validate();
}

public sealed class ReportCommand(CliOutput output, TimeProvider clock) : AsyncCommand<ReportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var path = new BriefWriter(RivalryService.Load(settings.Registry), clock)
            .Write(store, settings.ToRequest(), settings.Out!, settings.ReportCommandLine(settings.Out), settings.Paper);
        output.Console.MarkupLine($"Brief written to [bold]{Markup.Escape(path)}[/].");
        return Task.FromResult(ExitCodes.Success);
    }
}
