using System.ComponentModel;
using Dyad.App.Briefs;
using Dyad.App.Rivalry;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Rivalry;

public sealed class ReportSettings : RivalrySettings
{
    [CommandOption("--out <FILE>")]
    [Description("The brief: FILE.html (one file, charts inside), FILE.md (charts beside it), FILE.pdf (needs Debian's chromium) or FILE.json (its figures as data).")]
    public string? Out { get; init; }

    [CommandOption("--format <KIND>")]
    [Description("html, md, pdf or json; read from --out's extension when not given. json (or --json) without --out prints the brief's data.")]
    public string? Format { get; init; }

    [CommandOption("--paper <SIZE>")]
    [Description("The page size a PDF (or a printed HTML brief) has: a4 (default) or letter.")]
    public string Paper { get; init; } = "a4";

    /// <summary>The kind of brief asked for, as an extension (".json"), or null where neither --format, --json nor --out says.</summary>
    public string? Kind => Json ? ".json" : Format is { } f ? "." + f.ToLowerInvariant() : Out is { } o ? Path.GetExtension(o).ToLowerInvariant() : null;

    public override ValidationResult Validate() =>
        Kind is not { } kind || !BriefWriter.Extensions.Contains(kind)
            ? ValidationResult.Error("--out FILE.html, FILE.md, FILE.pdf or FILE.json is required (the brief's file, its kind read from the extension), or --format json to print its data.")
            : Out is { } o && !Path.GetExtension(o).Equals(kind, StringComparison.OrdinalIgnoreCase)
                ? ValidationResult.Error($"--out {o} is not a {kind[1..]} file: name it FILE{kind}.")
            : Out is null && kind != ".json" ? ValidationResult.Error($"--format {kind[1..]} writes a file: give --out FILE{kind}.")
            : Paper.ToLowerInvariant() is not ("a4" or "letter") ? ValidationResult.Error($"--paper {Paper}: a4 or letter.")
            : base.Validate();
}

public sealed class ReportCommand(CliOutput output, TimeProvider clock) : AsyncCommand<ReportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var writer = new BriefWriter(RivalryService.Load(settings.Registry), clock);
        if (settings.Out is null)
        {
            DyadJson.Write(output.Data, writer.Document(store, settings.ToRequest(), settings.ReportCommandLine(null) + " --format json"));
            return Task.FromResult(ExitCodes.Success);
        }

        var path = writer.Write(store, settings.ToRequest(), settings.Out, settings.ReportCommandLine(settings.Out), settings.Paper);
        output.Console.MarkupLine($"Brief written to [bold]{Markup.Escape(path)}[/].");
        return Task.FromResult(ExitCodes.Success);
    }
}
