using Dyad.Attribution.Attacks;
using Dyad.Attribution.Features;
using Dyad.Events;
using Dyad.Ingest;
using Dyad.Store;
using Dyad.Testing;

namespace Dyad.Attribution.Tests.Features;

/// <summary>Nothing that names or claims the perpetrator may become a feature (issue 4's leakage rule).</summary>
public sealed class LeakageRuleTests
{
    private static readonly FeatureCatalog Catalog = new(["a", "b", "other"], groupActivity: true, text: true, group => group);

    [Fact]
    public void No_feature_reads_an_actor_a_claim_the_notes_or_the_citations()
    {
        // The source's words are read only through the mask (TextMaskTests, and on every real file in the CLI's tests).
        var reads = Catalog.All.SelectMany(f => f.Reads).Where(r => !FeatureCatalog.MaskedTextReads.Contains(r)).ToList();
        reads.ShouldNotBeEmpty();
        FeatureCatalog.MaskedTextReads.ShouldAllBe(r => r.EndsWith("masked)", StringComparison.Ordinal));
        foreach (var read in reads)
        {
            FeatureCatalog.ForbiddenFields.ShouldNotContain(read);
            read.ShouldNotStartWith("Actors");
            read.ShouldNotStartWith("Claim");
        }

        Catalog.All.Single(f => f.Name == "EventSubtype").Reads.ShouldBe(["Category.Subtype(not UCDP)"]);
    }

    [Fact]
    public void Features_do_not_change_when_the_perpetrator_claim_notes_and_citations_change()
    {
        var attack = SyntheticAttacks.Of(1, new DateOnly(2020, 5, 8), "n1", "Explosives", "north");
        var disguised = attack with
        {
            Perpetrator = "south",
            Event = attack.Event with
            {
                DatasetId = "another-id",
                Actors = new EventActors { Actor1 = "Khorasan Chapter of the Islamic State", Actor2 = "Taliban", Actor1Associates = ["Amaq"] },
                Claim = new ClaimInfo { Claimed = true, Mode = "Posted to website, blog, etc.", Competing = true, AttributionUncertain = false },
                Notes = "The Islamic State claimed responsibility via Amaq.",
                Citations = "Amaq, 2020-05-08",
            },
        };

        Same(Build(attack), Build(disguised));
    }

    [Fact]
    public void Ucdp_conflict_names_which_name_the_sides_are_not_read()
    {
        var ucdp = SyntheticAttacks.Of(1, new DateOnly(2020, 5, 8), "n1", null, "north");
        ucdp = ucdp with { Event = ucdp.Event with { Dataset = Datasets.UcdpGed, Category = new EventCategory { Type = "One-sided violence", Subtype = "IS - civilians" } } };
        Build(ucdp).EventSubtype.ShouldBe("");
    }

    [Fact]
    public void Gtd_rows_that_differ_only_in_gname_claims_motive_and_summary_give_the_same_features()
    {
        const string Header = "eventid,iyear,imonth,iday,country_txt,provstate,city,latitude,longitude,attacktype1_txt,weaptype1_txt,weapsubtype1_txt,targtype1_txt,natlty1_txt,gname,gsubname,gname2,guncertain1,claimed,claimmode_txt,compclaim,motive,summary,scite1,related,individual";
        const string RowA = "201901010001,2019,1,1,Afghanistan,Nangarhar,Jalalabad,34.43,70.45,Bombing/Explosion,Explosives,Vehicle,Police,Afghanistan,Taliban,,,0,1,Personal claim,0,To punish the police,Taliban claimed the attack.,Taliban statement,,0";
        const string RowB = "201901010001,2019,1,1,Afghanistan,Nangarhar,Jalalabad,34.43,70.45,Bombing/Explosion,Explosives,Vehicle,Police,Afghanistan,Khorasan Chapter of the Islamic State,Amaq cell,Taliban,1,0,,1,Revenge,Amaq posted a claim.,Amaq News Agency,201901010002,1";
        using var folder = new TempFolder();
        var a = Build(Read(folder.Write("a.csv", $"{Header}\n{RowA}\n")));
        var b = Build(Read(folder.Write("b.csv", $"{Header}\n{RowB}\n")));
        Same(a, b);
        a.WeaponSubtype.ShouldBe("Vehicle");
        a.TargetNationality.ShouldBe("Afghanistan");
    }

    private static DyadEvent Read(string path)
    {
        using var file = EventFile.Open(path);
        return file.ReadRows(TestContext.Current.CancellationToken).OfType<MappedRow>().Single().Event;
    }

    private static FeatureRow Build(DyadEvent e) =>
        Build(new PerpetratorLabels(Registries.Actors, Registries.Gazetteer).ToAttack(new StoredEvent(1, e, "test.csv", [], [], null)));

    private static FeatureRow Build(Attack attack)
    {
        var activity = new ActivityIndex([attack], _ => 0, horizon: null);
        return new FeatureBuilder(Catalog, activity, _ => [], horizon: null).Build(attack);
    }

    private static void Same(FeatureRow a, FeatureRow b)
    {
        foreach (var column in FeatureCatalog.CategoryColumns)
        {
            typeof(FeatureRow).GetProperty(column)!.GetValue(b).ShouldBe(typeof(FeatureRow).GetProperty(column)!.GetValue(a), column);
        }

        b.Numeric.ShouldBe(a.Numeric);
    }
}
