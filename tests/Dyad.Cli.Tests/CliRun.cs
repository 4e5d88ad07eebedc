using Dyad.Cli.Hosting;
using Spectre.Console;

namespace Dyad.Cli.Tests;

/// <summary>Runs Dyad's command line in-process, as a user would type it, and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Data, string Console, string Errors)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var data = new StringWriter();
        var errors = new StringWriter();
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 200;
        var code = await DyadCli.RunAsync(args, new CliOutput(console, data, errors, Interactive: false), TestContext.Current.CancellationToken);
        return new CliRun(code, data.ToString(), screen.ToString(), errors.ToString());
    }

    /// <summary>Imports the UCDP GED samples that ship with Dyad (data/samples/ucdp) into <paramref name="db"/>, as a user would.</summary>
    public static async Task ImportUcdpSamples(string db)
    {
        var samples = Path.Combine(Dyad.Testing.SharedData.RepositoryRoot, "data", "samples", "ucdp");
        var import = await Of(["import", .. Directory.GetFiles(samples, "ged*"), "--db", db]);
        import.ExitCode.ShouldBe(0, import.Errors);
    }
}
