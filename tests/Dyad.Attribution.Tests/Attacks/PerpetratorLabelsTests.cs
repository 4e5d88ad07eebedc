using Dyad.Actors;
using Dyad.Attribution.Attacks;
using Dyad.Attribution.Training;
using Dyad.Events;
using Dyad.Ingest;
using Dyad.Store;
using Dyad.Testing;

namespace Dyad.Attribution.Tests.Attacks;

/// <summary>Who can be a perpetrator: unknown and unidentified actors are questions, state forces candidates only when asked.</summary>
public sealed class PerpetratorLabelsTests
{
    [Fact]
    public void Should_make_unidentified_armed_groups_questions_even_in_a_fresh_registry()
    {
        // A fresh registry, as a new process has: the pattern's actor has not been made yet when the store's ids are read.
        var registry = ActorRegistry.Parse(File.ReadAllText(Registries.ActorsPath));
        var attack = Label(registry, Acled("Violence against civilians", "Attack", "Unidentified Armed Group (Afghanistan)", "Civilians (Afghanistan)"), ["unidentified-armed-group"]);

        attack.Status.ShouldBe(PerpetratorStatus.Unknown);
        attack.Perpetrator.ShouldBeNull();
    }

    [Fact]
    public void Should_mark_state_forces_and_leave_them_out_unless_asked()
    {
        var registry = ActorRegistry.Parse(File.ReadAllText(Registries.ActorsPath));
        var state = Label(registry, Acled("Explosions/Remote violence", "Air/drone strike", "Military Forces of Afghanistan (2014-2021)", "Civilians (Afghanistan)"), ["afghan-republic"]);
        var group = Label(registry, Acled("Explosions/Remote violence", "Remote explosive/landmine/IED", "Taliban", "Civilians (Afghanistan)"), ["taliban"]);

        state.ByStateForces.ShouldBeTrue();
        group.ByStateForces.ShouldBeFalse();
        AttributionTrainer.InScope([state, group], new TrainingOptions()).Select(a => a.Status).ShouldBe([PerpetratorStatus.NotAnAttack, PerpetratorStatus.Known]);
        AttributionTrainer.InScope([state, group], new TrainingOptions { StateForces = true }).Select(a => a.Status).ShouldBe([PerpetratorStatus.Known, PerpetratorStatus.Known]);
    }

    [Fact]
    public void Should_not_count_protesters_or_parties_among_perpetrators()
    {
        var registry = ActorRegistry.Parse(File.ReadAllText(Registries.ActorsPath));
        var attack = Label(registry, Acled("Violence against civilians", "Attack", "Pakistan Tehreek-e-Insaf", "Civilians (Pakistan)", "Pakistan"), ["pti"]);

        attack.Status.ShouldBe(PerpetratorStatus.NotAnAttack);
    }

    private static Attack Label(ActorRegistry registry, DyadEvent e, IReadOnlyList<string> actor1Ids) =>
        new PerpetratorLabels(registry, Registries.Gazetteer).ToAttack(new StoredEvent(1, e, "test.csv", actor1Ids, [], null));

    private static DyadEvent Acled(string type, string subtype, string actor1, string actor2, string country = "Afghanistan")
    {
        using var folder = new TempFolder();
        var path = folder.Write("acled.csv", Fixtures.Acled($"AFG1,2021-05-08,2021,1,{type},{subtype},{actor1},,{actor2},,{country},Kabul,Kabul,Kabul,34.5,69.2,1,Pajhwok,Notes,2"));
        using var file = EventFile.Open(path);
        return file.ReadRows(TestContext.Current.CancellationToken).OfType<MappedRow>().Single().Event;
    }
}
