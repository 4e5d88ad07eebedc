using Dyad.Analysis.Leaders;
using Dyad.Analysis.Rivalry;
using Dyad.Cli.Hosting;
using Dyad.Events;
using Dyad.Sources;
using Dyad.Store;

namespace Dyad.Cli.Commands.Rivalry;

/// <summary>Resolves the two sides, asks the store for the rivalry's monthly cells and computes its measures.</summary>
internal static class RivalryRun
{
    /// <exception cref="DyadException">BadUsage: a side the registry does not know.</exception>
    /// <param name="registries">The registries when the caller has them loaded already (the demo); else read from the settings.</param>
    public static (RivalryResult Result, IReadOnlyList<ImportReport> Imports, Registries Registries, IReadOnlyList<Source> Sources) Compute(
        RivalrySettings settings, Registries? registries = null)
    {
        registries ??= RegistryFiles.Load(settings.Registry);
        var a = SideOf(registries, settings.A);
        var b = SideOf(registries, settings.B);
        var countries = settings.Countries;
        using var store = EventStores.Open(settings.Db);
        var unspecified = registries.Actors.Actors.Where(actor => actor.Kind == "unspecified").Select(actor => actor.Id).ToList();
        var cells = store.Rivalry(new RivalryQuery(a.ActorIds, b.ActorIds, PeriodUnit.Month, DayOption.ParseFrom(settings.From), DayOption.ParseTo(settings.To), countries,
            unspecified));
        var leadersPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(RegistryFiles.ActorsPath(settings.Registry)))!, "leaders.json");
        var losses = File.Exists(leadersPath) ? LeadershipLoss.Load(leadersPath) : [];
        var result = RivalryAnalysis.Compute(a, b, cells, settings.Unit, losses, key => registries.Gazetteer.Find(key)?.Name ?? key, store.Coverage());
        // The sources the analyst's own event records cite, for the brief's footnotes.
        var imports = store.Imports();
        var cited = imports.Any(i => i.Dataset == Datasets.Analyst)
            ? store.Events(new EventFilter(Dataset: Datasets.Analyst)).Select(e => e.Event.Citations).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var sources = cited.Count == 0 ? [] : store.Sources().Where(s => cited.Contains(s.Code)).ToList();
        return (result, imports, registries, sources);
    }

    private static Side SideOf(Registries registries, string name)
    {
        var actor = registries.Actors.Lookup(name)
            ?? throw DyadException.BadUsage($"'{name}' is not an actor the registry knows; 'dyad actors resolve \"{name}\"' shows what it resolves to, 'dyad actors list' lists them.");
        return new Side(actor.Id, actor.ShortName, registries.Actors.WithMembers(actor.Id));
    }
}
