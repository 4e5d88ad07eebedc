using Dyad.Events;
using Dyad.Testing;

namespace Dyad.Store.Tests.Sql;

/// <summary>
/// An import stays pending until it is published together with what is derived from it: a process that dies before
/// leaves nothing, and work done atomically lands whole or not at all.
/// </summary>
public abstract class PublicationTests(Engine engine) : IDisposable
{
    private readonly StoreFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private ImportReport ImportUnpublished(params RowOutcome[] rows) =>
        _fixture.Store.Import(StoreFixture.Source(), rows, () => [], cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Should_Remove_An_Import_Never_Published_When_The_Store_Is_Opened_Again()
    {
        _fixture.Import([StoreFixture.Event("1")]);
        ImportUnpublished(StoreFixture.Event("2"), StoreFixture.Event("3"));
        _fixture.Store.DescribeExtract(_fixture.Store.Imports()[^1].ImportId, "events of a killed process");

        _fixture.Reopen();

        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(1);
        _fixture.Store.Imports().Count.ShouldBe(1);
        _fixture.Store.Coverage().ShouldAllBe(c => c.Extract == null);
    }

    [Fact]
    public void Should_Keep_Places_Actors_And_Publication_Together_When_Done_Atomically()
    {
        ImportUnpublished(StoreFixture.Event("1"));

        _fixture.Store.Atomically(() =>
        {
            _fixture.Store.AssignPlaces(Registries.Gazetteer);
            _fixture.Store.ResolveActors(Registries.Actors);
            _fixture.Store.PublishImports();
        });
        _fixture.Reopen();

        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(1);
        _fixture.Store.Events(new EventFilter()).Single().Units.ShouldNotBeNull();
    }

    [Fact]
    public void Should_Undo_Every_Write_Of_Atomic_Work_That_Fails()
    {
        ImportUnpublished(StoreFixture.Event("1"));

        Should.Throw<InvalidOperationException>(() => _fixture.Store.Atomically(() =>
        {
            _fixture.Store.AssignPlaces(Registries.Gazetteer);
            _fixture.Store.PublishImports();
            throw new InvalidOperationException("the linker failed");
        }));
        _fixture.Reopen();

        _fixture.Store.CountEvents(new EventFilter()).ShouldBe(0, "the import was never published");
        _fixture.Store.AssignPlaces(Registries.Gazetteer).ShouldBe(0, "no place of it was kept either");
    }

    [Fact]
    public void Should_Refuse_An_Import_Inside_Atomic_Work()
    {
        Should.Throw<InvalidOperationException>(() => _fixture.Store.Atomically(() => ImportUnpublished(StoreFixture.Event("1"))));
    }
}
