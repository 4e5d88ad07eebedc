using System.Text.Json;
using Dyad.Events;
using Dyad.Testing;

namespace Dyad.Store.Tests.Sql;

public abstract class ImportTests(Engine engine) : IDisposable
{
    private readonly StoreFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private static IEnumerable<RowOutcome> Events(int count, int firstId = 1) =>
        Enumerable.Range(firstId, count).Select(i => (RowOutcome)StoreFixture.Event($"e{i}", row: i + 1));

    [Fact]
    public void Should_Reconcile_Read_With_Imported_Duplicates_And_Rejected()
    {
        RowOutcome[] rows =
        [
            StoreFixture.Event("a"), StoreFixture.Event("b"),
            new RejectedRow(4, "iday", "32", "iday: '32' is not a day", "c,raw"),
            StoreFixture.Event("a", row: 5),
        ];

        var report = _fixture.Import(rows);

        report.Read.ShouldBe(4);
        report.Imported.ShouldBe(2);
        report.Duplicates.ShouldBe(1, "the same id twice in one file is one event");
        report.Rejected.ShouldBe(1);
        (report.Imported + report.Duplicates + report.Rejected).ShouldBe(report.Read);
    }

    [Fact]
    public void Should_Add_Nothing_When_The_Same_File_Is_Imported_Twice()
    {
        _fixture.Import(Events(100));

        var again = _fixture.Import(Events(100));

        again.Imported.ShouldBe(0);
        again.Duplicates.ShouldBe(100);
        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(100);
        _fixture.Store.Imports().Count.ShouldBe(2, "the second import is recorded, with its counts");
    }

    [Fact]
    public void Should_Add_Only_The_New_Rows_Of_A_Longer_Version_Of_A_File()
    {
        _fixture.Import(Events(50));

        var longer = _fixture.Import(Events(80));

        longer.Imported.ShouldBe(30);
        longer.Duplicates.ShouldBe(50);
        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(80);
    }

    [Fact]
    public void Should_Treat_The_Same_Id_In_Another_Dataset_As_Another_Event()
    {
        _fixture.Import([StoreFixture.Event("1")]);

        var report = _fixture.Import([StoreFixture.Event("1", dataset: Datasets.UcdpGed)], StoreFixture.Source(Datasets.UcdpGed));

        report.Imported.ShouldBe(1);
    }

    [Fact]
    public void Should_Roll_Back_The_Whole_File_When_Reading_Fails_Midway()
    {
        _fixture.Import(Events(10));

        Should.Throw<IOException>(() => _fixture.Import(FailAfter(Events(10_000, firstId: 100), 7_000)));

        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(10);
        _fixture.Store.Imports().Count.ShouldBe(1);
        _fixture.Store.Rejects().ShouldBeEmpty();
        _fixture.Reopen();
        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(10, "nothing of the failed file reached the file on disk");
        _fixture.Import(Events(5, firstId: 100)).Imported.ShouldBe(5, "the store is usable after a rollback");
    }

    [Fact]
    public void Should_Roll_Back_Chunks_Already_Written_When_A_Large_File_Fails()
    {
        _fixture.Import(Events(10));

        // Past 122,880 rows the import has committed a chunk of its rows; the failure must remove them too.
        Should.Throw<IOException>(() => _fixture.Import(FailAfter(Events(200_000, firstId: 100), 150_000)));

        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(10);
        _fixture.Store.Imports().Count.ShouldBe(1);
        _fixture.Reopen();
        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(10);
    }

    [Fact]
    public void Should_Give_Back_Each_Events_Verbatim_Row_Across_Many_Blocks()
    {
        _fixture.Import(Events(5_000));

        var events = _fixture.Store.Events(new EventFilter(IncludeRaw: true)).ToList();

        events.Count.ShouldBe(5_000);
        events.ShouldAllBe(e => e.Event.Provenance.Raw == $"{e.Event.DatasetId},raw row");
        _fixture.Store.Events(new EventFilter(Limit: 1)).Single().Event.Provenance.Raw.ShouldBeNull("raw rows are read only when asked for");
    }

    [Fact]
    public void Should_Roll_Back_When_Cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var rows = Events(10_000).Select((row, i) =>
        {
            if (i == 5_000)
            {
                cancellation.Cancel();
            }

            return row;
        });

