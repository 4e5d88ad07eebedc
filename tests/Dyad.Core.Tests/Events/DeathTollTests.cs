using Dyad.Events;

namespace Dyad.Core.Tests.Events;

/// <summary>One total, the one every count and page uses: unknown stays unknown, never zero.</summary>
public sealed class DeathTollTests
{
    [Fact]
    public void The_total_is_the_best_figure_when_the_source_gives_one() =>
        new DeathToll { Best = 7, Actor1 = 1, Actor2 = 2 }.Total.ShouldBe(7);

    [Fact]
    public void Without_a_best_figure_the_total_is_the_sides_split_and_what_the_source_could_not_assign() =>
        new DeathToll { Actor1 = 3, Actor2 = 4, Civilians = 2, Unknown = 1 }.Total.ShouldBe(10);

    [Fact]
    public void A_source_that_says_nothing_has_no_total_not_zero()
    {
        DeathToll.None.Total.ShouldBeNull();
        new DeathToll { Actor1 = 3 }.Total.ShouldBeNull("one side's deaths are not the event's");
        new DeathToll { Best = 0 }.Total.ShouldBe(0);
    }
}
