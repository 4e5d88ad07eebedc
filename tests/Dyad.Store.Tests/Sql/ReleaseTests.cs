using Dyad.Events;
using Dyad.Testing;

namespace Dyad.Store.Tests.Sql;

/// <summary>
/// A later release of a dataset revises the events it reports differently, keeps the old values as history, withdraws
/// (when it is a whole release) the events it no longer has, and leaves any earlier state readable.
/// </summary>
public abstract class ReleaseTests(Engine engine) : IDisposable
{
    private readonly StoreFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private static RowOutcome[] First => [StoreFixture.Event("1"), StoreFixture.Event("2", deaths: 3), StoreFixture.Event("3")];

    /// <summary>The next release: 1 the same, 2 with another death toll, 3 gone, 4 new.</summary>
    private static RowOutcome[] Second => [StoreFixture.Event("1"), StoreFixture.Event("2", deaths: 5), StoreFixture.Event("4")];

    private static ImportSource Release(string release, string file) => StoreFixture.Source(file: file) with { Release = release };

    private Dictionary<string, int?> DeathsById(EventFilter filter) =>
        _fixture.Store.Events(filter).ToDictionary(e => e.Event.DatasetId, e => e.Event.Deaths.Best);

    [Fact]
    public void Should_Revise_Withdraw_And_Add_With_A_New_Release_And_Keep_Reconciling()
    {
        _fixture.Import(First, Release("22.1", "ged221.csv"));

        var report = _fixture.Import(Second, Release("23.1", "ged231.csv"));

        (report.Imported, report.Revised, report.Duplicates, report.Withdrawn).ShouldBe((1, 1, 1, 1));
        report.Read.ShouldBe(report.Imported + report.Revised + report.Duplicates + report.Rejected);
        DeathsById(new EventFilter()).ShouldBe(new Dictionary<string, int?> { ["1"] = 1, ["2"] = 5, ["4"] = 1 });
    }

    [Fact]
    public void Should_Keep_The_Newer_Release_s_Values_When_An_Older_Release_Comes_After_It()
    {
        _fixture.Import(Second, Release("23.1", "ged231.csv"));

        var report = _fixture.Import(First, Release("22.1", "ged221.csv"));

        var deaths = DeathsById(new EventFilter());
        deaths.Keys.Order(StringComparer.Ordinal).ToList().ShouldBe(["1", "2", "3", "4"], customMessage: "4 is not withdrawn by the older release that lacks it, 3 is added");
        deaths["2"].ShouldBe(5, "2 keeps 23.1's toll");
        (report.Imported, report.Revised, report.Duplicates, report.Withdrawn).ShouldBe((1, 0, 2, 0));
        report.Read.ShouldBe(report.Imported + report.Revised + report.Duplicates + report.Rejected);
        report.Warnings.ShouldContain(w => w.Contains("newer release 23.1: the newer values were kept"));
    }

    [Fact]
    public void Releases_are_ordered_by_their_versions()
    {
        ReleaseVersions.Compare("19.1", "23.1").ShouldBe(-1);
        ReleaseVersions.Compare("v23.1", "22.1").ShouldBe(1);
        ReleaseVersions.Compare("23.1", "23.1.1").ShouldBe(-1);
        ReleaseVersions.Compare("2024-01", "2023-05").ShouldBe(1);
        ReleaseVersions.Compare("latest", "23.1").ShouldBeNull("a name with no version has no order");
    }

    [Fact]
    public void Should_Withdraw_From_A_Release_That_Adds_And_Revises_Nothing()
    {
        _fixture.Import(First, Release("22.1", "ged221.csv"));

        var report = _fixture.Import([StoreFixture.Event("1"), StoreFixture.Event("2", deaths: 3)], Release("22.2", "ged222.csv"));

        (report.Imported, report.Revised, report.Duplicates, report.Withdrawn).ShouldBe((0, 0, 2, 1), "its span is that of the events it reports, new or not");
        DeathsById(new EventFilter()).Keys.ShouldBe(["1", "2"]);
    }

    [Fact]
    public void Should_Show_The_Events_As_Any_Earlier_Release_Had_Them()
    {
        var first = _fixture.Import(First, Release("22.1", "ged221.csv"));
        var second = _fixture.Import(Second, Release("23.1", "ged231.csv"));

        _fixture.Store.FindImport("22.1").ShouldBe(first.ImportId);
        DeathsById(new EventFilter(AsOfImport: first.ImportId)).ShouldBe(new Dictionary<string, int?> { ["1"] = 1, ["2"] = 3, ["3"] = 1 });
        DeathsById(new EventFilter(AsOfImport: second.ImportId)).ShouldBe(new Dictionary<string, int?> { ["1"] = 1, ["2"] = 5, ["4"] = 1 });
        _fixture.Store.CountEvents(new EventFilter(AsOfImport: first.ImportId)).ShouldBe(3);
    }

    [Fact]
    public void Should_Keep_Every_Version_Of_A_Revised_Event_And_A_Withdrawn_One()
    {
        _fixture.Import(First, Release("22.1", "ged221.csv"));
        var second = _fixture.Import(Second, Release("23.1", "ged231.csv"));

        var revised = _fixture.Store.History(_fixture.Store.FindEvent("gtd:2")!.Value);
        var withdrawn = _fixture.Store.History(_fixture.Store.FindWithdrawnEvent("gtd:3")!.Value);

        revised.Select(v => (v.Change, v.Release, v.Version.Event.Deaths.Best)).ShouldBe([("revised", "22.1", 3), ("current", "23.1", 5)]);
        revised[0].SupersededBy.ShouldBe(second.ImportId);
        withdrawn.ShouldHaveSingleItem().Change.ShouldBe("withdrawn");
    }

    [Fact]
    public void Should_Add_Nothing_When_The_Same_Release_Is_Imported_Again()
    {
        _fixture.Import(First, Release("22.1", "ged221.csv"));
        _fixture.Import(Second, Release("23.1", "ged231.csv"));

        var again = _fixture.Import(Second, Release("23.1", "ged231.csv"));

        (again.Imported, again.Revised, again.Duplicates, again.Withdrawn).ShouldBe((0, 0, 3, 0));
    }

    [Fact]
    public void Should_Withdraw_Nothing_From_A_File_Not_Said_To_Be_A_Whole_Release()
    {
        _fixture.Import(First);

        var extract = _fixture.Import(Second, StoreFixture.Source(file: "extract.csv"));

        extract.Withdrawn.ShouldBe(0);
        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(4);
    }

    [Fact]
    public void Should_Undo_The_Revisions_Of_A_Release_Whose_Import_Never_Finished()
    {
        _fixture.Import(First, Release("22.1", "ged221.csv"));
        _fixture.Store.Import(Release("23.1", "ged231.csv"), Second, () => [], cancellationToken: TestContext.Current.CancellationToken);

        _fixture.Reopen();

        DeathsById(new EventFilter()).ShouldBe(new Dictionary<string, int?> { ["1"] = 1, ["2"] = 3, ["3"] = 1 });
        _fixture.Store.History(_fixture.Store.FindEvent("gtd:2")!.Value).ShouldHaveSingleItem().Change.ShouldBe("current");
    }
}
