using Dyad.Events;

namespace Dyad.Store;

/// <summary>An event as stored: Dyad's id, the event, and the file it was imported from.</summary>
public sealed record StoredEvent(long Id, DyadEvent Event, string SourceFile);
