using Dyad.App.Events;
using Dyad.App.Views;
using Dyad.Store;

namespace Dyad.Web.Endpoints;

/// <summary>One event's page as the API gives it.</summary>
/// <param name="Raw">The row as the source file has it, verbatim.</param>
public sealed record DossierView(EventView Event, string? Raw, IReadOnlyList<EventVersion> History, IncidentView? Incident, IReadOnlyList<object> Claims,
    IReadOnlyList<object> Sources)
{
    public static DossierView Of(EventDossier dossier, bool seesProtected)
    {
        var sources = dossier.Sources.ToDictionary(s => s.Id);
        return new DossierView(EventView.From(dossier.Event), dossier.Event.Event.Provenance.Raw, dossier.History,
            dossier.Incident is { } i ? new IncidentView(i.Id, i.Datasets, [.. i.Events.Select(EventView.From)], i.Links) : null,
            [.. dossier.Claims.Select(c => ClaimView.Claim(c, sources[c.SourceId], seesProtected))],
            [.. dossier.Sources.Select(s => SourceView.Of(s, seesProtected))]);
    }
}
