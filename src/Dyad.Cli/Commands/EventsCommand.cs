using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Places;
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

    [CommandOption("--include-ambiguous")]
    [Description("With --actor: also events whose source leaves the actor open between it and another (\"Taliban and/or Islamic State\").")]
    public bool IncludeAmbiguous { get; init; }

    [CommandOption("--province <NAME>")]
    [Description("Only events in this province (gazetteer: Nangarhar, Ningarhar, ننګرهار, FATA …), by their point or their admin names.")]
    public string? Province { get; init; }

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

    public override ValidationResult Validate()
    {
        if (Format is not ("table" or "csv" or "json" or "geojson"))
        {
            return ValidationResult.Error($"--format {Format}: choose table, csv, json or geojson.");
        }

        if (Limit is < 0)
        {
            return ValidationResult.Error("--limit must be 0 or more.");
        }

        return DayOption.ValidatePeriod(From, To);
    }

    /// <param name="actorIds">The canonical ids --actor resolved to, or null to match --actor as text.</param>
    /// <param name="provinces">The gazetteer provinces --province resolved to.</param>
    /// <param name="districts">The gazetteer districts --district resolved to.</param>
    public EventFilter ToFilter(IReadOnlyList<string>? actorIds, IReadOnlyList<string>? provinces, IReadOnlyList<string>? districts) =>
        new(Country, actorIds is null ? Actor : null, DayOption.ParseFrom(From), DayOption.ParseTo(To), Dataset, Type, Limit ?? (Format == "table" ? DefaultTableRows : null),
            ActorIds: actorIds, Admin1Ids: provinces, Admin2Ids: districts, IncludeAmbiguous: IncludeAmbiguous);
}

public sealed class EventsCommand(CliOutput output) : AsyncCommand<EventsSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, EventsSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? actorIds = null;
        if (settings.Actor is { } name)
        {
            var registry = RegistryFiles.LoadActors(settings.Registry);
            if (registry.Lookup(name) is { } actor)
            {
                actorIds = registry.WithMembers(actor.Id);
                output.Errors.WriteLine($"dyad: --actor {name}: {actor.Name} ({string.Join(", ", actorIds)}), in any dataset.");
            }
            else
            {
                output.Errors.WriteLine($"dyad: --actor {name}: not one actor in the registry; matching it as text in actors' names.");
            }
        }

        var gazetteer = settings.Province is null && settings.District is null ? null : RegistryFiles.LoadGazetteer();
        var provinces = settings.Province is { } province ? Units(gazetteer!, province, 1, settings.Country) : null;
        var districts = settings.District is { } district ? Units(gazetteer!, district, 2, settings.Country) : null;
        using var store = EventStores.Open(settings.Db);
        var filter = settings.ToFilter(actorIds, provinces, districts);
        if (settings.AsOf is { } asOf)
        {
            filter = filter with
            {
                AsOfImport = store.FindImport(asOf)
                    ?? throw new DyadException(DyadErrorKind.NotFound, $"--as-of {asOf}: no import of that release, file or id in {settings.Db} ('dyad stats' lists the files)."),
            };
        }

        if (actorIds is not null && !settings.IncludeAmbiguous
            && store.CountEvents(filter with { IncludeAmbiguous = true }) - store.CountEvents(filter) is > 0 and var open)
        {
            output.Errors.WriteLine($"dyad: {open:N0} more event(s) leave the actor open between {settings.Actor} and another; --include-ambiguous lists them too.");
        }

        var events = store.Events(filter);
        switch (settings.Format)
        {
            case "csv":
                EventWriters.Csv(output.Data, events);
                break;
            case "json":
                EventWriters.Json(output.Data, events);
                break;
            case "geojson":
                var skipped = EventWriters.GeoJson(output.Data, events);
                if (skipped > 0)
                {
                    output.Errors.WriteLine($"dyad: {skipped:N0} matching event(s) have no coordinates and are not in the GeoJSON.");
                }

                break;
            default:
                var list = events.ToList();
                EventWriters.Table(output.Console, list, store.CountEvents(filter), list.Count);
                break;
        }

        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>The gazetteer units a --province or --district name means; refuses a name that means none or several.</summary>
    private IReadOnlyList<string> Units(Gazetteer gazetteer, string name, int level, string? country)
    {
        if (gazetteer.Find(name) is { } byId && byId.Level == level)
        {
            return [byId.Id];
        }

        var match = gazetteer.Resolve(name, country, level);
        var units = match.Candidates.Where(c => c.Unit is not null).Select(c => c.Unit!).ToList();
        if (units.Count == 0)
        {
            throw DyadException.BadUsage($"'{name}' is no {(level == 1 ? "province" : "district")} in the gazetteer ('dyad places resolve {name}' shows what it may be).");
        }

        if (units.Count > 1)
        {
            throw DyadException.BadUsage($"'{name}' could be {string.Join(", ", units.Select(u => $"{u.Name} ({u.Id})"))}: name one of these ids.");
        }

        output.Errors.WriteLine($"dyad: {(level == 1 ? "--province" : "--district")} {name}: {units[0].Name} ({units[0].Id}), matched {match.Method.ToString().ToLowerInvariant()}.");
        return [units[0].Id];
    }
}
