using Dyad.Analysis.Leaders;
using Dyad.Analysis.Rivalry;
using Dyad.Analysis.Turns;
using Dyad.Events;
using Dyad.Sources;
using Dyad.Store;

namespace Dyad.App.Rivalry;

/// <summary>Two sides, by any names the registry resolves, and the slice of time and place a rivalry is measured on.</summary>
public sealed record RivalryRequest(string A, string B, DateOnly? From = null, DateOnly? To = null, IReadOnlyList<string>? Countries = null,
    PeriodUnit Unit = PeriodUnit.Month);

/// <summary>A rivalry's measures, with the imports they were computed from and the analyst's sources they cite.</summary>
public sealed record RivalryReport(RivalryResult Result, IReadOnlyList<ImportReport> Imports, IReadOnlyList<Source> Sources);

/// <summary>Resolves the two sides, asks the store for the rivalry's monthly cells and computes its measures.</summary>
/// <param name="losses">The leadership losses on record (leaders.json, shipped and the user's).</param>
/// <param name="turns">The other turning events on record (turns.json, shipped and the user's).</param>
public sealed class RivalryService(Registries registries, IReadOnlyList<LeadershipLoss> losses, IReadOnlyList<TurningEvent>? turns = null)
{
    /// <summary>The service over the registries and the leaders file that <paramref name="registryOption"/> names (null: the default ones).</summary>
    public static RivalryService Load(string? registryOption, Registries? registries = null) =>
        new(registries ?? RegistryFiles.Load(registryOption), RegistryFiles.LoadLeaders(registryOption), RegistryFiles.LoadTurns(registryOption));

    public Registries Registries => registries;

    /// <exception cref="DyadException">BadUsage: a side the registry does not know.</exception>
    public RivalryReport Compute(IDyadStore store, RivalryRequest request)
    {
        var a = SideOf(request.A);
        var b = SideOf(request.B);
        var cells = store.Rivalry(new RivalryQuery(a.ActorIds, b.ActorIds, PeriodUnit.Month, request.From, request.To, request.Countries,
            registries.Actors.IdsOfKind("unspecified"), registries.Actors.IdsOfKind("state")));
        var result = RivalryAnalysis.Compute(a, b, cells, request.Unit, losses, key => registries.Gazetteer.Find(key)?.Name ?? key, store.Coverage(), turns);
        // The sources the analyst's own event records cite, for the brief's footnotes.
        var imports = store.Imports();
        var cited = imports.Any(i => i.Dataset == Datasets.Analyst)
            ? store.Events(new EventFilter(Dataset: Datasets.Analyst)).Select(e => e.Event.Citations).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var sources = cited.Count == 0 ? [] : store.Sources().Where(s => cited.Contains(s.Code)).ToList();
        return new RivalryReport(result, imports, sources);
    }

    /// <summary>A side by any of its names: the actor and its members.</summary>
    /// <exception cref="DyadException">BadUsage: a name the registry does not know.</exception>
    public Side SideOf(string name)
    {
        var actor = registries.Actors.Require(name);
        return new Side(actor.Id, actor.ShortName, registries.Actors.WithMembers(actor.Id));
    }
}
