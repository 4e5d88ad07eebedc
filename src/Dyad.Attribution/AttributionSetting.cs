namespace Dyad.Attribution;

/// <summary>What attribution needs to know of the world beyond the events: how to name a group, which provinces border which, and which groups are one family.</summary>
/// <param name="Display">A group's (or a family's) name for people (from the actor registry).</param>
/// <param name="Neighbours">The provinces bordering a province (from the gazetteer's outlines).</param>
/// <param name="Family">The family a group belongs to at the top (from the registry's relations: a province, branch, part, faction or splinter of it), or null when it stands alone.</param>
public sealed record AttributionSetting(Func<string, string> Display, Func<string, IReadOnlyList<string>> Neighbours, Func<string, string?>? Family = null);
