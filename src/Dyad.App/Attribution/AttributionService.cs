using Dyad.Attribution;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Explaining;
using Dyad.Attribution.Training;
using Dyad.Store;

namespace Dyad.App.Attribution;

/// <summary>
/// Attribution over one store: its attacks (with what claims and linked reports say of them), a model, and the
/// questions an analyst asks — who did this attack, and which attacks nobody has claimed.
/// </summary>
public sealed class AttributionService
{
    private readonly Attributor _attributor;
    private readonly Dictionary<long, Attack> _byId;

    private AttributionService(AttackSources sources, AttributionModel model, IReadOnlyList<Attack> known)
    {
        Sources = sources;
        Model = model;
        Known = known;
        _attributor = new Attributor(model, known, sources.Setting);
        _byId = known.ToDictionary(a => a.EventId);
    }

    /// <summary>
    /// The service over the store's attacks, with <paramref name="model"/>, or, when there is none, a model trained now on
    /// every attack whose perpetrator is known (the defaults of <c>dyad model train</c>).
    /// </summary>
    public static AttributionService Create(IEventStore store, Registries registries, AttributionModel? model, TimeProvider clock)
    {
        var sources = new AttackSources(registries);
        var known = sources.FromStore(store);
        model ??= new AttributionTrainer(sources.Setting, clock).Train(known, new TrainingOptions());
        return new AttributionService(sources, model, known);
    }

    public AttackSources Sources { get; }

    public AttributionModel Model { get; }

    /// <summary>Every event in the store as an attack (or not one).</summary>
    public IReadOnlyList<Attack> Known { get; }

    /// <summary>The attack with this store id or DATASET:ID.</summary>
    /// <exception cref="DyadException">NotFound: no such event.</exception>
    public Attack Find(string id)
    {
        var match = long.TryParse(id, out var number)
            ? _byId.GetValueOrDefault(number)
            : id.Split(':', 2) is [var dataset, var datasetId]
                ? Known.FirstOrDefault(a => a.Event.Dataset.Equals(dataset, StringComparison.OrdinalIgnoreCase) && a.Event.DatasetId == datasetId)
                : null;
        return match ?? throw new DyadException(DyadErrorKind.NotFound, $"event '{id}' is not in the store; 'dyad events' lists the events and their ids.");
    }

    /// <summary>The attacks whose perpetrator is unknown, in the model's countries, latest first.</summary>
    public IEnumerable<Attack> Unclaimed()
    {
        var countries = Model.Metadata.Options.Countries;
        return Known.Where(a => a.Status == PerpetratorStatus.Unknown && (countries.Count == 0 || countries.Contains(a.Country ?? "", StringComparer.OrdinalIgnoreCase)))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.EventId);
    }

    /// <param name="explain">Find the drivers too (a score per feature group for each attack).</param>
    public IReadOnlyList<AttackAttribution> Attribute(IReadOnlyList<Attack> attacks, bool explain = true) => _attributor.Attribute(attacks, explain);
}
