using Dyad.Actors;
using Dyad.Events;
using Dyad.Incidents;
using Dyad.Places;

namespace Dyad.Store;

/// <summary>
/// Where events live. The embedded default is <see cref="DuckDb.DuckDbEventStore"/>: one file, no server.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>
    /// Imports one file's rows: every row becomes an event, a revision of one already stored (same dataset and dataset
    /// id, other values), a duplicate of one (nothing new) or a reject with its reason, so that read = imported + revised
    /// + duplicates + rejected; a whole release (<see cref="ImportSource.Release"/>) withdraws what it no longer has. If anything fails or
    /// <paramref name="cancellationToken"/> fires, nothing of the file is kept. The import stays pending until
    /// <see cref="PublishImports"/>: a process that dies first leaves nothing of it behind (the next open removes it).
    /// </summary>
    ImportReport Import(ImportSource source, IEnumerable<RowOutcome> rows, Func<IReadOnlyList<string>> warnings,
        Action<long>? onProgress = null, CancellationToken cancellationToken = default);

    /// <summary>Events that match <paramref name="filter"/>, oldest first, then by id.</summary>
    IEnumerable<StoredEvent> Events(EventFilter filter);

    /// <summary>How many events match <paramref name="filter"/>, ignoring its limit.</summary>
    long CountEvents(EventFilter filter);

    /// <summary>The matching events and their deaths per gazetteer province (level 1) or district (2); events no unit holds are left out.</summary>
    IReadOnlyList<EventTally> TallyByPlace(EventFilter filter, int level);

    /// <summary>The matching events and their deaths per month of their first day (yyyy-MM).</summary>
    IReadOnlyList<EventTally> TallyByMonth(EventFilter filter);

    /// <summary>Rejected rows, by file and row.</summary>
    IReadOnlyList<StoredReject> Rejects(int? limit = null);

    /// <summary>The files imported, oldest first.</summary>
    IReadOnlyList<ImportReport> Imports();

    StoreStatistics Statistics(int top = 15);

    /// <summary>
    /// Resolves the actor names of the stored events with <paramref name="registry"/>: the names not resolved yet, or,
    /// with <paramref name="all"/>, every name again (after the registry changed).
    /// </summary>
    ActorResolutionReport ResolveActors(ActorRegistry registry, bool all = false);

    /// <summary>
    /// Assigns the stored events in the gazetteer's countries to its admin units: those not assigned yet, or, with
    /// <paramref name="all"/>, every one again. Returns how many it assigned.
    /// </summary>
    long AssignPlaces(Gazetteer gazetteer, bool all = false);

    /// <summary>Actor names that resolve to no actor, with the number of events that use them, most used first.</summary>
    IReadOnlyList<UnresolvedActorName> UnresolvedActors();

    /// <summary>The rivalry of two sides, summed per role, period, province, district and target type: per incident and per dataset.</summary>
    RivalryCells Rivalry(RivalryQuery query);

    /// <summary>
    /// Links the events that report the same incident, across and within datasets, replacing the links made before
    /// (they are derived data) in one transaction. The analysts' decisions are applied and never changed.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled: nothing is changed (the transaction is rolled back).</exception>
    LinkingReport LinkIncidents(IncidentLinker linker, CancellationToken cancellationToken = default);

    /// <summary>What the linker reads of two events, to score them as it would; null where either cannot be linked at all.</summary>
    LinkCandidate? LinkPair(long eventA, long eventB);

    /// <summary>Incidents of two or more events, oldest first, with their events and links.</summary>
    IReadOnlyList<StoredIncident> Incidents(IncidentFilter filter);

    /// <summary>The store's id of an event named by its id or by <c>DATASET:ID</c>; null if there is none.</summary>
    long? FindEvent(string reference);

    /// <summary>
    /// Records an analyst's decision that two events report the same incident or not, kept by the datasets' own ids so
    /// that it outlives re-imports; run <see cref="LinkIncidents"/> to apply it.
    /// </summary>
    void DecideLink(long eventA, long eventB, bool same, string decidedBy, string? note);

    /// <summary>
    /// What each imported file covers (its events' first and last days, their countries, and what it is an extract
    /// of), oldest import first; derived when places are assigned (<see cref="AssignPlaces"/>).
    /// </summary>
    IReadOnlyList<FileCoverage> Coverage();

    /// <summary>Records what a user says an imported file is an extract of.</summary>
    void DescribeExtract(int importId, string filter);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: the store's writes inside it join that transaction instead of
    /// committing on their own, so that, say, places, actors, incidents and publication land together or not at all.
    /// Imports cannot run inside it (they commit as they go).
    /// </summary>
    T Atomically<T>(Func<T> work);

    /// <inheritdoc cref="Atomically{T}"/>
    void Atomically(Action work);

    /// <summary>
    /// Publishes this process's pending imports: run it in the same <see cref="Atomically{T}"/> as their derivation, so
    /// that no event is ever seen without its places, actors and incidents.
    /// </summary>
    void PublishImports();

    /// <summary>Removes this process's pending imports and all their rows (after their derivation failed).</summary>
    void DiscardPendingImports();

    /// <summary>The latest import of a release (as given with --release), a file name or path, or an import id; null if none.</summary>
    int? FindImport(string releaseOrFile);

    /// <summary>Every version of an event, oldest first: what each import that reported it said, and what became of it.</summary>
    IReadOnlyList<EventVersion> History(long eventId);
}
