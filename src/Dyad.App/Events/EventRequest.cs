namespace Dyad.App.Events;

/// <summary>
/// Which events a user asks for, as they write it: an actor by any of its names, a province or district by any of its
/// spellings, a period as years, months or days. <see cref="EventQuery"/> turns it into the store's filter.
/// </summary>
public sealed record EventRequest
{
    /// <summary>The country as the source names it (any case).</summary>
    public string? Country { get; init; }

    /// <summary>A registry id or any of an actor's names, its members included; a name not in the registry matches as text.</summary>
    public string? Actor { get; init; }

    /// <summary>With <see cref="Actor"/>: only events in which this actor (any of its names) is on the other side — the dyad.</summary>
    public string? Against { get; init; }

    /// <summary>With <see cref="Actor"/>: also events whose source leaves the actor open between it and another.</summary>
    public bool IncludeAmbiguous { get; init; }

    /// <summary>A gazetteer province by any of its names, or its id; several separated by commas ("Kabul, Nangarhar").</summary>
    public string? Province { get; init; }

    /// <summary>A gazetteer district by any of its names, or its id.</summary>
    public string? District { get; init; }

    /// <summary>A year, month or day (see <see cref="Periods"/>).</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    public string? Dataset { get; init; }

    /// <summary>Text in the event's type, subtype or an attack type.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// Only attacks whose perpetrator the source does not know ("Unknown", "Unidentified Armed Group", "Unidentified
    /// gunmen"): the questions attribution is for. Not GTD's claimed = 0, which is mostly attacks with a known perpetrator.
    /// </summary>
    public bool Unclaimed { get; init; }

    /// <summary>A release, file name or import id: the events as they stood after that import.</summary>
    public string? AsOf { get; init; }

    public int? Limit { get; init; }

    /// <summary>What is wrong with the request before any registry or store is asked, named as the caller names its parts; null if nothing.</summary>
    public string? Problem(Func<string, string> name) =>
        Periods.Problem(name("from"), From, name("to"), To)
        ?? (Against is not null && Actor is null ? $"{name("against")} needs {name("actor")}: the dyad is one actor against another." : null)
        ?? (Limit is < 0 ? $"{name("limit")} must be 0 or more." : null);
}
