namespace Dyad.Attribution;

/// <summary>What attribution needs to know of the world beyond the events: how to name a group, and which provinces border which.</summary>
/// <param name="Display">A group's name for people (from the actor registry).</param>
/// <param name="Neighbours">The provinces bordering a province (from the gazetteer's outlines).</param>
public sealed record AttributionSetting(Func<string, string> Display, Func<string, IReadOnlyList<string>> Neighbours);
