using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Features;
using Dyad.Claims;
using Dyad.Events;
using Dyad.Ingest;
using Dyad.Ingest.Formats;
using Dyad.Store;

namespace Dyad.App.Attribution;

/// <summary>Where the attribution commands get their attacks: the store, or a file read as an import would read it.</summary>
public sealed class AttackSources(Registries registries)
{
    public Registries Registries => registries;

    public PerpetratorLabels Labels { get; } = new(registries.Actors, registries.Gazetteer);

    /// <summary>The registries <paramref name="registryOption"/> names, and every attack in the store <paramref name="db"/>.</summary>
    public static (AttackSources Sources, IReadOnlyList<Attack> Attacks) Load(string db, string? registryOption)
    {
        var sources = new AttackSources(RegistryFiles.Load(registryOption));
        using var store = EventStores.Open(db);
        return (sources, sources.FromStore(store));
    }

    public AttributionSetting Setting => new(Labels.Display, registries.Gazetteer.Neighbours, Family);

    /// <summary>
    /// The family a group belongs to at the top, by the registry's relations (a province, branch or part of it, a faction
    /// or a splinter of it): the Islamic State for IS-K, the Baloch separatists for the BRA; null for a group that stands alone.
    /// </summary>
    public string? Family(string group)
    {
        var root = registries.Actors.Family(group);
        return root == group ? null : root;
    }

    /// <summary>
    /// Every event in the store as an attack (or not one), with its perpetrator where known and its text masked (see
    /// <see cref="TextMask"/>): every name the registry knows and every name the store could not resolve are taken out,
    /// as are the event's own perpetrator fields. Only the masked text is kept; the notes and citations are let go.
    /// </summary>
    public IReadOnlyList<Attack> FromStore(IEventStore store)
    {
        var mask = Mask(store.UnresolvedActors().Select(u => u.Name));
        var attacks = store.Events(new EventFilter()).Select(Labels.ToAttack).ToList();
        // Masking is most of the time of reading a large store, and each text is masked on its own: on every core.
        return WithOutsideEvidence(store, [.. attacks.AsParallel().AsOrdered().Select(a => Masked(a, mask))]);
    }

    /// <summary>The mask of every name the registry knows (the civilians' apart: "civilians" is a word of the text) and of <paramref name="moreNames"/>.</summary>
    public TextMask Mask(IEnumerable<string> moreNames) =>
        new(registries.Actors.Actors.Where(a => a.Kind != "civilians").SelectMany(a => a.Names.Select(n => n.Name)).Concat(moreNames), registries.Actors.SpellingVariants);

    /// <summary>
    /// The attack with its source's words masked, the community of a marked neighbourhood its words name where its
    /// point did not, and the event without its notes and citations (most of its memory).
    /// </summary>
    private Attack Masked(Attack attack, TextMask mask)
    {
        var e = attack.Event;
        var own = new[] { e.Actors.Actor1 }.Concat(e.Actors.Actor1Associates).OfType<string>();
        // GTD's target entity (corp1) says whom the attack struck: "Hazara community", "Sikh temple".
        var text = mask.Apply(e.Dataset == Datasets.Gtd && e.Actors.Actor2 is { } target ? $"{e.Notes}\n{target}." : e.Notes, own);
        return attack with
        {
            Text = text,
            PlaceCommunity = attack.PlaceCommunity ?? registries.Gazetteer.Communities.NamedIn(text),
            Event = e with { Notes = null, Citations = null },
        };
    }

    /// <summary>
    /// The attacks with what other sources say of their unknown perpetrators: a claim the analyst recorded and set
    /// against the attack makes its claimant the perpetrator (a claimed attack is no longer unknown); a linked report
    /// in another dataset that names one group is kept as evidence beside the attack, for the analyst and the backtest.
    /// </summary>
    private List<Attack> WithOutsideEvidence(IEventStore store, List<Attack> attacks)
    {
        var index = attacks.Select((a, i) => (a.EventId, i)).ToDictionary(x => x.EventId, x => x.i);
        foreach (var incident in store.Incidents(new IncidentFilter()))
        {
            var members = incident.Events.Where(e => index.ContainsKey(e.Id)).Select(e => attacks[index[e.Id]]).ToList();
            var named = members.Where(a => a.Status == PerpetratorStatus.Known).ToList();
            if (named.Select(a => a.Perpetrator).Distinct().Count() != 1)
            {
                continue;
            }

            foreach (var unknown in members.Where(a => a.Status == PerpetratorStatus.Unknown))
            {
                attacks[index[unknown.EventId]] = unknown with
                {
                    NamedElsewhere = new OutsideEvidence(named[0].Perpetrator!, OutsideEvidenceKind.LinkedReport, $"{named[0].Event.Dataset}:{named[0].Event.DatasetId}"),
                };
            }
        }

        if (store is IRecordStore records)
        {
            var matcher = new ClaimMatcher(registries.Actors);
            foreach (var claim in records.Claims().Where(c => c.Stance == ClaimStance.Claim && c.ClaimantId is not null))
            {
                if (ClaimEvidenceSearch.Matches(store, matcher, claim, top: 1) is [{ Match.Linked: true } best] && index.TryGetValue(best.Event.Id, out var i)
                    && attacks[i].Status == PerpetratorStatus.Unknown)
                {
                    attacks[i] = attacks[i] with
                    {
                        Perpetrator = claim.ClaimantId,
                        Status = PerpetratorStatus.Known,
                        NamedElsewhere = new OutsideEvidence(claim.ClaimantId!, OutsideEvidenceKind.Claim, $"claim {claim.Id}"),
                    };
                }
            }
        }

        return attacks;
    }

    /// <summary>
    /// The events in a file, placed and resolved the way an import would, without storing them. Rows that cannot be
    /// read are returned as rejects with their row, column and reason.
    /// </summary>
    public (IReadOnlyList<Attack> Attacks, IReadOnlyList<RejectedRow> Rejects) FromFile(string path, FormatFamily? format, CancellationToken cancellationToken)
    {
        using var file = EventFile.Open(path, format);
        var mask = Mask([]);
        var attacks = new List<Attack>();
        var rejects = new List<RejectedRow>();
        foreach (var outcome in file.ReadRows(cancellationToken))
        {
            if (outcome is RejectedRow reject)
            {
                rejects.Add(reject);
                continue;
            }

            var e = ((MappedRow)outcome).Event;
            var place = e.Place;
            var units = registries.Gazetteer.Assign(place.Country, place.Admin1, place.Admin2, place.Name, place.Latitude, place.Longitude, e.Date.Start);
            // As the store resolves a name at import: in its dataset's family, in the event's country or else the
            // country of the units the gazetteer placed it in (a file without a country column still says where).
            var country = place.Country ?? (units.Admin1Id is { } province ? registries.Gazetteer.Find(province)?.Country : null);
            var context = new ResolutionContext(ResolutionContext.Family(e.Dataset), country, e.Date.Start);
            // Negative ids: these events are not in the store, and must never be mistaken for ones that are.
            var stored = new StoredEvent(-e.Provenance.Row, e, path, Ids(e.Actors.Actor1, context), Ids(e.Actors.Actor2, context), units);
            attacks.Add(Masked(Labels.ToAttack(stored), mask));
        }

        return (attacks, rejects);
    }

    private IReadOnlyList<string> Ids(string? name, ResolutionContext context) =>
        name is null ? [] : registries.Actors.Resolve(name, context).ActorIds;
}
