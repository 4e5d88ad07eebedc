using System.Text.Json;
using Dyad.Places;
using Dyad.Testing;

namespace Dyad.Core.Tests.Places;

public sealed class CommunityAreasTests
{
    [Fact]
    public void Should_mark_Hazara_districts_and_the_Dasht_e_Barchi_neighbourhood_but_not_the_rest_of_Kabul()
    {
        var communities = Registries.Gazetteer.Communities;

        communities.At("af/ghazni", "af/ghazni/jaghuri", null, null).ShouldBe("Hazara");
        communities.At("af/daykundi", null, null, null).ShouldBe("Hazara");
        // A school in Dasht-e-Barchi, west Kabul, and one in the east of the city.
        communities.At("af/kabul", "af/kabul/kabul", 34.4985, 69.0650).ShouldBe("Hazara");
        communities.At("af/kabul", "af/kabul/kabul", 34.5350, 69.2100).ShouldBeNull();
        communities.At("af/nangarhar", "af/nangarhar/jalalabad", 34.43, 70.45).ShouldBeNull();
    }

    [Fact]
    public void Should_know_a_marked_neighbourhood_by_the_name_a_report_gives_it()
    {
        var communities = Registries.Gazetteer.Communities;

        communities.NamedIn("explosive devices detonated targeting female students leaving an educational center in Dashti Barchi Kabul").ShouldBe("Hazara");
        communities.NamedIn("a bomb in Dasht-e-Barchi, Kabul.").ShouldBe("Hazara");
        communities.NamedIn("a bomb near the ministry in Kabul").ShouldBeNull();
        communities.NamedIn("a village called Barchiwal").ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_an_area_without_its_source()
    {
        Should.Throw<JsonException>(() => CommunityAreas.Parse("""{"areas": [{"community": "Hazara", "units": ["af/bamyan"]}]}"""))
            .Message.ShouldContain("no source");
    }
}
