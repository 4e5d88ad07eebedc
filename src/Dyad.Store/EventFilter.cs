namespace Dyad.Store;

/// <summary>
/// Which events to list. Every part is optional. Text parts ignore case: <see cref="Country"/> matches the country
/// name exactly (the source's, or where the source names none, the gazetteer's for the event's point); <see cref="Actor"/> matches any part of any actor's name, associates included; <see cref="Type"/>
/// matches the event type, subtype or an attack type.
/// </summary>
/// <param name="From">Events that end on or after this day.</param>
/// <param name="To">Events that start on or before this day.</param>
/// <param name="ActorIds">Events with an actor (associates included) that resolves to one of these canonical ids.</param>
/// <param name="Admin1Ids">Events assigned to one of these gazetteer provinces (see <c>event_places</c>).</param>
/// <param name="Admin2Ids">Events assigned to one of these gazetteer districts.</param>
/// <param name="IncludeRaw">Read each event's verbatim source row too (slower: it is stored compressed, apart).</param>
/// <param name="EventIds">Only these events (the store's ids).</param>
/// <param name="IncludeAmbiguous">With <see cref="ActorIds"/>: also events whose source leaves the actor open between
/// one of these and another ("Taliban and/or Islamic State"); left out by default, as they are neither's.</param>
/// <param name="IncludeText">Read the notes and citations (GTD's summaries are most of an event's size); false leaves them null.</param>
/// <param name="AsOfImport">The events as they stood after this import (see <see cref="IEventStore.FindImport"/>):
/// with the values of that time, those withdrawn since included and those imported since left out.</param>
/// <param name="AgainstActorIds">With <see cref="ActorIds"/>: only events in which one of these is on the other side
/// (the dyad: IS-K against the Taliban, not beside them).</param>
/// <param name="After">Only events after this one in the order events are listed (day, then id): the next page after
/// a page that ended with it, found by the index rather than by skipping rows.</param>
public sealed record EventFilter(
    string? Country = null,
    string? Actor = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Dataset = null,
    string? Type = null,
    int? Limit = null,
    bool IncludeRaw = false,
    IReadOnlyList<string>? ActorIds = null,
    IReadOnlyList<string>? Admin1Ids = null,
    IReadOnlyList<string>? Admin2Ids = null,
    bool IncludeText = true,
    IReadOnlyList<long>? EventIds = null,
    bool IncludeAmbiguous = false,
    int? AsOfImport = null,
    EventCursor? After = null,
    IReadOnlyList<string>? AgainstActorIds = null);

/// <summary>Where a page of events ended: its last event's first day and id.</summary>
public sealed record EventCursor(DateOnly Date, long Id);

/// <summary>How many events (and their best-estimate deaths) fall under one key: a gazetteer unit, a month.</summary>
public sealed record EventTally(string Key, long Events, long Deaths);
