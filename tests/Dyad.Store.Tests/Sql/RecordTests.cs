using Dyad.Claims;
using Dyad.Sources;
using Dyad.Testing;

namespace Dyad.Store.Tests.Sql;

/// <summary>An analyst's records: kept with every change, and never overwritten by a correction made on an older reading.</summary>
public abstract class RecordTests(Engine engine) : IDisposable
{
    private readonly StoreFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private Claim AddClaim()
    {
        var source = _fixture.Store.AddSource(new Source { Code = "amaq-1", Type = SourceType.PropagandaOutlet, Protection = Protection.Public }, "ana");
        return _fixture.Store.AddClaim(new Claim { SourceId = source.Id, Text = "Invented statement.", Killed = 5 }, "ana");
    }

    [Fact]
    public void Should_Keep_Every_Change_To_A_Claim()
    {
        var claim = AddClaim();

        _fixture.Store.UpdateClaim(claim with { Killed = 7 }, claim, "bea");

        _fixture.Store.FindClaim(claim.Id)!.Killed.ShouldBe(7);
        _fixture.Store.Changes("claim").Select(c => (c.By, c.Action)).ShouldBe([("ana", "create"), ("bea", "update")]);
    }

    [Fact]
    public void Should_Refuse_A_Correction_Made_On_A_Claim_Another_Analyst_Changed_Since()
    {
        var read = AddClaim();
        using var other = _fixture.Engine == Engine.Postgres ? _fixture.Open() : null;
        (other ?? _fixture.Store).UpdateClaim(read with { Killed = 7 }, read, "bea");

        var error = Should.Throw<DyadException>(() => _fixture.Store.UpdateClaim(read with { Place = "Jalalabad" }, read, "ana"));

        error.Kind.ShouldBe(DyadErrorKind.Conflict);
        error.Message.ShouldContain("changed by bea");
        _fixture.Store.FindClaim(read.Id).ShouldBe(read with { Killed = 7 }, "the other analyst's correction stands, and nothing of the refused one was written");
    }

    [Fact]
    public void Should_Refuse_A_Second_Source_With_The_Same_Code()
    {
        AddClaim();

        Should.Throw<DyadException>(() => _fixture.Store.AddSource(new Source { Code = "AMAQ-1", Type = SourceType.NewsAgency, Protection = Protection.Public }, "bea"))
            .Kind.ShouldBe(DyadErrorKind.BadUsage);
    }
}
