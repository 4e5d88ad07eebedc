using Dyad.Claims;
using Dyad.Events;
using Dyad.Sources;
using Dyad.Store.Tests.Sql;
using Dyad.Testing;

namespace Dyad.Store.Tests.PostgreSql;

/// <summary>
/// Several analysts on one PostgreSQL store at once: no update is lost (the later of two conflicting writes is refused
/// whole), imports take turns while reading goes on, and only a dead process's unfinished import is cleared away.
/// </summary>
public sealed class ConcurrencyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly StoreFixture _fixture = new(Engine.Postgres);

    public void Dispose() => _fixture.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Keep_Every_Claim_When_Two_Analysts_Add_Them_At_Once()
    {
        var source = _fixture.Store.AddSource(new Source { Code = "amaq", Type = SourceType.PropagandaOutlet, Protection = Protection.Public }, "ana");

        await Task.WhenAll(new[] { "ana", "bea" }.Select(analyst => Task.Run(() =>
        {
            using var store = _fixture.Open();
            for (var i = 0; i < 25; i++)
            {
                store.AddClaim(new Claim { SourceId = source.Id, Text = $"Invented statement {i} typed by {analyst}." }, analyst);
            }
        }, Token)));

        _fixture.Store.Claims().Count.ShouldBe(50);
        _fixture.Store.Changes("claim").Count.ShouldBe(50);
    }

    [Fact]
    public async Task Should_Refuse_The_Later_Of_Two_Corrections_Made_At_The_Same_Moment()
    {
        var source = _fixture.Store.AddSource(new Source { Code = "amaq", Type = SourceType.PropagandaOutlet, Protection = Protection.Public }, "ana");
        var read = _fixture.Store.AddClaim(new Claim { SourceId = source.Id, Text = "Invented statement.", Killed = 5 }, "ana");
        using var other = _fixture.Open();
        Task<Claim>? second = null;

        // Ana's correction is written but not yet committed when Bea's, made on the same reading, arrives.
        _fixture.Store.Atomically(() =>
        {
            _fixture.Store.UpdateClaim(read with { Killed = 7 }, read, "ana");
            second = Task.Run(() => other.UpdateClaim(read with { Wounded = 3 }, read, "bea"), Token);
            Thread.Sleep(500);
        });
        var error = await Should.ThrowAsync<Exception>(() => second!.WaitAsync(Patience, Token));

        var refusal = error as DyadException ?? StoreErrors.AsDyad(error);
        refusal.ShouldNotBeNull($"a clear refusal, not {error.GetType().Name}: {error.Message}");
        refusal.Kind.ShouldBe(DyadErrorKind.Conflict);
        _fixture.Store.FindClaim(read.Id).ShouldBe(read with { Killed = 7 }, "Ana's correction stands whole; nothing of Bea's was merged over it");
    }

    [Fact]
    public async Task Should_Never_Double_Links_When_Two_Analysts_Relink_At_Once()
    {
        _fixture.Import([StoreFixture.Event("g1", "Taliban")]);
        _fixture.Import([StoreFixture.Event("a1", "Taliban", dataset: Datasets.Acled)], StoreFixture.Source(Datasets.Acled, "acled.csv"));
        var linker = new Incidents.IncidentLinker(new Incidents.LinkScorer(Registries.Actors));
        _fixture.Store.ResolveActors(Registries.Actors);
        _fixture.Store.LinkIncidents(linker, TestContext.Current.CancellationToken).Links.ShouldBe(1, "the two reports are one attack");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var store = _fixture.Open();
            try
            {
                store.LinkIncidents(linker);
                return "linked";
            }
            catch (Exception e) when (StoreErrors.AsDyad(e) is { Kind: DyadErrorKind.Conflict })
            {
                return "refused";
            }
        }, Token)));

        outcomes.ShouldContain("linked");
        _fixture.Store.Incidents(new IncidentFilter()).ShouldHaveSingleItem().Links.Count.ShouldBe(1, "a relink replaces the links whole, or is refused whole");
    }

    [Fact]
    public async Task Should_Let_Others_Read_While_An_Import_Runs()
    {
        _fixture.Import([StoreFixture.Event("old")]);
        using var halfway = new ManualResetEventSlim();
        using var resume = new ManualResetEventSlim();

        var import = Task.Run(() =>
        {
            using var importer = _fixture.Open();
            importer.Import(StoreFixture.Source(file: "big.csv"), Rows(halfway, resume), () => [], cancellationToken: Token);
            importer.PublishImports();
        }, Token);
        halfway.Wait(Patience, Token).ShouldBeTrue("the import started");

        using (var reader = _fixture.Open())
        {
            reader.Events(new EventFilter(Dataset: Datasets.Gtd)).Select(e => e.Event.DatasetId).ShouldContain("old", "reading is not held up by the import");
        }

        resume.Set();
        await import.WaitAsync(Patience, Token);
        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(1 + 200_000);
    }

    [Fact]
    public async Task Should_Make_A_Second_Import_Wait_For_The_First()
    {
        using var halfway = new ManualResetEventSlim();
        using var resume = new ManualResetEventSlim();
        var first = Task.Run(() => ImportAndPublish(Rows(halfway, resume), "first.csv"), Token);
        halfway.Wait(Patience, Token).ShouldBeTrue();

        var second = Task.Run(() => ImportAndPublish([StoreFixture.Event("other")], "second.csv"), Token);
        await Task.Delay(500, Token);
        second.IsCompleted.ShouldBeFalse("imports take turns: ids and derivation assume one at a time");

        resume.Set();
        await Task.WhenAll(first, second).WaitAsync(Patience, Token);
        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(200_001);
        _fixture.Store.Events(new EventFilter()).Select(e => e.Id).Distinct().Count().ShouldBe(200_001, "no two events share an id");
    }

    [Fact]
    public void Should_Clear_A_Dead_Importers_Rows_But_Never_A_Live_Ones()
    {
        var live = _fixture.Open();
        live.Import(StoreFixture.Source(file: "unfinished.csv"), [StoreFixture.Event("1"), StoreFixture.Event("2")], () => [], cancellationToken: Token);

        using (var another = _fixture.Open())
        {
            another.CountEvents(new EventFilter()).ShouldBe(2, "the importer is alive: its pending rows are its own to publish");
        }

        live.Dispose(); // as a killed process: its session, and the import lock with it, are gone
        using var next = _fixture.Open();
        next.CountEvents(new EventFilter()).ShouldBe(0);
        next.Imports().ShouldBeEmpty();
    }

    private void ImportAndPublish(IEnumerable<RowOutcome> rows, string file)
    {
        using var store = _fixture.Open();
        store.Import(StoreFixture.Source(file: file), rows, () => [], cancellationToken: Token);
        store.PublishImports();
    }

    /// <summary>200,000 rows, pausing halfway until told to go on.</summary>
    private static IEnumerable<RowOutcome> Rows(ManualResetEventSlim halfway, ManualResetEventSlim resume)
    {
        for (var i = 0; i < 200_000; i++)
        {
            if (i == 150_000)
            {
                halfway.Set();
                resume.Wait(Patience);
            }

            yield return StoreFixture.Event($"n{i}", row: i + 2);
        }
    }
}
