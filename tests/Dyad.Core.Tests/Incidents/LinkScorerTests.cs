using Dyad.Events;
using Dyad.Incidents;
using static Dyad.Core.Tests.Incidents.LinkSides;

namespace Dyad.Core.Tests.Incidents;

public sealed class LinkScorerTests
{
    private static readonly DateOnly Day = new(2021, 3, 5);

    [Fact]
    public void Same_day_same_town_same_deaths_and_manner_links_and_says_why()
    {
        var score = Scorer.Score(new(Gtd(1, Day, 30.18, 67.00), Acled(2, Day, 30.19, 67.01)))!;
        score.Accepted.ShouldBeTrue();
        score.Rule.ShouldBe(LinkRules.CrossDataset);
        score.Reasons.ShouldContain("same day (2021-03-05)");
        score.Reasons.ShouldContain("2 killed in both");
        score.Reasons.ShouldContain("both explosive");
        score.Reasons.ShouldContain(r => r == "1.5 km apart");
    }

    [Fact]
    public void An_unknown_perpetrator_matched_to_a_named_group_is_marked_as_such()
    {
        var score = Scorer.Score(new(Gtd(1, Day, 30.18, 67.00, "Unknown"), Acled(2, Day, 30.18, 67.00)))!;
        score.Reasons.ShouldContain("GTD names no perpetrator (Unknown); ACLED names BLA: Baloch Liberation Army");
    }

    [Fact]
    public void The_same_group_under_two_names_counts_for_the_link()
    {
        var score = Scorer.Score(new(Gtd(1, Day, 30.18, 67.00, "Baloch Liberation Army (BLA)"), Acled(2, Day, 30.18, 67.00)))!;
        score.Reasons.ShouldContain("same group (GTD: Baloch Liberation Army (BLA); ACLED: BLA: Baloch Liberation Army)");
        score.Score.ShouldBe(1.0);
    }

    [Fact]
    public void Two_named_groups_that_differ_count_against_it_unless_they_are_factions_of_one_movement()
    {
        var unrelated = Scorer.Score(new(Gtd(1, Day, 30.18, 67.00, "Tehrik-i-Taliban Pakistan (TTP)"), Acled(2, Day, 30.18, 67.00)))!;
        unrelated.Reasons.ShouldContain(r => r.StartsWith("different groups", StringComparison.Ordinal));
        unrelated.Points.ShouldBe(5, "2 + 2 + 2 + 1 for day, place, deaths and manner, −2 for the groups");

        // GTD's BRG and ACLED's BRA for one grenade at one house in Sibi: sources differ on the faction, not the movement.
        var factions = Scorer.Score(new(Gtd(1, Day, 30.18, 67.00, "Baloch Republican Guards (BRG)"), Acled(2, Day, 30.18, 67.00, "BRA: Baloch Republican Army")))!;
        factions.Reasons.ShouldContain("factions of one movement (GTD: Baloch Republican Guards (BRG); ACLED: BRA: Baloch Republican Army)");
        factions.Points.ShouldBe(7);
    }

