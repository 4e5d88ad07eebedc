using Dyad.Actors;
using Dyad.Testing;

namespace Dyad.Core.Tests.Actors;

/// <summary>The shipped registry, on the names that analysts of IS-K and the Taliban meet.</summary>
public sealed class ActorRegistryTests
{
    private static readonly ActorRegistry Registry = Registries.Actors;

    private static IReadOnlyList<string> Ids(string name, string? dataset = null, string? country = null, DateOnly? date = null) =>
        Registry.Resolve(name, new ResolutionContext(dataset, country, date)).ActorIds;

    [Theory]
    [InlineData("ISKP")]
    [InlineData("IS-K")]
    [InlineData("ISIS-K")]
    [InlineData("isis k")]
    [InlineData("Islamic State Khorasan Province")]
    [InlineData("Islamic State – Khorasan Province")]
    [InlineData("Wilayat Khurasan")]
    [InlineData("Wilayah Khorasan")]
    [InlineData("Khorasan Chapter of the Islamic State")]
    [InlineData("Islamic State (Afghanistan)")]
    [InlineData("ولاية خراسان")]
    [InlineData("ولايه خراسان")]
    [InlineData("وِلايَة خُراسان")]
    [InlineData("ولایت خراسان")]
    [InlineData("د خراسان ولایت")]
    [InlineData("دولت اسلامیہ خراسان")]
    public void Should_Resolve_Every_Name_Of_Iskp_To_Iskp(string name) => Ids(name).ShouldBe(["iskp"]);

    [Theory]
    [InlineData("Daesh")]
    [InlineData("داعش")]
    public void Should_Read_Daesh_As_Iskp_In_Afghanistan_And_Pakistan_And_As_The_Islamic_State_Elsewhere(string name)
    {
        Ids(name, country: "Afghanistan").ShouldBe(["iskp"]);
        Ids(name, country: "Pakistan").ShouldBe(["iskp"]);
        Ids(name, country: "Iraq").ShouldBe(["islamic-state"]);
    }

    [Fact]
    public void A_name_scoped_to_countries_applies_to_a_record_of_several_only_if_it_holds_every_one()
    {
        // UCDP's yearly one-sided table locates the Islamic State's record in every country it struck.
        Ids("IS", "ucdp", "Afghanistan, Bangladesh, Iraq, Syria").ShouldBe(["islamic-state"]);
        Ids("IS", "ucdp", "Afghanistan, Pakistan").ShouldBe(["iskp"]);
        Ids("IS", "ucdp", "Afghanistan").ShouldBe(["iskp"]);
    }

    [Fact]
    public void Should_Read_Ucdps_Is_As_Iskp_Only_In_Afghanistan_And_Pakistan()
    {
        Ids("IS", "ucdp", "Afghanistan").ShouldBe(["iskp"]);
        Ids("IS", "ucdp", "Syria").ShouldBe(["islamic-state"]);
    }

    [Fact]
    public void Should_Never_Resolve_An_Iskp_Name_To_The_Taliban_Or_The_Ttp()
    {
        var iskp = Registry.Find("iskp")!;
        foreach (var name in iskp.Names)
        {
            foreach (var country in new string?[] { null, "Afghanistan", "Pakistan" })
            {
                var ids = Registry.Resolve(name.Name, new ResolutionContext(name.Datasets?.FirstOrDefault(), country ?? name.Countries?.FirstOrDefault())).ActorIds;
                ids.ShouldNotContain("taliban", name.Name);
                ids.ShouldNotContain("ttp", name.Name);
            }
        }
    }

    [Fact]
    public void Should_Keep_The_Pakistani_Taliban_Apart_From_The_Afghan_Taliban()
    {
        foreach (var name in Registry.Find("ttp")!.Names)
        {
            Ids(name.Name).ShouldBe(["ttp"], name.Name);
        }

        Ids("Tehrik-i-Taliban Pakistan (TTP)").ShouldBe(["ttp"]);
        Ids("Taleban").ShouldBe(["taliban"]);
        Ids("طالبان").ShouldBe(["taliban"]);
    }

    [Fact]
    public void Should_Make_The_Taliban_The_Afghan_State_From_15_August_2021()
    {
        Ids("Government of Afghanistan", "ucdp", "Afghanistan", new DateOnly(2021, 8, 14)).ShouldBe(["afghan-republic"]);
        Ids("Government of Afghanistan", "ucdp", "Afghanistan", new DateOnly(2021, 8, 15)).ShouldBe(["taliban"]);
        Ids("Military Forces of Afghanistan (2021-)", "acled").ShouldBe(["taliban"]);
        Ids("Military Forces of Afghanistan (2014-)", "acled").ShouldBe(["afghan-republic"]);
        Ids("Police Forces of Afghanistan (2014-) National Directorate of Security", "acled").ShouldBe(["afghan-republic"]);
    }

