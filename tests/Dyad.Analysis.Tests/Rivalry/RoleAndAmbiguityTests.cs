using Dyad.Analysis.Rivalry;
using Dyad.Store;
using Dyad.Testing;

namespace Dyad.Analysis.Tests.Rivalry;

/// <summary>
/// Which part a side played, worked by hand per dataset, and an attack the sources leave open between groups, in three
/// pairings: it is never one group's own, whichever group it is set against.
/// </summary>
public sealed class RoleAndAmbiguityTests : IDisposable
{
    private static readonly string[] AcledRows =
    [
        // IS-K bombs civilians: what it did.
        "AFG1,2019-05-02,2019,1,Explosions/Remote violence,Remote explosive/landmine/IED,Islamic State (Afghanistan),,Civilians (Afghanistan),,Afghanistan,Kabul,Kabul,Kabul,34.53,69.17,1,Invented,An invented report.,6",
        // The army's air strike on IS-K: done to it, not its violence.
        "AFG2,2019-05-10,2019,1,Explosions/Remote violence,Air/drone strike,Military Forces of Afghanistan (2014-2021),,Islamic State (Afghanistan),,Afghanistan,Nangarhar,Achin,Achin,34.13,70.68,1,Invented,An invented report.,20",
        // IS-K fights the army: fighting with the state.
        "AFG3,2019-05-12,2019,1,Battles,Armed clash,Islamic State (Afghanistan),,Military Forces of Afghanistan (2014-2021),,Afghanistan,Nangarhar,Achin,Achin,34.13,70.68,1,Invented,An invented report.,4",
        // An attack ACLED leaves open between the Taliban and IS-K.
        "AFG4,2019-06-01,2019,1,Violence against civilians,Attack,Taliban and/or Islamic State (Afghanistan),,Civilians (Afghanistan),,Afghanistan,Kunar,Asadabad,Asadabad,34.87,71.15,1,Invented,An invented report.,3",
        // The Taliban attack a checkpoint: what they did.
        "AFG5,2019-06-03,2019,1,Explosions/Remote violence,Remote explosive/landmine/IED,Taliban,,Police Forces of Afghanistan (2014-2021),,Afghanistan,Helmand,Lashkar Gah,Lashkar Gah,31.59,64.37,1,Invented,An invented report.,2",
    ];

    private const string GtdHeader = Fixtures.GtdHeader + ",gname3,guncertain1,guncertain2,guncertain3";

    private static readonly string[] GtdRows =
    [
        // A school bombing GTD puts on IS-K and the Taliban, both suspected.
        "202105080001,2021,5,8,0,,4,Afghanistan,Kabul,Kabul,34.46,69.12,1,\"An invented bombing, for a test.\",Khorasan Chapter of the Islamic State,Taliban,0,,3,Bombing/Explosion,Educational Institution,Invented School,Explosives,90,0,200,0,,1,1,",
        // An attack GTD gives to IS-K alone, known.
        "202105200001,2021,5,20,0,,4,Afghanistan,Nangarhar,Jalalabad,34.43,70.45,1,\"An invented attack, for a test.\",Khorasan Chapter of the Islamic State,,1,,3,Bombing/Explosion,Religious Figures/Institutions,Invented Mosque,Explosives,12,1,30,0,,0,,",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Dyad.Store.DuckDb.DuckDbEventStore Store() => RivalryStores.Import(_folder.File("s.duckdb"),
        _folder.Write("acled.csv", Fixtures.Acled(AcledRows)), _folder.Write("gtd.csv", GtdHeader + "\n" + string.Join("\n", GtdRows) + "\n"));

    [Fact]
    public void What_a_side_did_is_apart_from_the_fighting_it_was_in_and_what_was_done_to_it()
    {
        using var store = Store();

        var r = RivalryStores.Compute(store);

        // IS-K did: the ACLED bombing (6) and GTD's known attack (12); not the air strike, the battle or the open ones.
        (r.SummaryA.Events, r.SummaryA.Deaths).ShouldBe((2, 18));
        r.SummaryA.DeathsPerEvent.ShouldBe(9);
        r.RolesA.FoughtState.ShouldBe(new RoleCount(1, 4));
        r.RolesA.DoneTo.ShouldBe(new RoleCount(1, 20));
        (r.SummaryB.Events, r.SummaryB.Deaths).ShouldBe((1, 2));
        r.Targets.Sum(t => t.EventsA).ShouldBe(1, "GTD records the target of IS-K's known attack; ACLED records none");
    }

    [Fact]
    public void An_open_attack_is_either_side_s_between_the_two_and_possibly_one_s_against_a_third()
    {
        using var store = Store();
        var (isk, taliban, ttp) = (RivalryStores.IsK, RivalryStores.Taliban, RivalryStores.SideOf("ttp"));

        var both = RivalryStores.Compute(store, isk, taliban);
        (both.Either.Events, both.Either.Deaths).ShouldBe((2, 93), "ACLED's 'and/or' attack and GTD's suspected pair");
        (both.PossiblyA.Events, both.PossiblyB.Events).ShouldBe((0, 0));

        var iskTtp = RivalryStores.Compute(store, isk, ttp);
        (iskTtp.SummaryA.Events, iskTtp.SummaryA.Deaths).ShouldBe((2, 18), "the open attacks are not IS-K's when it is set against the TTP");
        (iskTtp.PossiblyA.Events, iskTtp.PossiblyA.Deaths).ShouldBe((2, 93));
        iskTtp.Either.Events.ShouldBe(0);

        var talibanTtp = RivalryStores.Compute(store, taliban, ttp);
        (talibanTtp.SummaryA.Events, talibanTtp.SummaryA.Deaths).ShouldBe((1, 2), "nor the Taliban's when they are");
        talibanTtp.PossiblyA.Events.ShouldBe(2);
        talibanTtp.Timeline.Sum(t => t.EventsA).ShouldBe(1);
    }

    [Fact]
    public void Events_of_an_actor_leave_the_open_attacks_out_unless_asked()
    {
        using var store = Store();

        store.CountEvents(new EventFilter(ActorIds: RivalryStores.IsK.ActorIds)).ShouldBe(4, "three ACLED events and GTD's known attack: not the suspected pair");
        store.CountEvents(new EventFilter(ActorIds: RivalryStores.IsK.ActorIds, IncludeAmbiguous: true)).ShouldBe(6, "with ACLED's open one and GTD's suspected pair");
    }
}
