using System.ComponentModel;
using Dyad.App;
using Dyad.App.Attribution;
using Dyad.App.Views;
using Dyad.Attribution;
using Dyad.Attribution.Attacks;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Attribution;

public sealed class AttributeSettings : StoreJsonSettings
{
    [CommandArgument(0, "[EVENT_ID]")]
    [Description("Events in the store to attribute: the store's id (as 'dyad events' shows it) or DATASET:ID (e.g. gtd:202105030012).")]
    public string[] EventIds { get; init; } = [];

    [CommandOption("--unclaimed")]
    [Description("Attribute every attack in the store whose perpetrator is unknown, in the model's countries.")]
    public bool Unclaimed { get; init; }

    [CommandOption("--file <FILE>")]
    [Description("Attribute the events in a file (any format 'dyad import' reads) without importing them.")]
    public string? File { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description(FormatOption.Description)]
    public string? Format { get; init; }

    [CommandOption("--model <FILE>")]
    [Description("The model file. Defaults to the store's name with .model.zip (dyad.model.zip).")]
    public string? Model { get; init; }

    public override ValidationResult Validate() =>
        (EventIds.Length > 0 ? 1 : 0) + (Unclaimed ? 1 : 0) + (File is null ? 0 : 1) != 1
            ? ValidationResult.Error("Say which attacks: EVENT_ID..., --unclaimed or --file FILE (one of them).")
            : FormatOption.Validate(Format) is { Successful: false } bad ? bad
            : base.Validate();
}

public sealed class AttributeCommand(CliOutput output) : AsyncCommand<AttributeSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, AttributeSettings settings, CancellationToken cancellationToken)
    {
        var model = AttributionModel.Load(settings.Model ?? Path.ChangeExtension(settings.Db, ".model.zip"));
        AttributionService attribution;
        using (var store = EventStores.Open(settings.Db))
        {
            attribution = AttributionService.Create(store, RegistryFiles.Load(settings.Registry), model, TimeProvider.System);
        }

        IReadOnlyList<Attack> targets;
        if (settings.File is { } file)
        {
            var (attacks, rejects) = attribution.Sources.FromFile(file, FormatOption.Parse(settings.Format), cancellationToken);
            foreach (var reject in rejects)
            {
                output.Errors.WriteLine($"dyad: {file}, row {reject.Row}{(reject.Column is null ? "" : $", column {reject.Column}")}: {reject.Reason} — not attributed.");
            }

            if (attacks.Count == 0)
            {
                throw DyadException.BadInput($"{file}: no event in the file could be read ({rejects.Count} row(s) rejected); nothing to attribute.", file);
            }

            targets = attacks;
        }
        else
        {
            targets = settings.Unclaimed ? [.. attribution.Unclaimed()] : [.. settings.EventIds.Select(attribution.Find)];
        }

        // The terminal explains up to ten attacks and lists more as a table: explaining costs a score per feature group.
        var explain = settings.Json || targets.Count <= AttributionRenderer.ExplainedOnScreen;
        var attributions = attribution.Attribute(targets, explain);
        output.Result(settings.Json, attributions.Select(AttributionView.Of), () => AttributionRenderer.RenderAttributions(output.Console, attributions, model.Metadata));

        return Task.FromResult(ExitCodes.Success);
    }
}
