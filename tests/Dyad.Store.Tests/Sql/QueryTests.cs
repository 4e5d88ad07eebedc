using Dyad.Testing;
namespace Dyad.Store.Tests.Sql;

public abstract class QueryTests : IDisposable
{
    private readonly StoreFixture _fixture;

    protected QueryTests(Engine engine)
    {
        _fixture = new StoreFixture(engine);
        _fixture.Import(
    [
        StoreFixture.Event("1", "Khorasan Chapter of the Islamic State", "Afghanistan", new DateOnly(2019, 11, 14), actor2: "Taliban", deaths: 9),
        StoreFixture.Event("2", "Taliban", "Afghanistan", new DateOnly(2021, 8, 15), deaths: 3),
        StoreFixture.Event("3", "Tehrik-i-Taliban Pakistan (TTP)", "Pakistan", new DateOnly(2021, 9, 1), deaths: null),
        StoreFixture.Event("4", "50%_Group", "pakistan", new DateOnly(2022, 1, 1), deaths: 1),
        ]);
    }

    public void Dispose() => _fixture.Dispose();

    private List<string> Ids(EventFilter filter) => [.. _fixture.Store.Events(filter).Select(e => e.Event.DatasetId)];

    [Fact]
    public void Should_Filter_By_Country_Ignoring_Case() => Ids(new(Country: "PAKISTAN")).ShouldBe(["3", "4"]);

    [Fact]
    public void Should_Filter_By_Any_Part_Of_Any_Actor() => Ids(new(Actor: "taliban")).ShouldBe(["1", "2", "3"]);

    [Fact]
    public void Should_Match_Associates_Too() => Ids(new(Actor: "associate")).Count.ShouldBe(4);

    [Fact]
    public void Should_Take_Like_Wildcards_Literally() => Ids(new(Actor: "50%_")).ShouldBe(["4"]);

    [Fact]
    public void Should_Filter_By_Dates_Inclusively() => Ids(new(From: new DateOnly(2021, 8, 15), To: new DateOnly(2021, 9, 1))).ShouldBe(["2", "3"]);

    [Fact]
    public void Should_Filter_By_Type_And_Dataset() => Ids(new(Type: "bombing", Dataset: "GTD")).Count.ShouldBe(4);

    [Fact]
    public void Should_Limit_But_Count_All()
    {
        Ids(new(Limit: 2)).ShouldBe(["1", "2"]);
        _fixture.Store.CountEvents(new(Limit: 2)).ShouldBe(4);
    }

    [Fact]
    public void Should_Count_By_Dataset_Country_Year_And_Actor()
    {
        var statistics = _fixture.Store.Statistics();

        statistics.Events.ShouldBe(4);
        statistics.ByDataset.ShouldBe([new CountBy("gtd", 4, 13)]);
        statistics.ByYear.Select(y => (y.Key, y.Events)).ShouldBe([("2019", 1L), ("2021", 2L), ("2022", 1L)]);
        statistics.ByCountry.First().ShouldBe(new CountBy("Afghanistan", 2, 12));
    }
}
