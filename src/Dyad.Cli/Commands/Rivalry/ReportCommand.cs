using System.ComponentModel;
using Dyad.Analysis.Briefs;
using Dyad.Analysis.Charts;
using Dyad.Cli.Hosting;
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
        Out is null || Path.GetExtension(Out).ToLowerInvariant() is not (".html" or ".md" or ".pdf")
            ? ValidationResult.Error("--out FILE.html, FILE.md or FILE.pdf is required: the brief's file, its kind read from the extension.")
            : Paper.ToLowerInvariant() is not ("a4" or "letter") ? ValidationResult.Error($"--paper {Paper}: a4 or letter.")
            : base.Validate();
}

public sealed class ReportCommand(CliOutput output, TimeProvider clock) : AsyncCommand<ReportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var path = Write(settings, clock);
        output.Console.MarkupLine($"Brief written to [bold]{Markup.Escape(path)}[/].");
        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>Writes the brief the settings ask for and returns its full path (the demo writes one too).</summary>
    public static string Write(ReportSettings settings, TimeProvider clock, Registries? loaded = null)
    {
        var (result, imports, registries, sources) = RivalryRun.Compute(settings, loaded);
        var path = Path.GetFullPath(settings.Out!);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        // Markdown links its charts from a folder beside it; HTML and PDF carry them inside.
        var chartFolder = extension == ".md" ? Path.Combine(folder, stem + "_charts") : Directory.CreateTempSubdirectory("dyad-charts-").FullName;
        try
        {
            var charts = RivalryCharts.Write(result, registries.Gazetteer, chartFolder);
            var links = charts.ToDictionary(c => c.Key, c => extension == ".md" ? $"{stem}_charts/{Path.GetFileName(c.Value)}" : Path.GetFileName(c.Value));
            var scope = new BriefScope(settings.ReportCommandLine(settings.Out), DayOption.ParseFrom(settings.From), DayOption.ParseTo(settings.To), settings.Countries);
            var markdown = RivalryBrief.Markdown(result, imports, links, clock.GetLocalNow(), scope, sources);
            if (extension == ".md")
            {
                File.WriteAllText(path, markdown);
                return path;
            }

            var html = RivalryBrief.Html(markdown, charts, $"{result.A.Name} and {result.B.Name}", settings.Paper.Equals("letter", StringComparison.OrdinalIgnoreCase) ? "letter" : "A4");
            if (extension == ".html")
            {
                File.WriteAllText(path, html);
                return path;
            }

            var page = Path.Combine(chartFolder, stem + ".html");
            File.WriteAllText(page, html);
            PdfPrinter.Print(page, path);
            return path;
        }
        finally
        {
            if (extension != ".md")
            {
                Directory.Delete(chartFolder, recursive: true);
            }
        }
    }
}
