using Dyad.Events;
using Dyad.Testing;

namespace Dyad.Store.Tests.Sql;

/// <summary>Actor resolution and place assignment, derived from the stored events and the shipped registries.</summary>
public abstract class DerivedDataTests(Engine engine) : IDisposable
{
    private readonly StoreFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private static MappedRow Clash(string id, string? country, double latitude, double longitude, DateOnly day) =>
        new(new DyadEvent
        {
            Dataset = Datasets.UcdpGed,
            DatasetId = id,
            Date = EventDate.OnDay(day),
            Place = new EventPlace { Country = country, Latitude = latitude, Longitude = longitude },
            Actors = new EventActors { Actor1 = "IS", Actor2 = "Taleban" },
            Provenance = new RowProvenance(2, id),
        });

    [Fact]
    public void Should_Read_Ucdps_Is_As_Iskp_Where_The_Gazetteer_Places_A_Countryless_Event_In_Afghanistan()
    {
        _fixture.Import([Clash("1", null, 34.18, 70.68, new DateOnly(2016, 5, 17)), Clash("2", "Syria", 35.76, 36.56, new DateOnly(2016, 5, 17))],
            StoreFixture.Source(Datasets.UcdpGed));

        _fixture.Store.AssignPlaces(Registries.Gazetteer).ShouldBe(1, "the Syrian event is outside the gazetteer's countries");
        _fixture.Store.ResolveActors(Registries.Actors);
        var events = _fixture.Store.Events(new EventFilter()).ToDictionary(e => e.Event.DatasetId);

        events["1"].Units!.Admin1Id.ShouldBe("af/nangarhar");
        events["1"].Actor1Ids.ShouldBe(["iskp"]);
        events["1"].Actor2Ids.ShouldBe(["taliban"]);
        events["2"].Units.ShouldBeNull();
        events["2"].Actor1Ids.ShouldBe(["islamic-state"]);
    }

    [Fact]
    public void Should_Resolve_A_Name_Differently_Either_Side_Of_Its_Date_Boundary()
    {
        _fixture.Import(
        [
            StoreFixture.Event("before", "Government of Afghanistan", day: new DateOnly(2021, 8, 14), dataset: Datasets.UcdpGed),
            StoreFixture.Event("after", "Government of Afghanistan", day: new DateOnly(2021, 8, 15), dataset: Datasets.UcdpGed),
        ], StoreFixture.Source(Datasets.UcdpGed));

        _fixture.Store.ResolveActors(Registries.Actors);
        var events = _fixture.Store.Events(new EventFilter()).ToDictionary(e => e.Event.DatasetId, e => e.Actor1Ids);

        events["before"].ShouldBe(["afghan-republic"]);
        events["after"].ShouldBe(["taliban"]);
        _fixture.Store.Events(new EventFilter(ActorIds: ["taliban"])).Select(e => e.Event.DatasetId).ShouldBe(["after"]);
    }

    [Fact]
    public void Should_Read_Two_Events_As_The_Linker_Does_And_Nothing_For_An_Event_It_Cannot_Link()
    {
        var yearOnly = Clash("3", null, 34.2, 70.7, new DateOnly(2016, 5, 18));
        yearOnly = yearOnly with { Event = yearOnly.Event with { Date = EventDate.InYear(2016) } };
        _fixture.Import([Clash("1", null, 34.18, 70.68, new DateOnly(2016, 5, 17)), Clash("2", null, 34.2, 70.7, new DateOnly(2016, 5, 18)), yearOnly],
            StoreFixture.Source(Datasets.UcdpGed));
        _fixture.Store.AssignPlaces(Registries.Gazetteer);
        _fixture.Store.ResolveActors(Registries.Actors);
        var ids = _fixture.Store.Events(new EventFilter()).ToDictionary(e => e.Event.DatasetId, e => e.Id);

        var pair = _fixture.Store.LinkPair(ids["2"], ids["1"]).ShouldNotBeNull();
        (pair.A.DatasetId, pair.B.DatasetId).ShouldBe(("2", "1"), "in the order asked");
        pair.B.Admin1Id.ShouldBe("af/nangarhar");
        pair.B.Actor1Ids.ShouldBe(["iskp"]);
        _fixture.Store.LinkPair(ids["1"], ids["3"]).ShouldBeNull("an event dated only to the year is never linked");
    }

    [Fact]
    public void Should_Leave_The_Incidents_As_They_Were_When_Linking_Is_Cancelled()
    {
        _fixture.Import([StoreFixture.Event("g1", actor1: "Unknown")]);
        _fixture.Import([StoreFixture.Event("a1", actor1: "Unidentified Armed Group (Afghanistan)", dataset: Datasets.Acled)], StoreFixture.Source(Datasets.Acled));
        _fixture.Store.AssignPlaces(Registries.Gazetteer);
        _fixture.Store.ResolveActors(Registries.Actors);
        var linker = new Incidents.IncidentLinker(new Incidents.LinkScorer(Registries.Actors));
        _fixture.Store.LinkIncidents(linker, TestContext.Current.CancellationToken).Links.ShouldBe(1);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Should.Throw<OperationCanceledException>(() => _fixture.Store.LinkIncidents(linker, cancelled.Token));

        _fixture.Store.Incidents(new IncidentFilter()).ShouldHaveSingleItem().Events.Count.ShouldBe(2, "the links made before are kept whole");
    }
}