    [Fact]
    public void A_province_of_a_group_is_the_group()
    {
        // GTD's "Khorasan Chapter of the Islamic State" and a report naming the Islamic State agree on the organisation.
        var gtd = Gtd(1, Day, 34.4, 70.4, "Khorasan Chapter of the Islamic State");
        var acled = Acled(2, Day, 34.4, 70.4, actor1: "Islamic State (Afghanistan)", actor2: "Civilians (Afghanistan)");
        Scorer.Score(new(gtd, acled))!.Reasons.ShouldContain(r => r.StartsWith("same group", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(1, true)]
    public void Dates_more_than_a_day_apart_are_not_candidates(int days, bool scored)
    {
        var score = Scorer.Score(new(Gtd(1, Day, 30.18, 67.00), Acled(2, Day.AddDays(days), 30.18, 67.00)));
        (score is not null).ShouldBe(scored);
    }

    [Fact]
    public void Places_more_than_50_km_apart_are_not_candidates()
    {
        Scorer.Score(new(Gtd(1, Day, 30.0, 67.0), Acled(2, Day, 30.6, 67.0))).ShouldBeNull();
    }

    [Fact]
    public void Different_deaths_and_manner_keep_a_same_day_same_town_pair_apart()
    {
        var score = Scorer.Score(new(Gtd(1, Day, 30.18, 67.00, deaths: 0), Acled(2, Day, 30.18, 67.00, subtype: "Armed clash", deaths: 7)))!;
        score.Accepted.ShouldBeFalse();
        score.Reasons.ShouldContain("0 and 7 killed");
        score.Reasons.ShouldContain("explosive against armed attack");
    }

    [Fact]
    public void Events_without_points_in_the_same_district_are_compared()
    {
        var a = Gtd(1, Day, 0, 0) with { Latitude = null, Longitude = null, Admin2Id = "pk/balochistan/kech" };
        var b = Acled(2, Day, 0, 0, admin2: "pk/balochistan/kech") with { Latitude = null, Longitude = null };
        Scorer.Score(new(a, b))!.Reasons.ShouldContain("same district (no coordinates to compare)");
    }

    [Fact]
    public void Two_gtd_ids_are_never_one_incident()
    {
        var score = Scorer.Score(new(Gtd(1, Day, 34.5, 69.2, "Taliban"), Gtd(2, Day, 34.5, 69.2, "Taliban")))!;
        score.Rule.ShouldBe(LinkRules.WithinDataset);
        score.Accepted.ShouldBeFalse();
    }

    [Fact]
    public void An_acled_row_coded_twice_is_its_own_duplicate_but_a_second_clash_that_day_is_not()
    {
        var first = Acled(1, Day, 26.0, 63.0, deaths: 1, subtype: "Armed clash");
        Scorer.Score(new(first, first with { EventId = 2, DatasetId = "a2" }))!.Accepted.ShouldBeTrue();
        Scorer.Score(new(first, first with { EventId = 2, DatasetId = "a2", Deaths = 3 }))!.Accepted.ShouldBeFalse();
        Scorer.Score(new(first, first with { EventId = 2, DatasetId = "a2", Actor2 = "Militia (Pro-Government)" }))!.Accepted.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, null, "Bombing/Explosion", AttackManner.Explosive)]
    [InlineData(null, null, "Hostage Taking (Kidnapping)", AttackManner.Kidnapping)]
    [InlineData(null, null, "Assassination", AttackManner.Unknown)]
    [InlineData(null, null, "Unarmed Assault", AttackManner.Unknown)]
    [InlineData(null, null, "Facility/Infrastructure Attack", AttackManner.Unknown)]
    [InlineData("Explosions/Remote violence", "Grenade", null, AttackManner.Explosive)]
    [InlineData("Explosions/Remote violence", "Shelling/artillery/missile attack", null, AttackManner.IndirectFire)]
    [InlineData("Violence against civilians", "Abduction/forced disappearance", null, AttackManner.Kidnapping)]
    [InlineData("Violence against civilians", "Attack", null, AttackManner.Armed)]
    [InlineData("Battles", "Armed clash", null, AttackManner.Armed)]
    [InlineData("Protests", "Peaceful protest", null, AttackManner.NonViolent)]
    [InlineData("state-based conflict", null, null, AttackManner.Unknown)]
    public void Every_dataset_s_words_for_an_attack_map_to_one_manner(string? type, string? subtype, string? attack, AttackManner expected) =>
        AttackManners.Of(type, subtype, attack).ShouldBe(expected);

    [Theory]
    [InlineData("Assassination", "Explosives", AttackManner.Explosive)]
    [InlineData("Assassination", "Firearms", AttackManner.Armed)]
    [InlineData("Armed Assault", "Explosives", AttackManner.Armed)]
    [InlineData("Unknown", "Unknown", AttackManner.Unknown)]
    public void An_assassination_is_carried_out_with_its_weapon(string attack, string weapon, AttackManner expected) =>
        AttackManners.Of("Terrorist attack", attack, attack, weapon).ShouldBe(expected);

    [Fact]
    public void Month_dates_earn_nothing_for_time()
    {
        var month = Gtd(1, Day, 30.18, 67.00) with { Start = new DateOnly(2021, 3, 1), End = new DateOnly(2021, 3, 31), Precision = DatePrecision.Month };
        Scorer.Score(new(month, Acled(2, Day, 30.18, 67.00)))!.Reasons.ShouldContain("dates overlap only to the month");
    }
}
