using Dyad.Places;
using Dyad.Testing;

namespace Dyad.Core.Tests.Places;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Registries.Gazetteer;

    [Fact]
    public void Should_Hold_Afghanistans_Provinces_And_Districts_And_Pakistans_Tribal_Agencies()
    {
        Gazetteer.Units.Count(u => u is { Country: "Afghanistan", Level: 1 }).ShouldBe(34);
        Gazetteer.Units.Count(u => u is { Country: "Afghanistan", Level: 2 }).ShouldBeInRange(390, 410);
        Gazetteer.Units.Count(u => u.ParentId == "pk/fata" && u.Name.EndsWith(" Agency", StringComparison.Ordinal)).ShouldBe(7);
        Gazetteer.Units.ShouldAllBe(u => u.Level == 1 || u.ParentId != null);
    }

    [Theory]
    [InlineData(34.4265, 70.4515, "af/nangarhar")]   // Jalalabad
    [InlineData(34.8742, 71.1528, "af/kunar")]       // Asadabad
    [InlineData(31.6133, 65.7101, "af/kandahar")]    // Kandahar city
    [InlineData(34.0151, 71.5249, "pk/khyber-pakhtunkhwa")] // Peshawar
    public void Should_Locate_Known_Places_In_Their_Province(double latitude, double longitude, string province) =>
        Gazetteer.Locate(latitude, longitude).Admin1!.Id.ShouldBe(province);

    [Fact]
    public void Should_Locate_A_Point_In_Its_District_Too()
    {
        var jalalabad = Gazetteer.Locate(34.4265, 70.4515);

        jalalabad.Admin2.ShouldNotBeNull().ParentId.ShouldBe("af/nangarhar");
    }

    [Fact]
    public void Should_Place_The_Tribal_Areas_In_Fata_Before_The_2018_Merger_And_In_Khyber_Pakhtunkhwa_After()
    {
        // Miranshah, North Waziristan.
        Gazetteer.Assign("Pakistan", null, null, null, 33.0, 70.07, new DateOnly(2015, 6, 1)).Admin1Id.ShouldBe("pk/fata");
        Gazetteer.Assign("Pakistan", null, null, null, 33.0, 70.07, new DateOnly(2019, 6, 1)).Admin1Id.ShouldBe("pk/khyber-pakhtunkhwa");
    }

    [Fact]
    public void Should_Find_Nothing_Outside_Afghanistan_And_Pakistan() =>
        Gazetteer.Locate(35.76, 36.56).ShouldBe(new PointLocation(null, null, null));

    [Theory]
    [InlineData("Nangarhar", "af/nangarhar")]
    [InlineData("Ningarhar", "af/nangarhar")]
    [InlineData("Nangrahar", "af/nangarhar")]
    [InlineData("ننګرهار", "af/nangarhar")]
    [InlineData("ننگرهار", "af/nangarhar")]
    [InlineData("Kunar", "af/kunar")]
    [InlineData("Konar", "af/kunar")]
    [InlineData("Helmand", "af/helmand")]
    [InlineData("Hilmand", "af/helmand")]
    [InlineData("Paktia", "af/paktia")]
    [InlineData("Paktiya", "af/paktia")]
    [InlineData("Paktika", "af/paktika")]
    [InlineData("Sari Pul", "af/sar-e-pol")]
    [InlineData("Ghazni", "af/ghazni")]
    [InlineData("NWFP", "pk/khyber-pakhtunkhwa")]
    [InlineData("F.A.T.A.", "pk/fata")]
    public void Should_Resolve_A_Province_Whatever_The_Spelling(string name, string id) =>
        Gazetteer.Resolve(name, level: 1).Single.ShouldNotBeNull().Unit!.Id.ShouldBe(id);

    [Theory]
    [InlineData("Nangarhar province", 1, "af/nangarhar")]
    [InlineData("Khyber Agency", 2, "pk/fata/khyber-agency")]
    [InlineData("Kunar Province", 1, "af/kunar")]
    public void Should_Resolve_A_Name_Written_With_Its_Unit_Word(string name, int level, string id) =>
        Gazetteer.Resolve(name, level: level).Single.ShouldNotBeNull().Unit!.Id.ShouldBe(id);

    [Fact]
    public void Should_Keep_Paktia_And_Paktika_Apart()
    {
        Gazetteer.Resolve("Paktia", level: 1).Candidates.ShouldHaveSingleItem().Unit!.Id.ShouldBe("af/paktia");
        Gazetteer.Resolve("Paktika", level: 1).Candidates.ShouldHaveSingleItem().Unit!.Id.ShouldBe("af/paktika");
    }

    [Fact]
    public void Should_Say_How_A_Name_Was_Matched()
    {
        Gazetteer.Resolve("Nangarhar", level: 1).Method.ShouldBe(PlaceMatchMethod.Exact);
        Gazetteer.Resolve("Ningarhaar", level: 1).Method.ShouldBe(PlaceMatchMethod.Variant);
        var fuzzy = Gazetteer.Resolve("Nangarhxr", level: 1);
        fuzzy.Method.ShouldBe(PlaceMatchMethod.Fuzzy);
        fuzzy.Single!.Unit!.Id.ShouldBe("af/nangarhar");
        fuzzy.Single.Confidence.ShouldBeLessThan(0.85);
        Gazetteer.Resolve("Atlantis", level: 1).Candidates.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Korangal", "af/kunar")]
    [InlineData("Korengal", "af/kunar")]
    [InlineData("Jalalabad", "af/nangarhar")]
    [InlineData("Jelalabad", "af/nangarhar")]
    [InlineData("Tora Bora", "af/nangarhar")]
    public void Should_Resolve_Places_To_The_Province_They_Lie_In(string name, string province)
    {
        // Jalalabad is also a district: the district comes first, in the same province.
        var candidate = Gazetteer.Resolve(name).Candidates[0];

        (candidate.Unit?.ParentId ?? candidate.Place?.Admin1Id).ShouldBe(province);
    }

    [Fact]
    public void Should_Resolve_A_Fata_Agency_By_Its_Short_Name() =>
        Gazetteer.Resolve("North Waziristan", "Pakistan", 2).Single!.Unit!.Id.ShouldBe("pk/fata/north-waziristan-agency");

    [Fact]
    public void Should_Assign_By_Names_When_There_Is_No_Point()
    {
        var assignment = Gazetteer.Assign("Afghanistan", "Nangarhar province", "Achin district", null, null, null, new DateOnly(2016, 5, 17));

        assignment.Admin1Id.ShouldBe("af/nangarhar");
        assignment.Admin2Id.ShouldBe("af/nangarhar/acheen", "geoBoundaries spells it Acheen; Achin is a variant");
        assignment.Method.ShouldBe("name-exact");
    }

    [Fact]
    public void Should_Doubt_A_Point_That_Lies_Outside_The_Country_The_Source_Names()
    {
        var assignment = Gazetteer.Assign("Pakistan", "Khyber Pakhtunkhwa", null, null, 34.4265, 70.4515, new DateOnly(2020, 1, 1));

        assignment.Admin1Id.ShouldBe("af/nangarhar");
        assignment.Confidence.ShouldBe(0.5);
        assignment.Method.ShouldContain("not in the source's country");
    }

    [Fact]
    public void Should_Assign_Nothing_To_An_Event_Elsewhere() =>
        Gazetteer.Assign("Syria", "Idlib governorate", null, null, 35.76, 36.56, new DateOnly(2013, 1, 3)).ShouldBe(PlaceAssignment.None);
}
