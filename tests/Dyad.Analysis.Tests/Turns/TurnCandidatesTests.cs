using Dyad.Analysis.Turns;
using Dyad.Events;

namespace Dyad.Analysis.Tests.Turns;

public sealed class TurnCandidatesTests
{
    private static DyadEvent Event(string? notes, string? type = null, string? subtype = null) => new()
    {
        Dataset = "acled",
        DatasetId = "INV1",
        Date = EventDate.OnDay(new DateOnly(2019, 7, 24)),
        Notes = notes,
        Category = new EventCategory { Type = type, Subtype = subtype },
        Provenance = new RowProvenance(1, null),
    };

    [Theory]
    [InlineData("An invented report. Forty militia members defected to the Taliban with their weapons. Nothing else.", "defection", "Forty militia members defected to the Taliban with their weapons.")]
    [InlineData("Two invented commanders joined IS-K in an invented valley.", "defection", "Two invented commanders joined IS-K in an invented valley.")]
    [InlineData("An invented group pledged allegiance to its invented caliph.", "pledge", "An invented group pledged allegiance to its invented caliph.")]
    [InlineData("An invented splinter group attacked a convoy.", "split", "An invented splinter group attacked a convoy.")]
    [InlineData("A three-day ceasefire was announced for an invented holiday.", "ceasefire", "A three-day ceasefire was announced for an invented holiday.")]
    [InlineData("The invented parties signed an agreement on prisoners. It was invented.", "accord", "The invented parties signed an agreement on prisoners.")]
    public void Words_suggest_a_kind_and_quote_their_sentence(string notes, string kind, string evidence)
    {
        var candidate = TurnCandidates.Of(Event(notes)).ShouldNotBeNull();
        candidate.SuggestedKind.ShouldBe(kind);
        candidate.Evidence.ShouldBe(evidence);
    }

    [Fact]
    public void Acled_strategic_developments_are_candidates_and_ordinary_attacks_are_not()
    {
        TurnCandidates.Of(Event(null, "Strategic developments", "Agreement"))!.SuggestedKind.ShouldBe("accord");
        TurnCandidates.Of(Event(null, "Strategic developments", "Change to group/activity"))!.SuggestedKind.ShouldBe("split");
        TurnCandidates.Of(Event(null, "Strategic developments", "Looting/property destruction")).ShouldBeNull();
        TurnCandidates.Of(Event("An invented bombing killed three at an invented checkpoint; the invented group claimed it.", "Explosions/Remote violence", "Remote explosive/landmine/IED")).ShouldBeNull();
        // Joining a search is not joining a group.
        TurnCandidates.Of(Event("Police joined the search, which is ongoing.")).ShouldBeNull();
    }
}
