using System.ComponentModel;
using Dyad.App;
using Dyad.App.Events;
using Dyad.App.Views;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class EventsSettings : StoreSettings
{
    /// <summary>How many events a table shows when no --limit is given; CSV, JSON and GeoJSON write all.</summary>
    public const int DefaultTableRows = 50;

    [CommandOption("--country <COUNTRY>")]
    [Description("Only events in this country (as the source names it, any case).")]
    public string? Country { get; init; }

    [CommandOption("--actor <NAME>")]
    [Description("Only events of this actor: a registry id or any of its names (IS-K, Taleban, داعش), its members included; a name not in the registry matches as text.")]
    public string? Actor { get; init; }

    [CommandOption("--against <NAME>")]
    [Description("With --actor: only events in which this actor is on the other side (the dyad: --actor IS-K --against Taliban).")]
    public string? Against { get; init; }

    [CommandOption("--include-ambiguous")]
    [Description("With --actor: also events whose source leaves the actor open between it and another (\"Taliban and/or Islamic State\").")]
    public bool IncludeAmbiguous { get; init; }

    [CommandOption("--province <NAME>")]
    [Description("Only events in this province (gazetteer: Nangarhar, Ningarhar, ننګرهار, FATA …), by their point or their admin names; several separated by commas.")]
    public string? Province { get; init; }

    [CommandOption("--unclaimed")]
    [Description("Only attacks whose perpetrator the source does not know (GTD's 'Unknown', ACLED's 'Unidentified Armed Group'): what 'dyad attribute --unclaimed' attributes. Not GTD's claimed = 0.")]
    public bool Unclaimed { get; init; }

    [CommandOption("--district <NAME>")]
    [Description("Only events in this district or agency (gazetteer), by their point or their admin names.")]
    public string? District { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("Only events that end on or after this day, or from the start of this month or year (2021-08-15, 2021-08 or 2021).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Only events that start on or before this day, or up to the end of this month or year (2021-08-15, 2021-08 or 2021).")]
    public string? To { get; init; }

    [CommandOption("--dataset <DATASET>")]
    [Description("Only events from this dataset: gtd, acled, ucdp-ged, ucdp-nonstate, ucdp-onesided, ucdp-battledeaths.")]
    public string? Dataset { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("Only events whose type, subtype or attack type contains this text (any case).")]
    public string? Type { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many events.")]
    public int? Limit { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("table (default), csv, json or geojson.")]
    public string Format { get; init; } = "table";

    [CommandOption("--as-of <RELEASE>")]
    [Description("The events as they stood after that import: a release given with 'import --release', a file's name, or an import's id; with the values of that time, those withdrawn since included, those imported since left out.")]
    public string? AsOf { get; init; }

    public override ValidationResult Validate() =>
        Format is not ("table" or "csv" or "json" or "geojson") ? ValidationResult.Error($"--format {Format}: choose table, csv, json or geojson.")
        : ToRequest().Problem(part => "--" + part) is { } problem ? ValidationResult.Error(problem)
        : ValidationResult.Success();

    public EventRequest ToRequest() => new()
    {
        Country = Country,
        Actor = Actor,
        Against = Against,
        IncludeAmbiguous = IncludeAmbiguous,
        Province = Province,
        District = District,
        From = From,
        To = To,
        Dataset = Dataset,
        Type = Type,
        AsOf = AsOf,
        Limit = Limit ?? (Format == "table" ? DefaultTableRows : null),
        Unclaimed = Unclaimed,
    };
}

public sealed class EventsCommand(CliOutput output) : AsyncCommand<EventsSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, EventsSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        // Read once, and only if asked for: by a place filter, or by the table for the units it names.
        var gazetteer = new Lazy<Dyad.Places.Gazetteer>(RegistryFiles.LoadGazetteer);
        var query = new EventQuery(() => RegistryFiles.LoadActors(settings.Registry), () => gazetteer.Value);
        var resolved = query.Resolve(store, settings.ToRequest(), part => "--" + part);
        var (filter, notes) = resolved;
        foreach (var note in notes)
        {
            output.Errors.WriteLine($"dyad: {note}");
        }

        if (EventQuery.AmbiguousLeftOut(store, filter) is > 0 and var open)
        {
            output.Errors.WriteLine($"dyad: {open:N0} more event(s) leave the actor open between {settings.Actor} and another; --include-ambiguous lists them too.");
        }

        var events = resolved.Events(store);
        switch (settings.Format)
        {
            case "csv":
                EventExports.Csv(output.Data, events);
                break;
            case "json":
                EventExports.Json(output.Data, events);
                break;
            case "geojson":
                var skipped = EventExports.GeoJson(output.Data, events);
                if (skipped > 0)
                {
                    output.Errors.WriteLine($"dyad: {skipped:N0} matching event(s) have no coordinates and are not in the GeoJSON.");
                }

                break;
            default:
                var list = events.ToList();
                EventWriters.Table(output.Console, list, resolved.Count(store), list.Count, gazetteer.Value);
                break;
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
