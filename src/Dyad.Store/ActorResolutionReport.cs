namespace Dyad.Store;

/// <summary>What a resolution pass did: how many new (dataset, country, name) keys it resolved, and how many keys in all stay unresolved.</summary>
public sealed record ActorResolutionReport(long NamesResolved, long NamesUnresolved);

/// <summary>An actor name no registry entry matches, the datasets that use it and in how many events.</summary>
public sealed record UnresolvedActorName(string Name, IReadOnlyList<string> Datasets, long Events);
