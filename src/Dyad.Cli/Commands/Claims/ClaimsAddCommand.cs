using System.ComponentModel;
using Dyad.App;
using Dyad.App.Records;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Claims;

public sealed class ClaimsAddSettings : StoreJsonSettings
{
    [CommandOption("--text <TEXT>")]
    [Description("The statement, in English (the original or its translation), e.g. \"ISKP claimed killing and wounding 9 Taliban militants via two explosive devices in Kunar.\"")]
    public string? Text { get; init; }

    [CommandOption("--source <CODE>")]
    [Description("The source it comes from ('dyad sources add' first).")]
    public string? Source { get; init; }

    [CommandOption("--date <DATE>")]
    [Description("When the statement was made (yyyy-MM-dd): bounds the attack's day, and gives a year to \"on 14 November\".")]
    public string? Date { get; init; }

    [CommandOption("--original <TEXT>")]
    [Description("The statement in its original language, when --text is a translation.")]
    public string? Original { get; init; }

    [CommandOption("--language <LANG>")]
    [Description("The original's language (Arabic, Pashto …).")]
    public string? Language { get; init; }

    [CommandOption("--set <FIELD=VALUE>")]
    [Description("Correct a field the parser read (repeatable): claimant, target, stance, killed, wounded, killed_or_wounded, weapon, weapon_count, place, event_date, statement_date, channel.")]
    public string[] Set { get; init; } = [];

    [CommandOption("--dry-run")]
    [Description("Show the parse without storing the claim.")]
    public bool DryRun { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Text) || Source is null ? ValidationResult.Error("--text (the statement, not empty) and --source are needed.") : DayOption.Validate(("--date", Date));
}

/// <summary>
/// Parses a claim statement, shows what it read, applies the analyst's corrections, stores it with its source (unless
/// --dry-run) and shows the events it may be about.
/// </summary>
public sealed class ClaimsAddCommand(CliOutput output) : AsyncCommand<ClaimsAddSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ClaimsAddSettings settings, CancellationToken cancellationToken)
    {
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = EventStores.OpenOrCreate(settings.Db);
        var source = store.FindSource(settings.Source!)
            ?? throw new DyadException(DyadErrorKind.NotFound, $"No source '{settings.Source}' in {settings.Db}: add it with 'dyad sources add --code {settings.Source} --type …'.");
        var evidence = ClaimRecording.Record(store, registries, source, settings.Text!, DayOption.Parse(settings.Date), settings.Set, Environment.UserName,
            settings.DryRun, settings.Original, settings.Language);
        output.Result(settings.Json, ClaimView.Of(evidence, source, showProtected: true),
            () => ClaimRenderer.Render(output.Console, evidence, source, showProtected: true, stored: !settings.DryRun));
        return Task.FromResult(ExitCodes.Success);
    }
}
