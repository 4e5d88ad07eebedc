using Dyad.Claims;
using Dyad.Testing;
using static Dyad.Core.Tests.Incidents.LinkSides;

namespace Dyad.Core.Tests.Claims;

public sealed class ClaimMatcherTests
{
    private static readonly ClaimMatcher Matcher = new(Registries.Actors);
    private static readonly DateOnly Day = new(2021, 5, 31);

    private static Claim Claim(string? claimant = "bla", int? killed = 9) => new()
    {
        SourceId = 1,
        Text = "invented",
        ClaimantId = claimant,
        ClaimantName = claimant,
        Killed = killed,
        Admin1Id = "pk/balochistan",
        StatementDate = Day.AddDays(1),
    };

    [Fact]
    public void An_unclaimed_attack_with_the_claimed_dead_in_the_claimed_province_and_days_is_linked()
    {
        var match = Matcher.Score(Claim(), Gtd(1, Day, 30.2, 67.0, deaths: 9) with { Admin1Id = "pk/balochistan" })!;

        match.Linked.ShouldBeTrue();
        match.Reasons.ShouldBe(["within 3 days before the statement", "the claimed province", "the event names no perpetrator", "9 killed in both"]);
    }

    [Fact]
    public void An_attack_another_group_carried_out_or_outside_the_days_or_province_is_not()
    {
        var other = Gtd(1, Day, 30.2, 67.0, perpetrator: "Tehrik-i-Taliban Pakistan (TTP)", deaths: 9) with { Admin1Id = "pk/balochistan" };

        Matcher.Score(Claim(), other)!.Linked.ShouldBeFalse();
        Matcher.Score(Claim(), other with { Start = Day.AddDays(-10), End = Day.AddDays(-10) }).ShouldBeNull();
        Matcher.Score(Claim(), other with { Admin1Id = "pk/sindh" }).ShouldBeNull();
        Matcher.Score(Claim() with { StatementDate = null }, other).ShouldBeNull();
    }
}
