using Dyad.Events;
using Dyad.Incidents;
using Dyad.Testing;

namespace Dyad.Core.Tests.Incidents;

/// <summary>Events as the linker sees them, invented for the tests: a GTD-style and an ACLED-style report.</summary>
internal static class LinkSides
{
    public static readonly LinkScorer Scorer = new(Registries.Actors);

    public static LinkSide Gtd(long id, DateOnly day, double lat, double lon, string perpetrator = "Unknown", string attack = "Bombing/Explosion", int? deaths = 2) =>
        new(id, Datasets.Gtd, $"g{id}", day, day, DatePrecision.Day, lat, lon, null, null, ActorRoles.PerpetratorTarget, perpetrator, "Police",
            Ids(perpetrator, Datasets.Gtd), [], AttackManners.Of("Terrorist attack", null, attack), deaths);

    public static LinkSide Acled(long id, DateOnly day, double lat, double lon, string actor1 = "BLA: Baloch Liberation Army", string actor2 = "Police Forces of Pakistan (2018-2022)",
        string subtype = "Remote explosive/landmine/IED", int? deaths = 2, string? admin2 = null) =>
        new(id, Datasets.Acled, $"a{id}", day, day, DatePrecision.Day, lat, lon, null, admin2, ActorRoles.Sides, actor1, actor2,
            Ids(actor1, Datasets.Acled), Ids(actor2, Datasets.Acled), AttackManners.Of(null, subtype, null), deaths);

    private static IReadOnlyList<string> Ids(string name, string dataset) =>
        Registries.Actors.Resolve(name, new Dyad.Actors.ResolutionContext(dataset, "Pakistan")).ActorIds;
}
