using Dyad.Actors;
using Dyad.Testing;

namespace Dyad.Ingest.Tests.Actors;

/// <summary>
/// How many of the actor names in the Afghan and Pakistani rows of every real file the shipped registry resolves.
/// GTD's target entity (corp1) is free text describing victims and is not counted; perpetrators, sides and
/// associated actors are.
/// </summary>
public sealed class ActorCoverageTests(ITestOutputHelper output)
{
    private static readonly string[] Files =
    [
        "gtd/globalterrorismdb_2021Jan-June_1222dist.csv", "gtd/gtd_afg_reduced_cols_MS_Thesis.csv",
        "acled/acledR_acled_old_deletion_dummy_global9000.csv", "acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv",
        "ucdp/ged_api_pakistan_BatonVatrushka.csv", "ucdp/ged231_sample1000_uncertainUCDP.csv", "ucdp/ged191_afg_selected310_RealCaddish.geojson",
        "ucdp/Nonstate_v23_1.csv", "ucdp/OneSided_v23_1.csv", "ucdp/BattleDeaths_v23_1.csv",
    ];

    [Fact]
    public void Should_Resolve_Every_Actor_Name_In_Afghan_And_Pakistani_Rows()
    {
        var registry = Registries.Actors;
        var names = new Dictionary<(string Dataset, string? Country, string Name), int>();
        foreach (var file in Files)
        {
            // Two files carry no country column; both are Afghan by their content.
            var afghanOnly = file.Contains("cosimameyer", StringComparison.Ordinal) || file.Contains("RealCaddish", StringComparison.Ordinal);
            foreach (var e in FileRead.Of(SharedData.File(file)).Events)
            {
                var country = e.Place.Country ?? (afghanOnly ? "Afghanistan" : null);
                if (country is null || !(country.Contains("Afghanistan", StringComparison.Ordinal) || country.Contains("Pakistan", StringComparison.Ordinal)))
                {
                    continue;
                }

                var actorNames = e.Actors.Actor1Associates.Append(e.Actors.Actor1);
                if (e.Dataset != Events.Datasets.Gtd)
                {
                    actorNames = actorNames.Append(e.Actors.Actor2).Concat(e.Actors.Actor2Associates);
                }

                foreach (var name in actorNames.OfType<string>())
                {
                    var key = (ResolutionContext.Family(e.Dataset), country.Contains(',') ? country.Split(", ")[0] : country, name);
                    names[key] = names.GetValueOrDefault(key) + 1;
                }
            }
        }

        var unresolved = names.Where(n => !registry.Resolve(n.Key.Name, new ResolutionContext(n.Key.Dataset, n.Key.Country)).IsResolved).ToList();
        var distinct = names.Keys.Select(k => (k.Dataset, k.Name)).Distinct().Count();
        var distinctUnresolved = unresolved.Select(u => (u.Key.Dataset, u.Key.Name)).Distinct().Count();
        var uses = names.Values.Sum();
        output.WriteLine($"Actor names in Afghan and Pakistani rows: {distinct - distinctUnresolved} of {distinct} resolve " +
            $"({100.0 * (distinct - distinctUnresolved) / distinct:F1}%), covering {uses - unresolved.Sum(u => u.Value)} of {uses} uses.");
        foreach (var (key, count) in unresolved.OrderByDescending(u => u.Value))
        {
            output.WriteLine($"  unresolved: {key.Dataset} {key.Country} \"{key.Name}\" ({count})");
        }

        unresolved.ShouldBeEmpty();
    }
}