        Should.Throw<OperationCanceledException>(() => _fixture.Import(rows, cancellation.Token));

        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(0);
        _fixture.Store.Imports().ShouldBeEmpty();
    }

    [Fact]
    public void Should_Keep_Rejected_Rows_Verbatim_With_Their_File()
    {
        _fixture.Import([new RejectedRow(7, "event_date", "2021-02-30", "event_date: '2021-02-30' is not a real date", "AFG1,2021-02-30,…")],
            StoreFixture.Source(Datasets.Acled, "acled.csv"));

        var reject = _fixture.Store.Rejects().ShouldHaveSingleItem();

        reject.File.ShouldEndWith("acled.csv");
        reject.Row.ShouldBe(7);
        reject.Column.ShouldBe("event_date");
        reject.Value.ShouldBe("2021-02-30");
        reject.Raw.ShouldBe("AFG1,2021-02-30,…");
        _fixture.Store.Statistics().Rejected.ShouldBe(1);
    }

    [Fact]
    public void Should_Keep_An_Event_Whose_Field_Holds_A_Nul_Byte_And_Its_Verbatim_Row()
    {
        var damaged = StoreFixture.Event("n1");
        damaged = damaged with { Event = damaged.Event with { Place = damaged.Event.Place with { Name = "Jalal\0abad" }, Provenance = new RowProvenance(2, "n1,Jalal\0abad") } };

        _fixture.Import([damaged]).Imported.ShouldBe(1);

        var stored = _fixture.Store.Events(new EventFilter(IncludeRaw: true)).Single().Event;
        stored.Place.Name!.Replace('\0', '\uFFFD').ShouldBe("Jalal\uFFFDabad", "PostgreSQL's text cannot hold NUL: it stores U+FFFD instead");
        stored.Provenance.Raw.ShouldBe("n1,Jalal\0abad", "the verbatim row keeps the byte");
    }

    [Fact]
    public void Should_Give_Back_Every_Field_As_It_Was_Stored()
    {
        var original = new DyadEvent
        {
            Dataset = Datasets.UcdpGed,
            DatasetId = "197861",
            Date = new EventDate(new DateOnly(2015, 5, 24), new DateOnly(2015, 5, 25), DatePrecision.Week),
            Place = new EventPlace { Country = "Afghanistan", Admin1 = "Farah", Admin2 = "Khaki Safed district", Name = "Khaki Safed", Latitude = 32.755167, Longitude = 62.073124, GeoPrecision = 2 },
            Actors = new EventActors { Roles = ActorRoles.Sides, Actor1 = "IS", Actor2 = "Taleban", Actor1Associates = ["A", "B"], Actor2Associates = ["داعش"] },
            Category = new EventCategory { Type = "Non-state conflict", Subtype = "IS - Taleban", AttackTypes = ["x"], WeaponTypes = ["y"], TargetTypes = ["z"], TargetSubtypes = ["w"], Suicide = false },
            Deaths = new DeathToll { Low = 20, Best = 25, High = 40, Actor1 = 15, Actor2 = 10, Civilians = 0, Unknown = 0, Wounded = 3 },
            Claim = new ClaimInfo { Claimed = true, Mode = "Video", Competing = false, AttributionUncertain = true },
            Notes = "notes",
            Citations = "Xinhua",
            Provenance = new RowProvenance(3, "{\"type\":\"Feature\"}"),
        };

        _fixture.Import([new MappedRow(original)], StoreFixture.Source(Datasets.UcdpGed));
        var stored = _fixture.Store.Events(new EventFilter(IncludeRaw: true)).ShouldHaveSingleItem();

        // Compared as JSON: the same values, whatever list type carries them.
        JsonSerializer.Serialize(stored.Event).ShouldBe(JsonSerializer.Serialize(original));
        stored.SourceFile.ShouldEndWith("fixture.csv");
    }

    private static IEnumerable<RowOutcome> FailAfter(IEnumerable<RowOutcome> rows, int count)
    {
        var i = 0;
        foreach (var row in rows)
        {
            if (i++ == count)
            {
                throw new IOException("The disk went away.");
            }

            yield return row;
        }
    }
}
