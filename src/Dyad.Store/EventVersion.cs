namespace Dyad.Store;

/// <summary>
/// One version of an event: its values as an import gave them, and what became of them — still current, or revised
/// or withdrawn by a later import.
/// </summary>
/// <param name="ImportId">The import whose file gave these values.</param>
/// <param name="Release">That file's release, if it was said.</param>
/// <param name="ImportedAt">When that import finished.</param>
/// <param name="SupersededBy">The import that revised or withdrew these values; null while they are current.</param>
/// <param name="Change">"current", "revised" or "withdrawn".</param>
public sealed record EventVersion(StoredEvent Version, int ImportId, string? Release, DateTimeOffset ImportedAt, int? SupersededBy, string Change);
