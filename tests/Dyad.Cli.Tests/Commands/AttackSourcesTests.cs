using Dyad.App;
using Dyad.App.Attribution;
using Dyad.Store.DuckDb;
using Dyad.Testing;
using nietras.SeparatedValues;

namespace Dyad.Cli.Tests.Commands;

/// <summary>A file attributed without importing it is read as an import reads it.</summary>
public sealed class AttackSourcesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_Resolve_A_Files_Perpetrators_As_An_Import_Does_Even_Without_A_Country_Column()
    {
        // UCDP's "IS" is IS-K only in Afghanistan and Pakistan; a file without its country column still says where by its points.
        var sample = Path.Combine(SharedData.RepositoryRoot, "data", "samples", "ucdp", "ged231_afghanistan_pakistan.csv");
        var file = _folder.File("ged-without-country.csv");
        using (var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(sample))
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(file))
        {
            var kept = reader.Header.ColNames.Where(c => c is not ("country" or "country_id")).ToList();
            foreach (var row in reader)
            {
                await using var copy = writer.NewRow(TestContext.Current.CancellationToken);
                foreach (var column in kept)
                {
                    copy[column].Set(row[column].Span);
                }
            }
        }

        var db = _folder.File("store.duckdb");
        var imported = await CliRun.Of("import", file, "--db", db, "--json");
        imported.ExitCode.ShouldBe(0, imported.Errors);

        var sources = new AttackSources(RegistryFiles.Load(null));
        var (fromFile, rejects) = sources.FromFile(file, null, TestContext.Current.CancellationToken);
        rejects.ShouldBeEmpty();
        using var store = DuckDbEventStore.Open(db);
        var fromStore = sources.FromStore(store).ToDictionary(a => a.Event.DatasetId);

        fromFile.Count.ShouldBe(fromStore.Count);
        fromFile.Where(a => a.Perpetrator == "iskp").ShouldNotBeEmpty();
        foreach (var attack in fromFile)
        {
            attack.Perpetrator.ShouldBe(fromStore[attack.Event.DatasetId].Perpetrator, attack.Event.DatasetId);
            attack.Status.ShouldBe(fromStore[attack.Event.DatasetId].Status, attack.Event.DatasetId);
        }
    }

    [Fact]
    public void Should_Mask_A_Files_Words_And_Read_Whom_And_Where_It_Struck()
    {
        var file = _folder.Write("gtd.csv", Fixtures.Gtd(
            "900001,2021,5,8,0,,4,Afghanistan,Kabul,Kabul,34.5238,69.1403,1,\"05/08/2021: Explosives detonated near a girls' school in Dashti Barchi, Kabul. No group claimed responsibility; sources blamed the Invented Front.\",Invented Front,,0,,3,Bombing/Explosion,Educational Institution,Hazara community,Explosives,95,0,200,0"));

        var (attacks, rejects) = new AttackSources(RegistryFiles.Load(null)).FromFile(file, null, TestContext.Current.CancellationToken);

        rejects.ShouldBeEmpty();
        var attack = attacks.ShouldHaveSingleItem();
        attack.Text.ShouldBe("Explosives detonated near a girls' school in Dashti Barchi Kabul Hazara community");
        attack.PlaceCommunity.ShouldBe("Hazara");
        attack.Event.Notes.ShouldBeNull();
        Dyad.Attribution.Features.TargetDescription.Of(attack.Text, attack.Event.Category.TargetSubtypes).ShouldBe(("Hazara", "school or students"));
    }
}
