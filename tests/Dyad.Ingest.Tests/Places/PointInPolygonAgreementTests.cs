using Dyad.Testing;

namespace Dyad.Ingest.Tests.Places;

/// <summary>
/// For GTD's 2021 Afghan attacks with coordinates, the province found by point-in-polygon agrees with GTD's own
/// provstate, read through the gazetteer's names. Disagreements are reported: they are usually the source's point
/// lying just across a border, or its spelling.
/// </summary>
public sealed class PointInPolygonAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Agree_With_Gtds_Province_In_At_Least_98_Percent_Of_Afghan_Rows()
    {
        var gazetteer = Registries.Gazetteer;
        var rows = FileRead.Of(SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.csv")).Events
            .Where(e => e.Place is { Country: "Afghanistan", Latitude: not null, Admin1: not null and not "Unknown" }).ToList();
        var disagreements = new List<string>();
        foreach (var e in rows)
        {
            var byPoint = gazetteer.Locate(e.Place.Latitude!.Value, e.Place.Longitude!.Value).Admin1?.Id;
            var byName = gazetteer.Resolve(e.Place.Admin1!, "Afghanistan", 1).Single?.Unit?.Id;
            if (byPoint != byName)
            {
                disagreements.Add($"{e.DatasetId}: GTD says {e.Place.Admin1} ({byName ?? "not in the gazetteer"}), the point ({e.Place.Latitude:0.####}, {e.Place.Longitude:0.####}) is in {byPoint ?? "no province"}; city {e.Place.Name}");
            }
        }

        var agreement = 1 - ((double)disagreements.Count / rows.Count);
        output.WriteLine($"Point-in-polygon province agrees with GTD's provstate in {rows.Count - disagreements.Count} of {rows.Count} Afghan rows ({agreement:P2}).");
        disagreements.ForEach(output.WriteLine);
        rows.Count.ShouldBeGreaterThan(1400);
        agreement.ShouldBeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public void Should_Resolve_Every_Afghan_Province_Name_The_Real_Files_Use()
    {
        var gazetteer = Registries.Gazetteer;
        var names = new[] { "gtd/globalterrorismdb_2021Jan-June_1222dist.csv", "acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv", "ucdp/ged_api_pakistan_BatonVatrushka.csv" }
            .SelectMany(f => FileRead.Of(SharedData.File(f)).Events)
            .Where(e => e.Place.Country is null or "Afghanistan" or "Pakistan" && e.Place.Admin1 is not null and not "Unknown")
            .Select(e => (e.Place.Country ?? "Afghanistan", e.Place.Admin1!)).Distinct().ToList();

        var unresolved = names.Where(n => gazetteer.Assign(n.Item1, n.Item2, null, null, null, null, new DateOnly(2015, 1, 1)).Admin1Id is null).ToList();

        output.WriteLine($"{names.Count - unresolved.Count} of {names.Count} province names resolve.");
        unresolved.ForEach(u => output.WriteLine($"  unresolved: {u}"));
        unresolved.ShouldBeEmpty();
    }
}
