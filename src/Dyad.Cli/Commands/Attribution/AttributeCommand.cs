using System.ComponentModel;
using Dyad.Attribution;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Explaining;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
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
        var (sources, known) = AttackSources.Load(settings);
        IReadOnlyList<Attack> targets;
        if (settings.File is { } file)
        {
            var (attacks, rejects) = sources.FromFile(file, FormatOption.Parse(settings.Format), cancellationToken);
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
        else if (settings.Unclaimed)
        {
            var countries = model.Metadata.Options.Countries;
            targets = [.. known.Where(a => a.Status == PerpetratorStatus.Unknown
                && (countries.Count == 0 || countries.Contains(a.Country ?? "", StringComparer.OrdinalIgnoreCase)))];
        }
        else
        {
            targets = [.. settings.EventIds.Select(id => Find(known, id))];
        }

        // The terminal explains up to ten attacks and lists more as a table: explaining costs a score per feature group.
        var explain = settings.Json || targets.Count <= AttributionRenderer.ExplainedOnScreen;
        var attributions = new Attributor(model, known, sources.Setting).Attribute(targets, explain);
        output.Result(settings.Json, attributions.Select(AttributionView.Of), () => AttributionRenderer.RenderAttributions(output.Console, attributions, model.Metadata));

        return Task.FromResult(ExitCodes.Success);
    }

    private static Attack Find(IReadOnlyList<Attack> attacks, string id)
    {
        var match = long.TryParse(id, out var number)
            ? attacks.FirstOrDefault(a => a.EventId == number)
            : id.Split(':', 2) is [var dataset, var datasetId]
                ? attacks.FirstOrDefault(a => a.Event.Dataset.Equals(dataset, StringComparison.OrdinalIgnoreCase) && a.Event.DatasetId == datasetId)
                : null;
        return match ?? throw new DyadException(DyadErrorKind.NotFound, $"event '{id}' is not in the store; 'dyad events' lists the events and their ids.");
    }
}