    [Fact]
    public void Should_Say_A_Name_Depends_On_The_Date_When_None_Is_Given()
    {
        var resolution = Registry.Resolve("Government of Afghanistan");

        resolution.Method.ShouldBe(ResolutionMethod.Ambiguous);
        resolution.ActorIds.ShouldBe(["taliban", "afghan-republic"], ignoreOrder: true);
        resolution.Note.ShouldNotBeNull().ShouldContain("2021-08-15");
    }

    [Fact]
    public void Should_Split_A_Name_Over_Time_For_The_Store()
    {
        var spans = Registry.ResolveOverTime("Government of Afghanistan", "ucdp", "Afghanistan");

        spans.Count.ShouldBe(2);
        spans[0].ShouldBe(new ResolutionSpan(null, new DateOnly(2021, 8, 14), spans[0].Resolution));
        spans[0].Resolution.ActorIds.ShouldBe(["afghan-republic"]);
        spans[1].From.ShouldBe(new DateOnly(2021, 8, 15));
        spans[1].To.ShouldBeNull();
        spans[1].Resolution.ActorIds.ShouldBe(["taliban"]);
    }

    [Fact]
    public void Should_Keep_Acleds_Ambiguous_Actor_Ambiguous_With_Both_Candidates()
    {
        var resolution = Registry.Resolve("Taliban and/or Islamic State (Afghanistan)", new ResolutionContext("acled", null, new DateOnly(2019, 9, 28)));

        resolution.Method.ShouldBe(ResolutionMethod.Ambiguous);
        resolution.ActorIds.ShouldBe(["taliban", "iskp"]);
    }

    [Fact]
    public void Should_Count_Members_Not_Splinters_As_Part_Of_A_Group()
    {
        Registry.WithMembers("taliban").ShouldContain("haqqani-network");
        Registry.WithMembers("taliban").ShouldNotContain("high-council-islamic-emirate");
        Registry.WithMembers("taliban").ShouldNotContain("ttp");
        Registry.WithMembers("islamic-state").ShouldBe(["islamic-state", "iskp", "ispp", "iscap", "isgs", "iswap", "is-sinai"], ignoreOrder: true);
        Registry.WithMembers("baloch-separatists").ShouldBe(["baloch-separatists"]);
    }

    [Fact]
    public void Should_Make_Families_Of_Members_Factions_And_Splinters_For_Attribution()
    {
        Registry.Family("iskp").ShouldBe("islamic-state");
        Registry.Family("jnim").ShouldBe("al-qaida");
        Registry.Family("bra").ShouldBe("baloch-separatists");
        Registry.Family("jamaat-ul-ahrar").ShouldBe("ttp");
        Registry.Family("haqqani-network").ShouldBe("taliban");
        Registry.Family("lashkar-e-taiba").ShouldBe("lashkar-e-taiba");
        Registry.Family("name:Invented Front").ShouldBe("name:Invented Front");
    }

    [Fact]
    public void Should_Resolve_Coalitions_Part_By_Part()
    {
        Ids("High Council of Afghanistan Islamic Emirate, IS", "ucdp", "Afghanistan").ShouldBe(["high-council-islamic-emirate", "iskp"]);
        Ids("Government of United Kingdom, Government of United States of America", "ucdp")
            .ShouldBe(["government-of-united-kingdom", "government-of-united-states-of-america"]);
    }

    [Theory]
    [InlineData("Protesters (Pakistan)", "protesters")]
    [InlineData("Unidentified Armed Group (Afghanistan)", "unidentified-armed-group")]
    [InlineData("Military Forces of Tajikistan (1994-)", "government-of-tajikistan")]
    [InlineData("Government of Myanmar (Burma)", "government-of-myanmar")]
    [InlineData("Lashkhar of Wazir tribe", "lashkar-wazir")]
    [InlineData("Forces of Ismail Khan", "forces-of-ismail-khan")]
    [InlineData("Baloch Liberation Army (BLA)", "bla")]
    [InlineData("TTP: Tehreek-i-Taliban Pakistan", "ttp")]
    public void Should_Resolve_The_Datasets_Generic_And_Acronym_Forms(string name, string id) => Ids(name).ShouldBe([id]);

    [Fact]
    public void Should_Leave_An_Unknown_Name_Unresolved_Not_Guessed()
    {
        var resolution = Registry.Resolve("Invented Front of Nowhere");

        resolution.Method.ShouldBe(ResolutionMethod.Unresolved);
        resolution.ActorIds.ShouldBeEmpty();
    }

    [Fact]
    public void Should_Refuse_A_Registry_That_Relates_To_An_Unknown_Actor()
    {
        var json = """{"actors": [{"id": "a", "name": "A", "kind": "armed-group", "relations": [{"type": "part-of", "actor": "nobody"}]}]}""";

        Should.Throw<DyadException>(() => ActorRegistry.Parse(json)).Message.ShouldContain("nobody");
    }
}
