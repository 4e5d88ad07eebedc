using System.ComponentModel;
using Dyad.App;
using Dyad.App.Attribution;
using Dyad.App.Events;
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

    [CommandOption("--country <COUNTRY>")]
    [Description("With --unclaimed: only attacks in this country.")]
    public string? Country { get; init; }

    [CommandOption("--province <NAME>")]
    [Description("With --unclaimed: only attacks in this province (any spelling the gazetteer knows); several separated by commas.")]
    public string? Province { get; init; }

    [CommandOption("--district <NAME>")]
    [Description("With --unclaimed: only attacks in this district.")]
    public string? District { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("With --unclaimed: only attacks on or after this year, month or day.")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("With --unclaimed: only attacks on or before this year, month or day.")]
    public string? To { get; init; }

    [CommandOption("--dataset <DATASET>")]
    [Description("With --unclaimed: only attacks from this dataset (gtd, acled, ucdp-ged …).")]
    public string? Dataset { get; init; }

    [CommandOption("--file <FILE>")]
    [Description("Attribute the events in a file without importing them: any format 'dyad import' reads, or Dyad's own CSV export ('dyad events --format csv').")]
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
            : !Unclaimed && (Country ?? Province ?? District ?? From ?? To ?? Dataset) is not null
                ? ValidationResult.Error("--country, --province, --district, --from, --to and --dataset choose among the attacks of --unclaimed.")
            : FormatOption.Validate(Format) is { Successful: false } bad ? bad
            : base.Validate();

    /// <summary>The unclaimed attacks' filters as the events command takes them.</summary>
    public EventRequest ToRequest() => new()
    {
        Country = Country,
        Province = Province,
        District = District,
        From = From,
        To = To,
        Dataset = Dataset,
        Unclaimed = true,
    };
}

public sealed class AttributeCommand(CliOutput output) : AsyncCommand<AttributeSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, AttributeSettings settings, CancellationToken cancellationToken)
    {
        var model = AttributionModel.Load(settings.Model ?? Path.ChangeExtension(settings.Db, ".model.zip"));
        var registries = RegistryFiles.Load(settings.Registry);
        AttributionService attribution;
        HashSet<long>? chosen = null;
        using (var store = EventStores.Open(settings.Db))
        {
            attribution = AttributionService.Create(store, registries, model, TimeProvider.System);
            if (settings.Unclaimed)
            {
                var resolved = new EventQuery(registries).Resolve(store, settings.ToRequest(), part => "--" + part);
                foreach (var note in resolved.Notes)
                {
                    output.Errors.WriteLine($"dyad: {note}");
                }

                chosen = [.. resolved.Events(store).Select(e => e.Id)];
            }
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
            targets = settings.Unclaimed ? [.. attribution.Unclaimed().Where(a => chosen!.Contains(a.EventId))] : [.. settings.EventIds.Select(attribution.Find)];
        }

        // The terminal explains up to ten attacks and lists more as a table: explaining costs a score per feature group.
        var explain = settings.Json || targets.Count <= AttributionRenderer.ExplainedOnScreen;
        var attributions = attribution.Attribute(targets, explain);
        output.Result(settings.Json, attributions.Select(AttributionView.Of), () => AttributionRenderer.RenderAttributions(output.Console, attributions, model.Metadata));

        return Task.FromResult(ExitCodes.Success);
    }
}
