using Dyad.Events;
using Dyad.Places;

namespace Dyad.Store;

/// <summary>
/// An event as stored: Dyad's id, the event, the file it was imported from, the canonical actors its first and second
/// actor names resolve to (empty until resolved; two or more when the source leaves it open), and the gazetteer units
/// it is assigned to (null outside the gazetteer's countries).
/// </summary>
public sealed record StoredEvent(long Id, DyadEvent Event, string SourceFile, IReadOnlyList<string> Actor1Ids, IReadOnlyList<string> Actor2Ids, PlaceAssignment? Units);
